package cn.eduduty.report.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import cn.eduduty.contracts.report.ReportKind;
import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.snapshot.ReportGenerator;
import cn.eduduty.report.snapshot.SnapshotQueries;
import cn.eduduty.report.snapshot.SnapshotStore;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Turns deadlines into reports. Each pass does two things:
 *
 * <ol>
 * <li>expands every deadline whose draft time (due − lead) or due time has passed into one job per
 * report (every county below the deadline's region; for a prefecture also its roll-up; for a
 * province also each prefecture's roll-up and the province's), marking the deadline so it expands
 * once; a deadline whose due time passed before its draft was expanded gets only its final;</li>
 * <li>works the pending jobs on {@code eduduty.deadlines.workers} threads, each job claimed with
 * {@code FOR UPDATE SKIP LOCKED} and done in the transaction that stores the snapshot and its
 * ReportGenerated event, so workers and replicas share a burst of counties and no job is generated
 * twice.</li>
 * </ol>
 * A pass starts at the next draft or due time of any deadline (a timer set from the database after
 * every pass and whenever a deadline is registered here), and besides on the scheduled tick (whose
 * first run, right after start, catches up deadlines passed while the service was down, and which
 * tells a replica about deadlines registered on another). A job that fails waits a minute times
 * its attempts before it is tried again, and is marked FAILED after {@value #MAX_ATTEMPTS}
 * attempts (its error kept in {@code report_job.last_error}). No pass starts while the read model
 * is behind the owners' topics (as right after a start, before the consumer has applied what was
 * published while the service was down, or while a resync rebuilds it), so a deadline's report is
 * never written from stale data: the timer looks again a second later.
 */
@ApplicationScoped
public class DeadlineScheduler {

    static final int MAX_ATTEMPTS = 3;
    /** This process, as {@code report_job.worked_by} names it: pid@host. */
    private static final String WORKER = ProcessHandle.current().pid() + "@"
            + System.getenv().getOrDefault("HOSTNAME", "localhost");
    /** How soon the timer looks again when the read model was behind at a due time. */
    private static final Duration BEHIND_RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(DeadlineScheduler.class);

    private final DeadlineRepository deadlines;
    private final DeadlineQueries queries;
    private final SnapshotQueries regions;
    private final ReportGenerator generator;
    private final ReadModelLag lag;
    private final DeadlineMetrics metrics;
    private final int workers;
    private final boolean onTime;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Object wake = new Object();
    private ScheduledFuture<?> nextWake;
    private Instant nextWakeAt;

