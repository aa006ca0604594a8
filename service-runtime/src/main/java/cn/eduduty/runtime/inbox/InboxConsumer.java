package cn.eduduty.runtime.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;

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
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.kafka.KafkaConnection;
import cn.eduduty.runtime.loop.BackgroundLoop;
import cn.eduduty.runtime.tracing.TraceContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the handler's topics with a plain Kafka consumer, in a loop on the managed executor, and applies each
 * record through the {@link Inbox}, one transaction per event, committing Kafka offsets after the
 * database. A redelivered record is recognised by its event id. A record its topic's owner could
 * not have written ({@link Admission}), or that the handler refuses ({@link EventRefused}), is
 * parked at once ({@link ParkedEvents}); a failing handler is retried with backoff from the same
 * offset, so a partition's events are applied in order, and after {@code eduduty.inbox.max-attempts}
 * the event is parked and the partition moves on. Failures the database reports as transient are
 * retried without counting: the event is not at fault. After each round the loop hands the
 * consumer to {@link ConsumerLag}, which reports how far each partition is behind and counts the records
 * the loop moved past; the gauge {@code eduduty.inbox.consumer.running} is 1 while the loop runs and 0
 * once it has ended (it stays registered, so that a consumer that stopped can be alerted on).
 *
 * <p>Each record is applied in a span that continues the trace of the write that recorded it (the
 * event's {@code traceparent}, CloudEvents' Distributed Tracing extension).
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    /** The MDC keys OpenTelemetry uses for a request's log lines. */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final ParkedEvents parked;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final KafkaConnection kafkaConnection;
    private final ManagedExecutor executor;
    private final Tracer tracer;
    private volatile int retrying;
    private String consumerName;
    private KafkaConsumer<String, String> consumer;
    private ConsumerLag lag;
    private final BackgroundLoop loop = new BackgroundLoop("inbox consumer");

    /** A partition's record that failed: which, how often (counted and in all), since when. */
    private record Failure(long offset, int attempts, int retries, Instant firstAt) {
    }

    public InboxConsumer(Instance<EventHandler> handlers, Inbox inbox, ParkedEvents parked, InboxConfig config,
            MeterRegistry registry, KafkaConnection kafkaConnection, ManagedExecutor executor, Tracer tracer) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.parked = parked;
        this.config = config;
        this.registry = registry;
        this.kafkaConnection = kafkaConnection;
        this.executor = executor;
        this.tracer = tracer;
    }

    void start(@Observes StartupEvent event) {
        if (!handlers.isResolvable() || !config.enabled()) {
            return;
        }
        EventHandler handler = handlers.get();
        consumerName = handler.consumerName();
        Gauge.builder("eduduty.inbox.parked", this, c -> c.parkedCount().map(Long::doubleValue).orElse(Double.NaN))
                .description("Events the consumer parked (refused or failing) and nobody has re-applied yet")
                .register(registry);
        lag = new ConsumerLag(registry);
        Gauge.builder("eduduty.inbox.consumer.running", this, c -> c.loop.alive() ? 1 : 0)
                .description("1 while the inbox consumer's loop runs, 0 once it has ended")
                .register(registry);
        Properties p = kafkaConnection.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, handler.consumerName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        // a topic is created by its owner; a reader asking for it before then must not (nor may it: ACLs)
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        loop.start(executor, () -> loop(handler));
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop(() -> {
            if (consumer != null) {
                consumer.wakeup();
            }
        });
    }

    private void loop(EventHandler handler) {
        Map<TopicPartition, Failure> failures = new HashMap<>();
        try {
            consumer.subscribe(List.copyOf(handler.topics()));
            while (loop.running()) {
                try {
                    round(handler, failures);
                    lag.observe(consumer);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a broker restart or a rebalance: the uncommitted records come again, the inbox dedupes them
                    LOG.warnf("Inbox consumer round failed, polling again: %s", describe(e));
                    loop.pause(1000);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lag.clear();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void round(EventHandler handler, Map<TopicPartition, Failure> failures) throws InterruptedException {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Map<TopicPartition, Integer> moved = new HashMap<>();
        Set<TopicPartition> failed = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (failed.contains(tp)) {
                continue; // this partition failed earlier in the batch; retried after the pause
            }
            if (handle(handler, record, tp, failures)) {
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                moved.merge(tp, 1, Integer::sum);
                failures.remove(tp);
            } else {
                consumer.seek(tp, record.offset());
                failed.add(tp);
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
            lag.moved(moved);
        }
        int worst = failed.stream().map(failures::get).filter(f -> f != null).mapToInt(Failure::retries).max()
                .orElse(0);
        retrying = worst;
        if (worst > 0) {
            loop.pause(Math.min(30_000L, 200L << Math.min(worst, 8)));
        }
    }

    /** Applies or parks one record; false when it is to be tried again from the same offset. */
    private boolean handle(EventHandler handler, ConsumerRecord<String, String> record, TopicPartition tp,
            Map<TopicPartition, Failure> failures) {
        Failure before = failures.get(tp);
        if (before != null && before.offset() != record.offset()) {
            before = null;
        }
        Instant firstAt = before == null ? Instant.now() : before.firstAt();
        int attempts = (before == null ? 0 : before.attempts()) + 1;
        CloudEvent event = null;
        String refusal;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("not a CloudEvents JSON envelope: a record without a value");
            }
            event = EventJson.read(record.value());
            refusal = Admission.refusal(record.topic(), record.key(), event).orElse(null);
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage(); // "not a CloudEvents JSON envelope: ..."
        }
        // only an admitted envelope names the span and its parent: a refused one is nobody's to trust
        Span span = applying(record, refusal == null ? event : null);
        try (Scope scope = span.makeCurrent()) {
            // the loop's thread is not a request's: its log lines get the span's ids from here
            MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            boolean done = applyOrPark(handler, record, tp, failures, event, refusal, before, attempts, firstAt);
            if (!done) {
                span.setStatus(StatusCode.ERROR, "to be tried again");
            }
            return done;
        } finally {
            span.end();
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }

    /**
     * The span of applying {@code record}: a child of the span that recorded the event (its
     * {@code traceparent}), so the application joins the trace of the write that caused it; a trace of
     * its own for an event without one. {@code admitted} is the envelope only when {@link Admission}
     * let it in; a record refused there (or not an envelope) gets {@code apply <topic>} and a trace of
     * its own, so a foreign record can neither name the span nor attach it to someone else's trace.
     * Log lines written while it is current carry its ids.
     */
    private Span applying(ConsumerRecord<String, String> record, CloudEvent admitted) {
        return tracer.spanBuilder("apply " + (admitted == null ? record.topic() : admitted.type()))
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parent(admitted == null ? null : admitted.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.destination.partition", (long) record.partition())
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .setAttribute("messaging.message.id", admitted == null ? null : admitted.id())
                .startSpan();
    }

    private boolean applyOrPark(EventHandler handler, ConsumerRecord<String, String> record, TopicPartition tp,
            Map<TopicPartition, Failure> failures, CloudEvent event, String refusal, Failure before, int attempts,
            Instant firstAt) {
        if (refusal == null) {
            try {
                boolean applied = inbox.applyOnce(handler, event, record.topic(), record.partition(), record.offset());
                LOG.debugf("%s %s %s (%s-%d@%d)", applied ? "Applied" : "Skipped, applied before:", event.type(),
                        event.id(), record.topic(), record.partition(), record.offset());
                return true;
            } catch (EventRefused e) {
                refusal = e.getMessage();
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    LOG.warnf("Applying %s-%d@%d failed for a transient reason; retrying: %s", record.topic(),
                            record.partition(), record.offset(), describe(e));
                    failures.put(tp, new Failure(record.offset(), attempts - 1, retries(before) + 1, firstAt));
                    return false;
                }
                if (attempts < config.maxAttempts()) {
                    LOG.errorf(e, "Applying %s-%d@%d failed (%d of %d attempts); retrying", record.topic(),
                            record.partition(), record.offset(), attempts, config.maxAttempts());
                    failures.put(tp, new Failure(record.offset(), attempts, retries(before) + 1, firstAt));
                    return false;
                }
                refusal = "not applied after " + attempts + " attempts: " + describe(e);
            }
        }
        Span.current().setStatus(StatusCode.ERROR, refusal);
        try {
            parked.park(handler.consumerName(), record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), event == null ? null : event.type(), refusal, attempts, firstAt);
            LOG.warnf("Parked %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), refusal);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Parking %s-%d@%d failed; retrying: %s", record.topic(), record.partition(), record.offset(),
                    describe(e));
            failures.put(tp, new Failure(record.offset(), attempts, retries(before) + 1, firstAt));
            return false;
        }
    }

    private static int retries(Failure before) {
        return before == null ? 0 : before.retries();
    }

    /** Whether the consumer's loop is running (true where this service consumes nothing). */
    public boolean isHealthy() {
        return !loop.running() || loop.alive();
    }

    /** Consecutive failed attempts at the record the consumer is stuck on now; 0 when it is not. */
    public int retrying() {
        return retrying;
    }

    /** Parked events not yet resolved; empty where this service consumes nothing or the database is away. */
    public Optional<Long> parkedCount() {
        if (consumerName == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parked.unresolved(consumerName));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a failure is the database's and passes (lost connection, serialization failure or
     * deadlock, out of resources, shutting down: SQLSTATE classes 08, 40, 53, 57), not the event's.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && Set.of("08", "40", "53", "57").contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // the pool had no connection free in time (Agroal: a SQLException without a state, caused
            // by a TimeoutException): a busy service, not a bad event
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The failure's class and message, and its root cause's, on one line (for logs and the parked reason). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
