package cn.eduduty.runtime.testapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import cn.eduduty.embedded.PostgresServer;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * What the tests look at in the test database, over plain JDBC as the superuser (outside the
 * application, as an operator's {@code psql} would): rows as maps of column name to value.
 */
public final class Database {

    private Database() {
    }

    /** A session of its own, outside the application's pool. */
    public static Connection session() throws SQLException {
        return DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), PostgresServer.SUPERUSER, "");
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = session()) {
            return rows(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            if (!s.execute()) {
                return rows;
            }
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public static long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).get("count")).longValue();
    }

    /** Waits until {@code condition} holds, or fails with {@code what} after {@code within}. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
