package cn.eduduty.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OutboxHealthCheckTest {

    /** A relay configured to run in another process, so its thread's absence does not matter here. */
    private static final OutboxConfig CONFIG = (OutboxConfig) Proxy.newProxyInstance(
            OutboxConfig.class.getClassLoader(), new Class<?>[] { OutboxConfig.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "relayEnabled" -> false;
                case "readinessMaxLag" -> Duration.ofMinutes(15);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static Map<String, Object> data(OutboxRelay relay) {
        HealthCheckResponse response = new OutboxHealthCheck(relay, new OutboxMaintenance(null, CONFIG, null), CONFIG).call();
        return response.getData().orElse(Map.of());
    }

    @Test
    void saysWhatFailedByAFixedCodeAndACountNeverByTheExceptionsText() {
        OutboxRelay relay = new OutboxRelay(CONFIG, null, null, null);
        relay.failed(new SQLException("FATAL: password authentication failed for user \"indicator\" on db-7.internal"), 3);

        Map<String, Object> data = data(relay);
        assertThat(data).containsEntry("failure", "database-unavailable").containsEntry("failuresInARow", 3L)
                .doesNotContainKey("lastError");
        assertThat(data.values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .doesNotContain("password").doesNotContain("internal").doesNotContain("Exception"));
        // the detail is kept for the log
        assertThat(relay.lastError()).contains("password authentication failed");
    }

    @Test
    void namesKafkaAndOtherFailuresByTheirCodes() {
        assertThat(OutboxRelay.reason(new IllegalStateException("Kafka rejected an event: broker-3:9093 down",
                new ExecutionException(new TimeoutException("Topic indicator.events not present"))))).isEqualTo("kafka-unavailable");
        assertThat(OutboxRelay.reason(new IllegalArgumentException("row 17: bad payload"))).isEqualTo("round-failed");
        assertThat(OutboxRelay.reason(new RuntimeException(new SQLException("relation outbox does not exist"))))
                .isEqualTo("database-unavailable");
    }

    @Test
    void reportsNoFailureWhenAllIsWell() {
        assertThat(data(new OutboxRelay(CONFIG, null, null, null))).doesNotContainKeys("failure", "lastError");
    }
}
