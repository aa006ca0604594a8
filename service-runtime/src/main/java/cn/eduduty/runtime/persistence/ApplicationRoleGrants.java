package cn.eduduty.runtime.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

/**
 * After every Flyway migrate (run as the schema's owner, {@code quarkus.flyway.username}), gives
 * the application role ({@code quarkus.datasource.username}) exactly what it needs on every table
 * of the schema the owner owns: SELECT and INSERT on a table whose comment begins with
 * {@value #APPEND_ONLY_MARKER}, SELECT, INSERT, UPDATE and DELETE on any other; never TRUNCATE,
 * REFERENCES or TRIGGER, and never ownership, so it cannot disable a trigger either. Flyway's own
 * history table is not granted at all. Sequences get USAGE and SELECT.
 *
 * <p>A migration makes a table append-only by commenting it:
 * {@code COMMENT ON TABLE audit_event IS 'append-only: ...';} no list to keep anywhere else. The
 * grants are recomputed (revoked, then granted) in the migration's transaction on every start, so
 * a table added or marked later is covered at the next start.
 *
 * <p>Where the application connects as the owner itself (a development database with one role),
 * there is nothing to grant and the append-only tables rest on their triggers only: logged as a
 * warning.
 */
public class ApplicationRoleGrants extends BaseCallback {

    /** The beginning of a table comment that makes the table INSERT/SELECT only for the application. */
    public static final String APPEND_ONLY_MARKER = "append-only";

    private static final Logger LOG = Logger.getLogger(ApplicationRoleGrants.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        Optional<String> appRole = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class);
        try {
            grant(context.getConnection(), appRole.orElse(null), context.getConfiguration().getTable());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application role its privileges", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application-role-grants";
    }

    /** Grants {@code appRole} its privileges on the tables {@code owner}'s current user owns. */
    public static void grant(Connection owner, String appRole, String historyTable) throws SQLException {
        String ownerRole = currentUser(owner);
        if (appRole == null || appRole.isBlank() || appRole.equals(ownerRole)) {
            LOG.warnf("The application connects as %s, the owner of its tables: append-only tables are protected by"
                    + " their triggers only. Set quarkus.flyway.username to the owner and quarkus.datasource.username"
                    + " to a role without ownership.", ownerRole);
            return;
        }
        List<String> statements = new ArrayList<>();
        statements.add("GRANT USAGE ON SCHEMA " + quote(currentSchema(owner)) + " TO " + quote(appRole));
        try (PreparedStatement tables = owner.prepareStatement("""
                SELECT c.relname, c.relkind, coalesce(obj_description(c.oid, 'pg_class'), '') AS comment
                FROM pg_class c
                WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                  AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                ORDER BY c.relname""")) {
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("relname");
                    String kind = rs.getString("relkind");
                    String table = quote(name);
                    String role = quote(appRole);
                    if (kind.equals("S")) {
                        statements.add("REVOKE ALL ON SEQUENCE " + table + " FROM " + role);
                        statements.add("GRANT USAGE, SELECT ON SEQUENCE " + table + " TO " + role);
                        continue;
                    }
                    statements.add("REVOKE ALL ON TABLE " + table + " FROM " + role);
                    if (name.equals(historyTable)) {
                        continue;
                    }
                    String privileges = !(kind.equals("r") || kind.equals("p")) ? "SELECT"
                            : isAppendOnly(rs.getString("comment")) ? "SELECT, INSERT"
                            : "SELECT, INSERT, UPDATE, DELETE";
                    statements.add("GRANT " + privileges + " ON TABLE " + table + " TO " + role);
                }
            }
        }
        // replicas starting together would otherwise grant on the same table at once, which
        // PostgreSQL may refuse ("tuple concurrently updated")
        try (Statement s = owner.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('eduduty:application-role-grants'))");
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } finally {
                try {
                    s.execute("SELECT pg_advisory_unlock(hashtext('eduduty:application-role-grants'))");
                } catch (SQLException e) {
                    // a failed grant aborted the transaction; the lock goes with the connection
                }
            }
        }
    }

    /** Whether a table comment marks its table append-only. */
    public static boolean isAppendOnly(String comment) {
        return comment != null && comment.strip().regionMatches(true, 0, APPEND_ONLY_MARKER, 0, APPEND_ONLY_MARKER.length());
    }

    private static String currentUser(Connection c) throws SQLException {
        return single(c, "SELECT current_user AS value");
    }

    private static String currentSchema(Connection c) throws SQLException {
        return single(c, "SELECT current_schema() AS value");
    }

    /** The column {@code value} of the one row of {@code sql}. */
    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString("value");
        }
    }

    /** An SQL identifier, quoted. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