    DeadlineScheduler(DeadlineRepository deadlines, DeadlineQueries queries, SnapshotQueries regions,
            ReportGenerator generator, ReadModelLag lag, DeadlineMetrics metrics,
            @ConfigProperty(name = "eduduty.deadlines.workers", defaultValue = "2") int workers,
            @ConfigProperty(name = "eduduty.deadlines.on-time", defaultValue = "true") boolean onTime) {
        this.deadlines = deadlines;
        this.queries = queries;
        this.regions = regions;
        this.generator = generator;
        this.lag = lag;
        this.metrics = metrics;
        this.workers = Math.max(1, workers);
        this.onTime = onTime;
        this.pool = Executors.newFixedThreadPool(this.workers, daemon("deadline-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("deadline-timer"));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    @Scheduled(every = "${eduduty.deadlines.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "deadline-scheduler")
    void scheduled() {
        if (!lag.caughtUp()) {
            LOG.debug("the read model is behind the owners' topics: deadlines wait for the next tick");
            return;
        }
        tick();
    }

    /** Sets the timer for a deadline just registered here (after its transaction commits). */
    void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeadlineRegistered registered) {
        wakeAt(registered.draftAt());
        wakeAt(registered.dueAt());
    }

    /** Told of a deadline's draft or due time, by the service (on registration) or by a pass. */
    record DeadlineRegistered(Instant draftAt, Instant dueAt) {
    }

    /** Runs a pass at {@code at} (at once if it is past), unless one is set for earlier already. */
    private void wakeAt(Instant at) {
        if (!onTime || at == null || timer.isShutdown()) {
            return;
        }
        synchronized (wake) {
            // a wake still ahead and no later than this one will do (one that is running now will not)
            if (nextWake != null && !nextWake.isDone() && nextWakeAt.isAfter(Instant.now()) && !nextWakeAt.isAfter(at)) {
                return;
            }
            if (nextWake != null) {
                nextWake.cancel(false);
            }
            long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
            nextWakeAt = at;
            nextWake = timer.schedule(this::onTime, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void onTime() {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            if (!lag.caughtUp()) {
                LOG.debug("a deadline is due but the read model is behind the owners' topics: looking again shortly");
                wakeAt(Instant.now().plus(BEHIND_RETRY));
                return;
            }
            tick();
        } catch (RuntimeException e) {
            LOG.warn("a deadline pass failed; the scheduled tick will try again", e);
        } finally {
            request.terminate();
        }
    }

    /**
     * Expands what is due and works every pending job on the worker threads; returns the snapshots
     * generated. Then sets the timer to the next draft or due time still ahead.
     */
    public List<UUID> tick() {
        while (expandOne()) {
            // one deadline per transaction, so replicas expand different deadlines at once
        }
        Queue<UUID> generated = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    for (Optional<Job> job = claimAndRun(); job.isPresent(); job = claimAndRun()) {
                        job.get().reportId().ifPresent(generated::add);
                    }
                } finally {
                    request.terminate();
                }
            }));
        }
        RuntimeException failed = null;
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while deadline jobs ran", e);
            } catch (ExecutionException e) {
                failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (failed != null) {
            throw failed;
        }
        // a time already past is a deadline another replica is expanding right now: look again in a second
        queries.nextTime().map(t -> t.isBefore(Instant.now()) ? Instant.now().plus(BEHIND_RETRY) : t)
                .ifPresent(this::wakeAt);
        return new ArrayList<>(generated);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    record Job(UUID deadlineId, String region, String kind, int attempts, Optional<UUID> reportId) {
    }

    @Transactional
    boolean expandOne() {
        Optional<DeadlineQueries.DueDeadline> claimed = queries.claimDue();
        if (claimed.isEmpty()) {
            return false;
        }
        DeadlineQueries.DueDeadline d = claimed.get();
        String kind = (d.due() ? ReportKind.FINAL : ReportKind.DRAFT).name();
        List<String> reports = new ArrayList<>();
        RegionCode.Level level = RegionCode.level(d.region());
        if (level != RegionCode.Level.COUNTY) {
            List<String> counties = regions.countiesBelow(d.region());
            reports.addAll(counties);
            if (level == RegionCode.Level.PROVINCE) {
                // each prefecture with a county the read model knows gets its roll-up
                counties.stream().map(RegionCode::parent).distinct().forEach(reports::add);
            }
        }
        reports.add(d.region());
        for (String r : reports) {
            queries.addJob(d.id(), r, kind);
        }
        queries.markExpanded(d.id(), d.due());
        LOG.infof("deadline %s of %s: %d %s report(s) to generate", d.id(), d.region(), reports.size(), kind);
        return true;
    }

    /** Claims one pending job and generates its report; empty when no job is left for this replica. */
    Optional<Job> claimAndRun() {
        Job[] claimed = new Job[1];
        try {
            return Optional.ofNullable(QuarkusTransaction.requiringNew().timeout(ReportGenerator.TIMEOUT_SECONDS)
                    .call(() -> runOne(claimed)));
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            recordFailure(claimed[0], e);
            return Optional.of(claimed[0]);
        } finally {
            if (claimed[0] != null) {
                metrics.finished();
            }
        }
    }

    private Job runOne(Job[] claimed) {
        Optional<DeadlineQueries.PendingJob> pending = queries.claimJob();
        if (pending.isEmpty()) {
            return null;
        }
        DeadlineQueries.PendingJob p = pending.get();
        Job job = new Job(p.deadlineId(), p.region(), p.kind(), p.attempts(), Optional.empty());
        claimed[0] = job;
        metrics.started();
        Deadline deadline = deadlines.findById(job.deadlineId());
        SnapshotStore.Stored stored = generator.generate(job.region(), p.year(), job.kind(), "DEADLINE",
                job.deadlineId(), "report-service", deadline.options());
        queries.markDone(job, stored.id(), WORKER);
        return new Job(job.deadlineId(), job.region(), job.kind(), job.attempts(), Optional.of(stored.id()));
    }

    private void recordFailure(Job job, RuntimeException e) {
        LOG.warnf(e, "report of %s (%s) for deadline %s failed", job.region(), job.kind(), job.deadlineId());
        QuarkusTransaction.requiringNew().run(() -> queries.recordFailure(job, String.valueOf(e.getMessage()),
                MAX_ATTEMPTS));
        metrics.failed(job.attempts() + 1 >= MAX_ATTEMPTS);
    }
}
