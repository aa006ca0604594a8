package cn.eduduty.testsupport;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;

import cn.eduduty.testsupport.infra.KafkaAccess;
import cn.eduduty.testsupport.infra.KafkaBroker;
import cn.eduduty.testsupport.infra.PostgresServer;
import cn.eduduty.testsupport.infra.TokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real PostgreSQL and one real Kafka broker per test JVM (that is, per module), in
 * parallel, on free ports, removed when the JVM exits; and a token key pair. Every test class of
 * the module shares them, including across Quarkus restarts, because their addresses are kept in
 * String system properties. The service reaches Kafka as its own SCRAM user ({@link KafkaAccess}).
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "eduduty";
    private static final String JDBC_URL = "eduduty.test.jdbc-url";

    @Override
    public Map<String, String> start() {
        String jdbcUrl = System.getProperty(JDBC_URL);
        if (jdbcUrl == null) {
            jdbcUrl = startServers();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", PostgresServer.SUPERUSER,
                "quarkus.datasource.password", "",
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
        postgres.createDatabase(DATABASE);
        kafka.join();
        String url = postgres.jdbcUrl(DATABASE);
        System.setProperty(JDBC_URL, url);
        return url;
    }

    /** The JDBC URL of the test database, for tests that check rows directly. */
    public static String jdbcUrl() {
        return System.getProperty(JDBC_URL);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hooks at exit
    }
}
