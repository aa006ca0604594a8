package cn.eduduty.runtime.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * How far the inbox consumer is behind each partition it holds, as the gauge {@code eduduty.inbox.lag}
 * (Prometheus {@code eduduty_inbox_lag}) tagged {@code topic} and {@code partition}: the partition's end
 * offset as of the consumer's last fetch minus its position, so records not yet applied (a record
 * being retried counts as not applied). A Kafka consumer is used by one thread only, so the consumer's
 * loop calls {@link #observe} after each round and the gauge reads what it saw last; the rows follow
 * the assignment, so after a rebalance each partition is reported by the replica that holds it.
 *
 * <p>Beside it, the consumer's progress: the counter {@code eduduty.inbox.applied} (Prometheus
 * {@code eduduty_inbox_applied_total}) with the same tags counts the records of a partition the consumer
 * moved past and committed (applied, skipped as applied before, or parked), incremented by the loop
 * through {@link #moved}. Lag alone cannot tell a consumer working through a steady backlog from one
 * retrying the same record; the count can. A partition's counter is registered (at 0) when the
 * partition is first seen here and stays when the partition moves away, so that its series is
 * continuous when it comes back: the series are bounded by the partitions of the topics consumed.
 */
final class ConsumerLag {

    static final String NAME = "eduduty.inbox.lag";
    static final String APPLIED = "eduduty.inbox.applied";

    private final MeterRegistry registry;
    private final MultiGauge gauge;
    private final Map<TopicPartition, Counter> applied = new HashMap<>();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private Set<TopicPartition> reported = Set.of();

    ConsumerLag(MeterRegistry registry) {
        this.registry = registry;
        this.gauge = MultiGauge.builder(NAME)
                .description("Records of a partition this replica holds that the inbox has not applied yet")
                .register(registry);
    }

    /** Reads the lag of every assigned partition whose end offset the consumer knows (its loop thread only). */
    void observe(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                now.put(tp, lag.getAsLong());
            }
        }
        now.forEach((tp, lag) -> lags.computeIfAbsent(tp, k -> new AtomicLong()).set(lag));
        now.keySet().forEach(this::applied);
        if (!now.keySet().equals(reported)) {
            report(Set.copyOf(now.keySet()));
        }
    }

    /** Counts records the consumer moved past and committed, per partition (its loop thread only). */
    void moved(Map<TopicPartition, Integer> records) {
        records.forEach((tp, n) -> applied(tp).increment(n));
    }

    private Counter applied(TopicPartition tp) {
        return applied.computeIfAbsent(tp, k -> Counter.builder(APPLIED)
                .description("Records of a partition the inbox consumer moved past: applied, skipped or parked")
                .tags(tags(k))
                .register(registry));
    }

    private static Tags tags(TopicPartition tp) {
        return Tags.of("topic", tp.topic(), "partition", String.valueOf(tp.partition()));
    }

    /** Reports no partition any more (the consumer stopped); the applied counts stay. */
    void clear() {
        report(Set.of());
    }

    private void report(Set<TopicPartition> partitions) {
        lags.keySet().retainAll(partitions);
        reported = partitions;
        List<MultiGauge.Row<?>> rows = partitions.stream()
                .<MultiGauge.Row<?>>map(tp -> MultiGauge.Row.of(tags(tp), lags.get(tp), AtomicLong::get))
                .toList();
        gauge.register(rows, true);
    }
}
