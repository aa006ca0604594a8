package cn.eduduty.runtime.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.outbox.*}: where and how a service relays its outbox to Kafka. */
@ConfigMapping(prefix = "eduduty.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /school-registry-service}. */
    String source();

    /** Whether the relay runs in this process. Writes go to the outbox table either way. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between polls of the outbox when it is empty. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Rows sent per round. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait between attempts while Kafka is unreachable (backoff doubles up to this). */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Partitions of the topics the relay creates when they do not exist. */
    @WithDefault("6")
    int topicPartitions();

    /** Replication factor of the topics the relay creates. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Readiness goes DOWN when the oldest unsent event is older than this. */
    @WithDefault("15m")
    Duration readinessMaxLag();

    /**
     * The largest event (envelope included) the relay's producer sends and the topics it creates
     * accept. {@link Outbox} refuses a write whose event would be larger, in the write's own
     * transaction, so nothing is stored that the broker would refuse for ever.
     */
    @WithDefault("8388608")
    int maxEventBytes();

    /** Sent rows are deleted after this long. */
    @WithDefault("7d")
    Duration retention();
}
