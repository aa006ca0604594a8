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
    private final OutboxMaintenance lag;
    private final OutboxConfig config;

    public OutboxHealthCheck(OutboxRelay relay, OutboxMaintenance lag, OutboxConfig config) {
        this.relay = relay;
        this.lag = lag;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long ageSeconds = lag.oldestUnsentAge().toSeconds();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox")
                .withData("unsent", lag.unsent())
                .withData("oldestUnsentAgeSeconds", ageSeconds)
                .withData("relayRunning", relay.isRunning())
                .withData("parked", lag.parked());
        // a fixed code and a count, never the exception's text (which may name hosts, users, tables):
        // the relay logs that
        if (relay.failure() != null) {
            builder.withData("failure", relay.failure()).withData("failuresInARow", relay.failuresInARow());
        }
        boolean relayOk = relay.isRunning() || !config.relayEnabled();
        boolean lagOk = lag.oldestUnsentAge().compareTo(config.readinessMaxLag()) <= 0;
        return builder.status(relayOk && lagOk && lag.parked() == 0).build();
    }
}
