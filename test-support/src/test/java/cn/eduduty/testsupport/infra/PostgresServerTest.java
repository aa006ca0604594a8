package cn.eduduty.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class PostgresServerTest {

    static boolean isRoot() {
        return PostgresServer.isRoot();
    }

    /** The fallback for machines where root may not create user namespaces. */
    @Test
    @EnabledIf("isRoot")
    void startsAsNobodyThroughAPrivilegeDropWhenRunningAsRoot() throws Exception {
        System.setProperty("eduduty.pg.privilege-drop", "true");
        try (PostgresServer server = PostgresServer.start(
                Path.of(System.getProperty("java.io.tmpdir"), "eduduty-pg"), null)) {
            server.createDatabase("drop_test");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("drop_test"), PostgresServer.SUPERUSER, "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("drop_test");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 18");
            }
        } finally {
            System.clearProperty("eduduty.pg.privilege-drop");
        }
    }

    @Test
    void startsTheDefaultWayAndCreatesDatabasesOnce() throws Exception {
        try (PostgresServer server = PostgresServer.start(
                Path.of(System.getProperty("java.io.tmpdir"), "eduduty-pg"), null)) {
            server.createDatabase("twice");
            server.createDatabase("twice");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("twice"), PostgresServer.SUPERUSER, "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
