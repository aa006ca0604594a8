package cn.eduduty.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.embedded.KafkaAccess;
import cn.eduduty.embedded.KafkaBroker;

/**
 * Reads a topic from "now" on, without a consumer group, and collects the records that arrive:
 * what a test needs to see exactly which events a change produced. It reads as the broker's
 * administrator.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /**
     * A record as it came: key, content-type header, the parsed envelope, and the W3C
     * {@code traceparent} header (null when the record has none).
     */
    public record Received(String key, String contentType, CloudEvent event, int partition, long offset,
            String traceparent) {

        public Received(String key, String contentType, CloudEvent event, int partition, long offset) {
            this(key, contentType, event, partition, offset, null);
        }
    }

    public static TopicReader fromNow(String topic) {
        String bootstrap = System.getProperty("eduduty.kafka.bootstrap");
        createIfMissing(bootstrap, topic);
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(KafkaAccess.ADMIN));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        return new TopicReader(consumer);
    }

    static void createIfMissing(String bootstrap, String topic) {
        Map<String, Object> config = KafkaBroker.clientProperties(KafkaAccess.ADMIN);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code expected} records matching {@code filter} arrived, or fails after {@code within}. */
    public List<Received> await(Predicate<Received> filter, int expected, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            pollOnce(Duration.ofMillis(200));
            List<Received> matching = matching(filter);
            if (matching.size() >= expected) {
                return matching;
            }
        }
        throw new AssertionError("expected " + expected + " matching records within " + within + ", got "
                + matching(filter).size() + " of " + received.size() + " received");
    }

    /** Keeps reading for {@code quiet} and returns every matching record received so far. */
    public List<Received> settle(Predicate<Received> filter, Duration quiet) {
        Instant until = Instant.now().plus(quiet);
        while (Instant.now().isBefore(until)) {
            pollOnce(Duration.ofMillis(200));
        }
        return matching(filter);
    }

    public static Predicate<Received> subject(String subject) {
        return r -> subject.equals(r.event().subject());
    }

    private List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            received.add(new Received(record.key(), header(record, "content-type"), EventJson.read(record.value()),
                    record.partition(), record.offset(), header(record, "traceparent")));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
