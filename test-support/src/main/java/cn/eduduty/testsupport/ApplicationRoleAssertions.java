package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.eduduty.embedded.PostgresServer;

/**
 * Proves from the application role, over JDBC, what the database lets a service do with its
 * tables (docs/decisions.md, "the application role"): on an append-only table SELECT and INSERT,
 * never UPDATE, DELETE, TRUNCATE nor disabling a trigger, each refused with SQL state 42501.
 * Every statement runs in a transaction that is rolled back, and the refused ones match no row,
 * so a test can run it at any time.
 */
public final class ApplicationRoleAssertions {

    /** SQL state of "permission denied" and "must be owner". */
    public static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** The start of a table comment that marks the table append-only (service-runtime's ApplicationRoleGrants). */
    public static final String APPEND_ONLY_MARKER = "append-only";

    private ApplicationRoleAssertions() {
    }

    /** The tables of the test database whose comment marks them append-only. */
    public static Set<String> appendOnlyTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), PostgresServer.SUPERUSER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.relname FROM pg_class c
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                          AND lower(ltrim(coalesce(obj_description(c.oid, 'pg_class'), ''))) LIKE '%s%%'"""
                        .formatted(APPEND_ONLY_MARKER))) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * The application role may read {@code table} and insert into it, and may not update, delete,
     * truncate it nor disable its triggers; nor is it the table's owner or a superuser.
     */
    public static void assertInsertAndSelectOnly(String table) throws SQLException {
        try (Connection app = SuiteInfrastructure.applicationConnection()) {
            app.setAutoCommit(false);
            assertThat(single(app, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
            assertThat(single(app, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '" + table + "'::regclass"))
                    .as("owner of %s", table).isNotEqualTo(SuiteInfrastructure.ROLES.application());
            String column = single(app, "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = '" + table
                    + "'::regclass AND attnum > 0 AND NOT attisdropped AND attidentity = '' AND attgenerated = ''"
                    + " ORDER BY attnum LIMIT 1");

            allowed(app, "SELECT count(*) FROM " + table);
            allowed(app, "INSERT INTO " + table + " OVERRIDING SYSTEM VALUE SELECT * FROM " + table + " WHERE false");
            refused(app, table, "UPDATE " + table + " SET " + column + " = " + column + " WHERE false");
            refused(app, table, "DELETE FROM " + table + " WHERE false");
            refused(app, table, "TRUNCATE " + table);
            refused(app, table, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            refused(app, table, "ALTER TABLE " + table + " DISABLE TRIGGER USER");
        }
    }

    /**
     * The application role owns no table, may truncate none nor disable its triggers, may not
     * create a table, and cannot read Flyway's history.
     */
    public static void assertOwnsNothing() throws SQLException {
        try (Connection app = SuiteInfrastructure.applicationConnection()) {
            app.setAutoCommit(false);
            List<String> tables = list(app, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind IN ('r', 'p') ORDER BY relname");
            assertThat(tables).contains("flyway_schema_history").hasSizeGreaterThan(3);
            assertThat(list(app, "SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles"
                    + " WHERE rolname = current_user)")).isEmpty();
            for (String table : tables) {
                refused(app, table, "TRUNCATE " + table);
                refused(app, table, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            }
            refused(app, "flyway_schema_history", "SELECT count(*) FROM flyway_schema_history");
            refusedWith(app, "(?s).*permission denied for schema public.*", "CREATE TABLE intruder (id int)");
        }
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } finally {
            c.rollback();
        }
        return values;
    }

    private static void allowed(Connection app, String sql) throws SQLException {
        try (Statement s = app.createStatement()) {
            s.execute(sql);
        } finally {
            app.rollback();
        }
    }

    private static void refused(Connection app, String table, String sql) {
        refusedWith(app, "(?s).*(permission denied for table " + table + "|must be owner of table " + table + ").*", sql);
    }

    private static void refusedWith(Connection app, String message, String sql) {
        assertThatThrownBy(() -> {
            try (Statement s = app.createStatement()) {
                s.execute(sql);
            } finally {
                app.rollback();
            }
        }).as("%s as the application role", sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE))
                .hasMessageMatching(message);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } finally {
            c.rollback();
        }
    }
}
