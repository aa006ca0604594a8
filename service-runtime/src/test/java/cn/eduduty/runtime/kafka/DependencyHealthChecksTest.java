package cn.eduduty.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import cn.eduduty.runtime.health.DatabaseHealthCheck;
import cn.eduduty.runtime.health.KafkaHealthCheck;

/**
 * The database and Kafka readiness checks say DOWN with a fixed code when their server is away,
 * never the driver's or client's message (which names hosts, ports and users).
 */
class DependencyHealthChecksTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithACodeOnly() {
        PGSimpleDataSource away = new PGSimpleDataSource();
        away.setURL("jdbc:postgresql://127.0.0.1:1/secretdb");
        away.setUser("secret_user");
        away.setConnectTimeout(2);
        HealthCheckResponse response = new DatabaseHealthCheck(away).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).isEqualTo(Map.of("failure", "database-unavailable"));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsDownWithACodeOnly() {
        KafkaHealthCheck check = new KafkaHealthCheck(new KafkaConnection(Map.of("bootstrap.servers", "127.0.0.1:1",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"secret_user\" password=\"secret\";")));
        try {
            HealthCheckResponse response = check.call();
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow()).isEqualTo(Map.of("failure", "kafka-unavailable"));
        } finally {
            check.close();
        }
    }
}
