package cn.eduduty.runtime.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the event consumer thread is alive (always UP where a service consumes nothing). */
@Readiness
@ApplicationScoped
public class InboxHealthCheck implements HealthCheck {

    private final InboxConsumer consumer;

    public InboxHealthCheck(InboxConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("inbox").status(consumer.isHealthy());
        // a fixed code, never the exception's text: the consumer logs that
        if (consumer.failure() != null) {
            builder.withData("failure", consumer.failure());
        }
        return builder.build();
    }
}
