package cn.eduduty.chaos;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares report-service's read model, built from the events while things died, row by row with
 * a scratch read model that a resync built from the owners' list endpoints afterwards (the
 * expected state). Event ids are left out: the resync has none of its own. So is the version of a
 * rating or a signing: an event carries the self-evaluation's version when that rating was
 * recorded, while the owner's API shows only the current one, which a resync stamps on all of them
 * (their content is compared; the self-evaluation's own version is compared too).
 */
final class ReadModelCheck {

    /** A read-model table and how to pick the run's rows out of it ({@code %s} the region prefix). */
    record Table(String name, String filter, List<String> ignored) {

        Table(String name, String filter) {
            this(name, filter, List.of("event_id"));
        }
    }

    static final List<Table> TABLES = List.of(
            new Table("rm_region", "code LIKE '%s%%'"),
            new Table("rm_school", "county_code LIKE '%s%%'"),
            new Table("rm_school_year", "county_code LIKE '%s%%'"),
            new Table("rm_population", "region_code LIKE '%s%%'"),
            new Table("rm_posting", "region_code LIKE '%s%%'"),
            new Table("rm_posting_line", "posting_id IN (SELECT id FROM rm_posting WHERE region_code LIKE '%s%%')"),
            new Table("rm_fiscal_context", "region_code LIKE '%s%%'"),
            new Table("rm_fiscal_year_closed", "region_code LIKE '%s%%'"),
            new Table("rm_framework", "region_code LIKE '%s%%'"),
            new Table("rm_self_evaluation", "region_code LIKE '%s%%'"),
            new Table("rm_rating", "self_evaluation_id IN (SELECT id FROM rm_self_evaluation WHERE region_code LIKE '%s%%')",
                    List.of("event_id", "version")),
            new Table("rm_self_evaluation_signing",
                    "self_evaluation_id IN (SELECT id FROM rm_self_evaluation WHERE region_code LIKE '%s%%')",
                    List.of("event_id", "version")),
            new Table("rm_county_fact", "region_code LIKE '%s%%'"));

    /** Rows compared, and those missing, extra or different in the event-built read model. */
    static final class Result {
        long rows;
        long missing;
        long extra;
        long different;
        long older;
        final List<String> findings = new ArrayList<>();
    }

    static Result compare(Connection built, Connection expected, String prefix) throws SQLException {
        Result result = new Result();
        for (Table table : TABLES) {
            Map<String, String> have = rows(built, table, prefix);
            Map<String, String> want = rows(expected, table, prefix);
            result.rows += want.size();
            for (Map.Entry<String, String> e : want.entrySet()) {
                String row = have.get(e.getKey());
                if (row == null) {
                    result.missing++;
                    finding(result, "MISSING from the read model: " + table.name() + " " + e.getKey() + " " + e.getValue());
                } else if (!row.equals(e.getValue())) {
                    result.different++;
                    if (version(row) < version(e.getValue())) {
                        result.older++;
                    }
                    finding(result, "DIFFERENT in the read model: " + table.name() + " " + e.getKey() + "\n    events: " + row
                            + "\n    owners: " + e.getValue());
                }
            }
            for (Map.Entry<String, String> e : have.entrySet()) {
                if (!want.containsKey(e.getKey())) {
                    result.extra++;
                    finding(result, "EXTRA in the read model (no owner has it): " + table.name() + " " + e.getKey() + " "
                            + e.getValue());
                }
            }
        }
        return result;
    }

    private static void finding(Result result, String text) {
        if (result.findings.size() < 50) {
            result.findings.add(text);
        }
    }

    private static long version(String row) {
        try {
            return Http.JSON.readTree(row).path("version").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, String> rows(Connection c, Table table, String prefix) throws SQLException {
        List<String> key = primaryKey(c, table.name());
        String keyText = String.join(" || '/' || ", key.stream().map(k -> k + "::text").toList());
        String ignored = table.ignored().stream().map(column -> "'" + column + "'")
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + keyText + ", (to_jsonb(t) - ARRAY[" + ignored + "])::text FROM " + table.name()
                + " t WHERE " + table.filter().formatted(prefix);
        Map<String, String> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    private static synchronized List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> known = KEYS.get(table);
        if (known != null) {
            return known;
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey::smallint[], a.attnum)""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException(table + " has no primary key");
        }
        KEYS.put(table, List.copyOf(columns));
        return columns;
    }
}
