package cn.eduduty.runtime.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the relay is alive, its lag is below {@code eduduty.outbox.readiness-max-lag}, and no
 * event is parked (refused by Kafka for good, waiting for an operator).
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long ageSeconds = relay.oldestUnsentAge().toSeconds();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox")
                .withData("unsent", relay.unsent())
                .withData("oldestUnsentAgeSeconds", ageSeconds)
                .withData("relayRunning", relay.isRunning())
                .withData("parked", relay.parked());
        // a fixed code and a count, never the exception's text (which may name hosts, users, tables):
        // the relay logs that
        if (relay.failure() != null) {
            builder.withData("failure", relay.failure()).withData("failuresInARow", relay.failuresInARow());
        }
        boolean relayOk = relay.isRunning() || !config.relayEnabled();
        boolean lagOk = relay.oldestUnsentAge().compareTo(config.readinessMaxLag()) <= 0;
        return builder.status(relayOk && lagOk && relay.parked() == 0).build();
    }
}
