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
 */
final class ConsumerLag {

    static final String NAME = "eduduty.inbox.lag";

    private final MultiGauge gauge;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private Set<TopicPartition> reported = Set.of();

    ConsumerLag(MeterRegistry registry) {
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
        if (!now.keySet().equals(reported)) {
            report(Set.copyOf(now.keySet()));
        }
    }

    /** Reports no partition any more (the consumer stopped). */
    void clear() {
        report(Set.of());
    }

    private void report(Set<TopicPartition> partitions) {
        lags.keySet().retainAll(partitions);
        reported = partitions;
        List<MultiGauge.Row<?>> rows = partitions.stream()
                .<MultiGauge.Row<?>>map(tp -> MultiGauge.Row.of(
                        Tags.of("topic", tp.topic(), "partition", String.valueOf(tp.partition())), lags.get(tp),
                        AtomicLong::get))
                .toList();
        gauge.register(rows, true);
    }
}
