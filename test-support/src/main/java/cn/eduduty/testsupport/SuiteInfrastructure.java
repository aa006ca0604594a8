package cn.eduduty.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;

import cn.eduduty.embedded.KafkaAccess;
import cn.eduduty.embedded.KafkaBroker;
import cn.eduduty.embedded.PostgresServer;
import cn.eduduty.embedded.TokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real PostgreSQL and one real Kafka broker per test JVM (that is, per module), in
 * parallel, on free ports, removed when the JVM exits; and a token key pair. Every test class of
 * the module shares them, including across Quarkus restarts, because their addresses are kept in
 * String system properties. The service reaches Kafka as its own SCRAM user ({@link KafkaAccess}).
 *
 * <p>The database has the two roles every deployment has ({@link #ROLES}): Flyway migrates as
 * the owner, the service connects as the application role, which owns nothing. Tests that check
 * rows directly may connect as the superuser ({@link PostgresServer#SUPERUSER}) or, to prove what
 * the application may not do, as the application role ({@link #applicationConnection()}).
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "eduduty";
    /** {@code eduduty_owner} and {@code eduduty_app}: one database per test JVM, so one pair. */
    public static final PostgresServer.ServiceRoles ROLES = PostgresServer.ServiceRoles.of(DATABASE);
    private static final String JDBC_URL = "eduduty.test.jdbc-url";

    @Override
    public Map<String, String> start() {
        String jdbcUrl = System.getProperty(JDBC_URL);
        if (jdbcUrl == null) {
            jdbcUrl = startServers();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", ROLES.application(),
                "quarkus.datasource.password", ROLES.application(),
                // Quarkus uses the Flyway user only with a non-empty password; the server trusts
                // localhost, so any password does
                "quarkus.flyway.username", ROLES.owner(),
                "quarkus.flyway.password", ROLES.owner(),
                "kafka.bootstrap.servers", System.getProperty("eduduty.kafka.bootstrap"),
                // the service logs in as its own user, with exactly the rights it has in production
                "kafka.sasl.jaas.config", KafkaBroker.jaasConfig(kafkaUser()),
                "mp.jwt.verify.publickey.location", Tokens.issuer().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TokenIssuer.ISSUER,
                "mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
    }

    /** The Kafka user of the service under test: the one named as the application is. */
    static String kafkaUser() {
        String application = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .orElseThrow(() -> new IllegalStateException("quarkus.application.name is not set"));
        return KafkaAccess.service(application).map(KafkaAccess.User::name)
                .orElseThrow(() -> new IllegalStateException("no Kafka user for " + application + " in KafkaAccess"));
    }

    private static synchronized String startServers() {
        String existing = System.getProperty(JDBC_URL);
        if (existing != null) {
            return existing;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.ensureStarted(KafkaBroker.temporaryLogDirectory(), true));
        PostgresServer postgres = PostgresServer.start(tmp.resolve("eduduty-pg"), null);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-stopper"));
        postgres.createServiceDatabase(DATABASE, ROLES);
        kafka.join();
        String url = postgres.jdbcUrl(DATABASE);
        System.setProperty(JDBC_URL, url);
        return url;
    }

    /** The JDBC URL of the test database, for tests that check rows directly. */
    public static String jdbcUrl() {
        return System.getProperty(JDBC_URL);
    }

    /** A connection as the application role, the one the service itself uses. */
    public static Connection applicationConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), ROLES.application(), "");
    }

    /** A connection as the owner Flyway migrates with. */
    public static Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), ROLES.owner(), "");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hooks at exit
    }
}
