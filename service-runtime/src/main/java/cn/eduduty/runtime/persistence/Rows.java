package cn.eduduty.runtime.persistence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * The one way to read a native query's rows: as {@link Tuple}s whose columns are read by name
 * (the SQL's column names or aliases), converted with the same rules whichever Java type the
 * driver chose. A query class maps each row to a record at one place:
 *
 * <pre>{@code
 * return Rows.list(em, "SELECT code, name FROM region WHERE code LIKE :prefix", q -> q.setParameter("prefix", p))
 *         .stream().map(t -> new Region(Rows.text(t, "code"), Rows.text(t, "name"))).toList();
 * }</pre>
 */
public final class Rows {

    private Rows() {
    }

    /** How a query gets its parameters before it runs. */
    @FunctionalInterface
    public interface Parameters {
        Query set(Query query);
    }

    /** The rows of {@code sql} with {@code parameters} set. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(EntityManager em, String sql, Parameters parameters) {
        return parameters.set(em.createNativeQuery(sql, Tuple.class)).getResultList();
    }

    /** The rows of {@code sql}, which takes no parameters. */
    public static List<Tuple> list(EntityManager em, String sql) {
        return list(em, sql, q -> q);
    }

    /** The only row of {@code sql}, if it returned one (more than one is an error of the query). */
    public static Optional<Tuple> one(EntityManager em, String sql, Parameters parameters) {
        List<Tuple> rows = list(em, sql, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + ": " + sql);
        }
        return rows.stream().findFirst();
    }

    public static String text(Tuple row, String column) {
        return row.get(column, String.class);
    }

    /** A whole-number column as {@code int}; null reads as null. */
    public static Integer integer(Tuple row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.intValue();
    }

    /** A whole-number column (count, sum, bigint) as {@code long}; null reads as null. */
    public static Long whole(Tuple row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    /** An exact numeric column; an integer column reads exactly too. Never through a double. */
    public static BigDecimal decimal(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger) {
            return new BigDecimal(value.toString());
        }
        throw new IllegalArgumentException("column " + column + " is not exact: " + value.getClass());
    }

    public static Boolean bool(Tuple row, String column) {
        return row.get(column, Boolean.class);
    }

    public static Instant instant(Tuple row, String column) {
        return SqlValues.instant(row.get(column));
    }

    public static LocalDate date(Tuple row, String column) {
        return SqlValues.date(row.get(column));
    }

    public static UUID uuid(Tuple row, String column) {
        return row.get(column, UUID.class);
    }
}
