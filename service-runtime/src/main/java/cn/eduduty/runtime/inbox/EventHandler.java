package cn.eduduty.runtime.inbox;

import java.util.Set;

import cn.eduduty.contracts.CloudEvent;

/**
 * A consuming service's reaction to events. {@link #apply} runs inside the transaction that also
 * records the event as processed, at most once per event id.
 */
public interface EventHandler {

    /** Names the consumer: the Kafka consumer group and the key of its processed-event log. */
    String consumerName();

    /** Topics to read. */
    Set<String> topics();

    void apply(CloudEvent event);
}
