package cn.eduduty.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * One topic per owning service, keyed and partitioned by region code. Only the owner writes its
 * topic, and its events carry the owner's CloudEvents {@code source}: a consumer trusts an event
 * only when topic, source and type (see {@link EventType#topic()}) agree.
 */
public final class Topics {
    public static final String INDICATOR = "indicator.events";
    public static final String REGISTRY = "registry.events";
    public static final String FUNDING = "funding.events";
    public static final String REPORT = "report.events";

    /** The CloudEvents {@code source} of each topic's owner (each service's {@code eduduty.outbox.source}). */
    private static final Map<String, String> OWNERS = Map.of(
            INDICATOR, "/indicator-service",
            REGISTRY, "/school-registry-service",
            FUNDING, "/funding-service",
            REPORT, "/report-service");

    private Topics() {
    }

    /** The {@code source} of the service that owns {@code topic}; empty for a topic of no service. */
    public static Optional<String> ownerSource(String topic) {
        return Optional.ofNullable(topic == null ? null : OWNERS.get(topic));
    }
}
