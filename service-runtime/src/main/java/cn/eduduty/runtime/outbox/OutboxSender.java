package cn.eduduty.runtime.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.kafka.KafkaConnection;
import cn.eduduty.runtime.outbox.OutboxQueries.Pending;
import cn.eduduty.runtime.tracing.TraceContext;

/**
 * Sends the outbox to Kafka for the leading relay: the next batch of unsent rows in sequence
 * order, through an idempotent producer ({@code acks=all}) whose batches never expire, and marks
 * rows sent only once the broker acknowledged them, per region only up to its first
 * unacknowledged event. An event the broker refuses for good (too large, invalid) is parked so the
 * events behind it can go; any other refusal drops the producer and starts over from the database.
 */
@ApplicationScoped
class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final OutboxQueries queries;
    private final TopicProvisioning topics;
    private final OutboxConfig config;
    private final KafkaConnection kafkaConnection;

    private KafkaProducer<String, byte[]> producer;
    private final List<InFlight> inFlight = new ArrayList<>();
    private volatile String awaiting;

    OutboxSender(OutboxQueries queries, TopicProvisioning topics, OutboxConfig config,
            KafkaConnection kafkaConnection) {
        this.queries = queries;
        this.topics = topics;
        this.config = config;
        this.kafkaConnection = kafkaConnection;
    }

    private record InFlight(Pending row, Future<RecordMetadata> ack) {
    }

    /**
     * One round. While a batch is in flight it only collects acknowledgements: the producer keeps
     * retrying in order (idempotent, no delivery timeout), so nothing is sent twice or ahead of an
     * earlier event. Otherwise it sends the next batch of unsent rows in sequence order. Returns
     * how many rows progressed.
     */
    int sendRound(int leaderPid) throws InterruptedException {
        if (!inFlight.isEmpty()) {
            return collectAcknowledgements();
        }
        List<Pending> rows = queries.unsent(config.batchSize(), leaderPid);
        if (rows.isEmpty()) {
            return 0;
        }
        for (Pending row : rows) {
            topics.ensure(row.topic());
        }
        KafkaProducer<String, byte[]> kafka = producer();
        Exception refused = null;
        for (Pending row : rows) {
            try {
                Future<RecordMetadata> ack = kafka.send(record(row));
                if (ack.isDone()) {
                    // failed before it reached the producer's buffer (e.g. no metadata while the
                    // broker is away): nothing after it may be sent now, or it would overtake it
                    ack.get();
                }
                inFlight.add(new InFlight(row, ack));
            } catch (RuntimeException | ExecutionException e) {
                refused = e; // this row and the rest wait for a later round, in order
                break;
            }
        }
        int progressed = collectAcknowledgements();
        if (refused != null && inFlight.isEmpty() && progressed == 0) {
            throw new IllegalStateException("Kafka refused the event: " + refused.getMessage(), refused);
        }
        return progressed;
    }

    /** Marks what the broker acknowledged, per region only up to its first unacknowledged event. */
    private int collectAcknowledgements() throws InterruptedException {
        long waitUntil = System.currentTimeMillis() + 2000;
        while (inFlight.stream().anyMatch(f -> !f.ack().isDone()) && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(10);
        }
        List<Long> acknowledged = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        Exception failure = null;
        List<InFlight> still = new ArrayList<>();
        for (InFlight f : inFlight) {
            String region = f.row().regionCode();
            if (!f.ack().isDone()) {
                blocked.add(region);
                still.add(f);
                continue;
            }
            try {
                f.ack().get();
                if (blocked.contains(region)) {
                    still.add(f); // acknowledged, but an earlier event of its region is not yet
                } else {
                    acknowledged.add(f.row().seq());
                }
            } catch (ExecutionException e) {
                blocked.add(region);
                if (e.getCause() instanceof RecordTooLargeException || e.getCause() instanceof InvalidRecordException) {
                    park(f.row(), e.getCause());
                }
                // a non-retriable error: drop the in-flight state and start over from the database
                failure = e;
            }
        }
        if (!acknowledged.isEmpty()) {
            queries.markSent(acknowledged);
        }
        inFlight.clear();
        if (failure != null) {
            closeProducer();
            throw new IllegalStateException("Kafka rejected an event: " + failure.getCause().getMessage(), failure);
        }
        inFlight.addAll(still);
        if (!still.isEmpty() && acknowledged.isEmpty()) {
            // the producer keeps retrying on its own; the next round looks again
            awaiting = still.size() + " events await acknowledgement from Kafka";
        } else {
            awaiting = null;
        }
        return acknowledged.size();
    }

    /** Takes an event Kafka will never accept out of the queue, so the events behind it can go. */
    private void park(Pending row, Throwable cause) {
        queries.park(row.seq(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        LOG.errorf("Outbox event %s (%s, seq %d) parked: Kafka refuses it for good (%s)", row.id(), row.type(), row.seq(),
                cause.getMessage());
    }

    /** What the last round left waiting for the broker, for the log; null when nothing waits. */
    String awaiting() {
        return awaiting;
    }

    /** Whether no batch is in flight. */
    boolean idle() {
        return inFlight.isEmpty();
    }

    /** Forgets the batch in flight and closes the producer (leadership lost, or the relay stops). */
    void reset() {
        inFlight.clear();
        closeProducer();
    }

    private ProducerRecord<String, byte[]> record(Pending row) {
        JsonNode data;
        try {
            data = EventJson.mapper().readTree(row.payload());
        } catch (IOException e) {
            throw new IllegalStateException("outbox row " + row.seq() + " holds invalid JSON", e);
        }
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, row.id(), config.source(), row.type(),
                row.aggregateId(), row.timestamp(), "application/json", row.dataschema(), row.regionCode(), data,
                row.traceparent());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.regionCode(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (row.traceparent() != null) {
            // the envelope's attribute is the contract; the header is the same value where Kafka
            // tools and instrumented clients look for it without parsing the body
            record.headers().add(TraceContext.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = kafkaConnection.properties();
            p.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            // never expire a batch: the producer retries in order until the broker is back
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxEventBytes());
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer", e);
            }
            producer = null;
        }
    }
}
