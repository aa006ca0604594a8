package cn.eduduty.runtime.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import cn.eduduty.runtime.loop.BackgroundLoop;

/**
 * Sends committed outbox rows to Kafka: one relay works at a time across all replicas of a service
 * ({@link RelayLeadership}), and the leader's {@link OutboxSender} sends in sequence order, so each
 * region's events arrive in commit order. While Kafka or the database is unreachable it retries
 * with doubling backoff; nothing is lost, the rows simply wait. This class runs the rounds (on the
 * managed executor) and keeps what health reports about them; the lag and retention are
 * {@link OutboxMaintenance}'s.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final RelayLeadership leadership;
    private final OutboxSender sender;
    private final ManagedExecutor executor;

    private volatile Instant lastRound = Instant.EPOCH;
    private volatile String lastError;
    /** A fixed code for what is wrong (for health), never exception text; null when the last round went well. */
    private volatile String failure;
    private volatile int failuresInARow;

    private final BackgroundLoop loop = new BackgroundLoop("outbox relay");

    public OutboxRelay(OutboxConfig config, RelayLeadership leadership, OutboxSender sender, ManagedExecutor executor) {
        this.config = config;
        this.leadership = leadership;
        this.sender = sender;
        this.executor = executor;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled in this process");
            return;
        }
        loop.start(executor, this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop(); // LISTEN waits at most one poll interval
    }

    private void loop() {
        int failures = 0;
        try {
            while (loop.running()) {
                long pauseMillis;
                try {
                    int progressed = round();
                    failures = 0;
                    failuresInARow = 0;
                    lastError = sender.awaiting();
                    failure = lastError == null ? null : AWAITING_ACKNOWLEDGEMENT;
                    pauseMillis = progressed > 0 ? 0 : config.pollInterval().toMillis();
                } catch (Exception e) {
                    failures++;
                    failed(e, failures);
                    pauseMillis = Math.min(config.maxBackoff().toMillis(), 250L << Math.min(failures, 10));
                    if (failures == 1 || failures % 10 == 0) {
                        LOG.warnf("Outbox relay round failed (%d in a row), next attempt in %d ms: %s", failures,
                                pauseMillis, lastError);
                    }
                }
                lastRound = Instant.now();
                if (pauseMillis > 0 && loop.running()) {
                    boolean listened = failures == 0 && sender.idle() && leadership.awaitCommittedEvents(pauseMillis);
                    if (!listened) {
                        loop.pause(pauseMillis);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.reset();
            leadership.release();
        }
    }

    /** One round: sends if this process leads; a new term starts with nothing in flight and a new producer. */
    private int round() throws SQLException, InterruptedException {
        RelayLeadership.Standing standing;
        try {
            standing = leadership.hold();
        } catch (SQLException | RuntimeException e) {
            sender.reset(); // the lock's session is gone and no new one could be had: that term is over
            throw e;
        }
        switch (standing) {
            case LEADS:
                return sender.sendRound(leadership.sessionPid());
            case TOOK_OVER:
                sender.reset();
                return sender.sendRound(leadership.sessionPid());
            default:
                sender.reset(); // a batch of a lost term is not ours to acknowledge
                return 0;
        }
    }

    public boolean isRunning() {
        return loop.running() && loop.alive();
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
            if (t instanceof KafkaException || t instanceof ExecutionException || t instanceof TimeoutException) {
                return KAFKA_UNAVAILABLE;
            }
        }
        return ROUND_FAILED;
    }
}
