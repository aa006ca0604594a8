package cn.eduduty.runtime.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes audit records in batches on its own thread and connection: outside every request's
 * transaction (so a write that rolls back, or a refusal, keeps its row) and after the response
 * went out (so a request never waits for its audit row). A batch the database refuses is kept
 * and retried; on a clean shutdown everything queued is written before the pool closes. Records
 * beyond {@link AuditConfig#queueCapacity()} (the database away for long under load) are counted
 * in {@code eduduty.audit.lost} and logged. The same thread runs the retention purge.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final AuditConfig config;
    private final MeterRegistry registry;
    private final BlockingQueue<AuditRecord> queue;
    private final List<AuditRecord> pending = new ArrayList<>();
    private Counter lost;
    private volatile boolean running;
    private Thread worker;
    private Instant lastPurge = Instant.EPOCH;

    AuditTrail(DataSource dataSource, AuditConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    void start(@Observes StartupEvent event) {
        lost = Counter.builder("eduduty.audit.lost")
                .description("Audit records dropped because the in-memory queue was full").register(registry);
        Gauge.builder("eduduty.audit.pending", this, t -> t.queue.size() + t.pending.size())
                .description("Audit records not yet written").register(registry);
        running = true;
        worker = new Thread(this::loop, "audit-writer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Writes everything still queued: the HTTP server has stopped, the connection pool is still open. */
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
        try {
            while (writeBatch()) {
                // until the queue is empty
            }
        } catch (SQLException e) {
            LOG.errorf(e, "%d audit records could not be written at shutdown", queue.size() + pending.size());
        }
    }

    /** Queues a record; never blocks (it is called on the HTTP event loop). */
    void record(AuditRecord record) {
        if (!queue.offer(record)) {
            lost.increment();
            LOG.errorf("Audit queue full: record of %s %s by %s (request %s) lost", record.method(), record.path(),
                    record.subject(), record.requestId());
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                AuditRecord first = queue.poll(config.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    keep(first);
                }
                while (writeBatch()) {
                    // drain what arrived meanwhile
                }
                if (Duration.between(lastPurge, Instant.now()).compareTo(config.purgeEvery()) >= 0) {
                    lastPurge = Instant.now();
                    purge();
                }
                failures = 0;
            } catch (InterruptedException e) {
                break;
            } catch (SQLException | RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 10 == 0) {
                    LOG.warnf("Writing the audit trail failed (%d in a row), %d records wait: %s", failures,
                            queue.size() + pending.size(), e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(30_000L, 250L << Math.min(failures, 7)));
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
    }

    private synchronized void keep(AuditRecord record) {
        pending.add(record);
    }

    /** Writes up to one batch (what failed before first). Returns whether anything was written. */
    private synchronized boolean writeBatch() throws SQLException {
        queue.drainTo(pending, BATCH - pending.size());
        if (pending.isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO audit_event (at, request_id, subject, roles, subject_region, method, path,
                            resource_id, target_region, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (AuditRecord r : pending) {
                insert.setTimestamp(1, Timestamp.from(r.at()));
                insert.setString(2, r.requestId());
                insert.setString(3, r.subject());
                setNullable(insert, 4, r.roles());
                setNullable(insert, 5, r.subjectRegion());
                insert.setString(6, r.method());
                insert.setString(7, r.path());
                setNullable(insert, 8, r.resourceId());
                setNullable(insert, 9, r.targetRegion());
                insert.setInt(10, r.status());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        pending.clear();
        return true;
    }

    /** Waits until every record queued so far is written (for tests and operators' tools). */
    public void flush() throws SQLException {
        while (writeBatch()) {
            // until empty
        }
    }

    /** Deletes the rows older than the retention period; returns how many. */
    public long purge() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT audit_purge(make_interval(secs => ?)) AS purged")) {
            s.setDouble(1, config.retention().toSeconds());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long purged = rs.getLong("purged");
                if (purged > 0) {
                    LOG.infof("Purged %d audit records older than %s", purged, config.retention());
                }
                return purged;
            }
        }
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
