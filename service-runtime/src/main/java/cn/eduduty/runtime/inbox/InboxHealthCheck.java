package cn.eduduty.runtime.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the event consumer thread is alive (always UP where a service consumes nothing). The
 * detail counts parked events and the failed attempts at the record it is on, without exception
 * text. Parked events do not make it DOWN: their partitions moved on, and a producer able to park
 * an event must not be able to take the service out of rotation.
 */
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
        consumer.parkedCount().ifPresent(count -> builder.withData("parked", count));
        if (consumer.retrying() > 0) {
            builder.withData("retrying", consumer.retrying());
        }
        return builder.build();
    }
}
