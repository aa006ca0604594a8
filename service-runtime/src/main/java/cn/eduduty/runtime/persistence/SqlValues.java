package cn.eduduty.runtime.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Column values of native queries, whichever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
