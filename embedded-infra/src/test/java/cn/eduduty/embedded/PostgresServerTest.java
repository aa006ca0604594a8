package cn.eduduty.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** The launcher's data directory from before the two roles carries on: its objects go to the owner. */
    @Test
    void createsAServiceDatabaseWithTwoRolesAndHandsOlderObjectsToTheOwner() throws Exception {
        try (PostgresServer server = PostgresServer.start(
                Path.of(System.getProperty("java.io.tmpdir"), "eduduty-pg"), null)) {
            server.createDatabase("legacy");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("legacy"), PostgresServer.SUPERUSER, "")) {
                c.createStatement().execute("CREATE TABLE old_table (id bigint GENERATED ALWAYS AS IDENTITY, v text)");
                c.createStatement().execute("CREATE FUNCTION old_function() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            }
            PostgresServer.ServiceRoles roles = PostgresServer.ServiceRoles.of("legacy");
            server.createServiceDatabase("legacy", roles);
            server.createServiceDatabase("legacy", roles);

            try (Connection c = DriverManager.getConnection(server.jdbcUrl("legacy"), PostgresServer.SUPERUSER, "");
                    ResultSet rs = c.createStatement().executeQuery("""
                            SELECT (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'old_table'),
                                   (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'old_table_id_seq'),
                                   (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'old_function'),
                                   (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'legacy'),
                                   (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public')""")) {
                rs.next();
                for (int i = 1; i <= 5; i++) {
                    assertThat(rs.getString(i)).isEqualTo("legacy_owner");
                }
            }
            // the application role connects, and may do nothing the owner has not granted
            try (Connection app = DriverManager.getConnection(server.jdbcUrl("legacy"), roles.application(), "")) {
                assertThatThrownBy(() -> app.createStatement().executeQuery("SELECT * FROM public.old_table"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> app.createStatement().execute("CREATE TABLE public.intruder (id int)"))
                        .hasMessageContaining("permission denied");
            }
        }
    }
}
