package cn.eduduty.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.kafka.KafkaConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends committed outbox rows to Kafka and marks them sent once the broker acknowledged them
 * (idempotent producer, {@code acks=all}). One relay works at a time across all replicas of a
 * service (a PostgreSQL advisory lock), in sequence order, so each region's events arrive in
 * commit order. While Kafka is unreachable it retries with doubling backoff; nothing is lost, the
 * rows simply wait. Its lag (unsent count, age of the oldest) is a metric and a readiness check.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final KafkaConnection kafkaConnection;
    private final MeterRegistry registry;

    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestUnsentEpochMilli = new AtomicLong();
    private volatile Instant lastRound = Instant.EPOCH;
    private volatile String lastError;
    private volatile String awaiting;
    /** A fixed code for what is wrong (for health), never exception text; null when the last round went well. */
    private volatile String failure;
    private volatile int failuresInARow;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Connection leader;
    private final List<InFlight> inFlight = new ArrayList<>();
    private final Set<String> ensuredTopics = new HashSet<>();
    private Instant lastHousekeeping = Instant.EPOCH;

    public OutboxRelay(DataSource dataSource, OutboxConfig config,
            KafkaConnection kafkaConnection, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConnection = kafkaConnection;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("eduduty.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("eduduty.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good (too large, invalid)").register(registry);
        Gauge.builder("eduduty.outbox.oldest.unsent.age.seconds", this, r -> r.oldestUnsentAge().toMillis() / 1000.0)
                .description("Age of the oldest unsent outbox event").register(registry);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled in this process");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            long pause;
            try {
                int progressed = relayOnce();
                refreshLag();
                housekeeping();
                failures = 0;
                failuresInARow = 0;
                lastError = awaiting;
                failure = awaiting == null ? null : AWAITING_ACKNOWLEDGEMENT;
                pause = progressed > 0 ? 0 : config.pollInterval().toMillis();
            } catch (Exception e) {
                failures++;
                failed(e, failures);
                pause = Math.min(config.maxBackoff().toMillis(), 250L << Math.min(failures, 10));
                if (failures == 1 || failures % 10 == 0) {
                    LOG.warnf("Outbox relay round failed (%d in a row), next attempt in %d ms: %s", failures, pause,
                            lastError);
                }
                try {
                    refreshLag();
                } catch (SQLException ignored) {
                    // the database may be what failed; the gauges keep their last values
                }
            }
            lastRound = Instant.now();
            if (pause > 0) {
                try {
                    if (failures == 0 && inFlight.isEmpty()) {
                        awaitCommittedEvents(pause);
                    } else {
                        Thread.sleep(pause);
                    }
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        releaseLeadership();
    }

    /**
     * Waits up to {@code millis} for a transaction that wrote events to commit: {@link Outbox}
     * notifies {@value Outbox#CHANNEL}, on which the leader's connection listens, so an event
     * leaves about as soon as it is committed instead of at the next poll. Polling stays as the
     * fallback (a replica that is not the leader, a notification lost with a connection).
     */
    private void awaitCommittedEvents(long millis) throws InterruptedException {
        if (leader == null) {
            Thread.sleep(millis);
            return;
        }
        try {
            leader.unwrap(PGConnection.class).getNotifications((int) millis);
        } catch (SQLException e) {
            // the connection broke; the next round finds it invalid and takes leadership again
            LOG.debug("waiting for outbox notifications", e);
        }
    }

    /**
     * One round. While a batch is in flight it only collects acknowledgements: the producer keeps
     * retrying in order (idempotent, no delivery timeout), so nothing is sent twice or ahead of an
     * earlier event. Otherwise it sends the next batch of unsent rows in sequence order. Returns
     * how many rows progressed.
     */
    int relayOnce() throws SQLException, InterruptedException {
        if (!holdLeadership()) {
            return 0;
        }
        if (!inFlight.isEmpty()) {
            return collectAcknowledgements();
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = leader.prepareStatement("""
                SELECT seq, id::text, aggregateid, type, dataschema, topic, region_code, "timestamp", payload::text
                FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getString(9)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        for (Row row : rows) {
            ensureTopic(row.topic());
        }
        KafkaProducer<String, byte[]> kafka = producer();
        Exception refused = null;
        for (Row row : rows) {
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
    private int collectAcknowledgements() throws SQLException, InterruptedException {
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
                if (e.getCause() instanceof org.apache.kafka.common.errors.RecordTooLargeException
                        || e.getCause() instanceof org.apache.kafka.common.InvalidRecordException) {
                    park(f.row(), e.getCause());
                }
                // a non-retriable error: drop the in-flight state and start over from the database
                failure = e;
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = leader.prepareStatement(
                    "UPDATE outbox SET sent_at = now() WHERE seq = ANY (?)")) {
                mark.setArray(1, leader.createArrayOf("bigint", acknowledged.toArray()));
                mark.executeUpdate();
            }
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
    private void park(Row row, Throwable cause) throws SQLException {
        try (PreparedStatement s = leader.prepareStatement(
                "UPDATE outbox SET failed_at = now(), failure = ? WHERE seq = ?")) {
            s.setString(1, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            s.setLong(2, row.seq());
            s.executeUpdate();
        }
        LOG.errorf("Outbox event %s (%s, seq %d) parked: Kafka refuses it for good (%s)", row.id(), row.type(), row.seq(),
                cause.getMessage());
    }

    /** Holds a session-level advisory lock on a dedicated connection: one relay per service. */
    private boolean holdLeadership() throws SQLException {
        if (leader != null) {
            try {
                if (leader.isValid(2)) {
                    return true;
                }
            } catch (SQLException e) {
                // fall through and reconnect
            }
            releaseLeadership();
        }
        Connection c = dataSource.getConnection();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            c.setAutoCommit(true);
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    c.close();
                    return false; // another replica relays
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        try (PreparedStatement listen = c.prepareStatement("LISTEN " + Outbox.CHANNEL)) {
            listen.execute();
        } catch (SQLException e) {
            releaseLock(c);
            throw e;
        }
        leader = c;
        return true;
    }

    /** Unlocks and stops listening before the connection goes back to the pool, where nobody reads notifications. */
    private static void releaseLock(Connection c) {
        try (PreparedStatement unlisten = c.prepareStatement("UNLISTEN *")) {
            unlisten.execute();
        } catch (SQLException e) {
            LOG.debug("unlistening on the relay connection", e);
        }
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("releasing the relay lock", e);
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the relay connection", e);
        }
    }

    private void releaseLeadership() {
        inFlight.clear();
        closeProducer();
        if (leader != null) {
            releaseLock(leader);
            leader = null;
        }
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        JsonNode data;
        try {
            data = EventJson.mapper().readTree(row.payload());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox row " + row.seq() + " holds invalid JSON", e);
        }
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, row.id(), config.source(), row.type(),
                row.aggregateId(), row.timestamp(), "application/json", row.dataschema(), row.regionCode(), data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.regionCode(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
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
            producer = new KafkaProducer<>(p, new StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
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

    private void ensureTopic(String topic) throws InterruptedException {
        if (ensuredTopics.contains(topic)) {
            return;
        }
        Properties adminConfig = kafkaConnection.properties();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, config.topicPartitions(), config.topicReplicationFactor())
                    .configs(Map.of("max.message.bytes", Integer.toString(config.maxEventBytes())))))
                    .all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating topic " + topic, e);
        }
        ensuredTopics.add(topic);
    }

    private void refreshLag() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FILTER (WHERE failed_at IS NULL), min(\"timestamp\") FILTER (WHERE failed_at IS NULL),"
                                + " count(*) FILTER (WHERE failed_at IS NOT NULL) FROM outbox WHERE sent_at IS NULL");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            unsent.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestUnsentEpochMilli.set(oldest == null ? 0 : oldest.getTime());
            parked.set(rs.getLong(3));
        }
    }

    private void housekeeping() throws SQLException {
        if (Duration.between(lastHousekeeping, Instant.now()).toMinutes() < 10) {
            return;
        }
        lastHousekeeping = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.retention())));
            s.executeUpdate();
        }
    }

    /** Events Kafka refused for good, waiting for an operator. */
    public long parked() {
        return parked.get();
    }

    public long unsent() {
        return unsent.get();
    }

    public Duration oldestUnsentAge() {
        long oldest = oldestUnsentEpochMilli.get();
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    public Instant lastRound() {
        return lastRound;
    }

    /** What the last round said went wrong, with the exception's text: for the log only. */
    public String lastError() {
        return lastError;
    }

    /** Health's word for what is wrong: one of the fixed codes below, or null. */
    public String failure() {
        return failure;
    }

    /** Rounds that failed one after another; 0 once a round went well. */
    public int failuresInARow() {
        return failuresInARow;
    }

    static final String AWAITING_ACKNOWLEDGEMENT = "awaiting-acknowledgement";
    static final String DATABASE_UNAVAILABLE = "database-unavailable";
    static final String KAFKA_UNAVAILABLE = "kafka-unavailable";
    static final String ROUND_FAILED = "round-failed";

    /** Records a failed round: the detail for the log, a fixed code and the count for health. */
    void failed(Exception e, int failures) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        failuresInARow = failures;
        failure = reason(e);
    }

    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return DATABASE_UNAVAILABLE;
            }
            if (t instanceof org.apache.kafka.common.KafkaException || t instanceof ExecutionException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return KAFKA_UNAVAILABLE;
            }
        }
        return ROUND_FAILED;
    }

    private record InFlight(Row row, Future<RecordMetadata> ack) {
    }

    private record Row(long seq, String id, String aggregateId, String type, String dataschema, String topic,
            String regionCode, Instant timestamp, String payload) {
    }
}
