package cn.eduduty.runtime.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.kafka.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the handler's topics with a plain Kafka consumer on a worker thread and applies each
 * record through the {@link Inbox}, one transaction per event, committing Kafka offsets after the
 * database. A redelivered record is recognised by its event id. A failing handler is retried with
 * backoff from the same offset, so a partition's events are applied in order or not at all.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final KafkaConnection kafkaConnection;
    private volatile boolean running;
    private volatile String lastError;
    private KafkaConsumer<String, String> consumer;
    private Thread worker;

    public InboxConsumer(Instance<EventHandler> handlers, Inbox inbox,
            KafkaConnection kafkaConnection) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.kafkaConnection = kafkaConnection;
    }

    void start(@Observes StartupEvent event) {
        if (!handlers.isResolvable()) {
            return;
        }
        EventHandler handler = handlers.get();
        Properties p = kafkaConnection.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, handler.consumerName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        // a topic is created by its owner; a reader asking for it before then must not (nor may it: ACLs)
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        running = true;
        worker = new Thread(() -> loop(handler), "inbox-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop(EventHandler handler) {
        Map<TopicPartition, Integer> failures = new HashMap<>();
        try {
            consumer.subscribe(List.copyOf(handler.topics()));
            while (running) {
                try {
                    round(handler, failures);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a broker restart or a rebalance: the uncommitted records come again, the inbox dedupes them
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warnf("Inbox consumer round failed, polling again: %s", lastError);
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void round(EventHandler handler, Map<TopicPartition, Integer> failures) throws InterruptedException {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        java.util.Set<TopicPartition> failed = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (failed.contains(tp)) {
                continue; // this partition failed earlier in the batch; retried after the pause
            }
            try {
                apply(handler, record);
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                failures.remove(tp);
            } catch (RuntimeException e) {
                int count = failures.merge(tp, 1, Integer::sum);
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf(e, "Applying %s-%d@%d failed (%d in a row); retrying", record.topic(), record.partition(),
                        record.offset(), count);
                consumer.seek(tp, record.offset());
                failed.add(tp);
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        int worst = failed.stream().mapToInt(tp -> failures.getOrDefault(tp, 0)).max().orElse(0);
        if (worst > 0) {
            Thread.sleep(Math.min(30_000L, 200L << Math.min(worst, 8)));
        } else {
            lastError = null;
        }
    }

    /** Whether the consumer thread is alive (true where this service consumes nothing). */
    public boolean isHealthy() {
        return !running || (worker != null && worker.isAlive());
    }

    public String lastError() {
        return lastError;
    }

    private void apply(EventHandler handler, ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventJson.read(record.value());
        } catch (IllegalArgumentException e) {
            LOG.errorf("Skipping %s-%d@%d: not a CloudEvents envelope (%s)", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event.id() == null || event.type() == null || !event.id().matches("[0-9a-fA-F-]{36}")) {
            LOG.errorf("Skipping %s-%d@%d: envelope without a UUID id or a type", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        inbox.applyOnce(handler, event, record.topic(), record.partition(), record.offset());
    }
}
