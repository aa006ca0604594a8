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

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.snapshot.ReportGenerator;
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

    private final EntityManager em;
    private final ReportGenerator generator;
    private final ReadModelLag lag;
    private final int workers;
    private final boolean onTime;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Object wake = new Object();
    private ScheduledFuture<?> nextWake;
    private Instant nextWakeAt;

    DeadlineScheduler(EntityManager em, ReportGenerator generator, ReadModelLag lag,
            @ConfigProperty(name = "eduduty.deadlines.workers", defaultValue = "2") int workers,
            @ConfigProperty(name = "eduduty.deadlines.on-time", defaultValue = "true") boolean onTime) {
        this.em = em;
        this.generator = generator;
        this.lag = lag;
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
        nextTime().map(t -> t.isBefore(Instant.now()) ? Instant.now().plus(BEHIND_RETRY) : t).ifPresent(this::wakeAt);
        return new ArrayList<>(generated);
    }

    /** The earliest draft or due time of a deadline not yet expanded for it. */
    @Transactional
    Optional<Instant> nextTime() {
        Object next = em.createNativeQuery("""
                SELECT min(CASE WHEN draft_expanded_at IS NULL
                                THEN due_at - make_interval(secs => draft_lead_seconds) ELSE due_at END)
                FROM deadline WHERE final_expanded_at IS NULL""").getSingleResult();
        return Optional.ofNullable(next).map(cn.eduduty.runtime.persistence.SqlValues::instant);
    }

    private static ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    record Job(UUID deadlineId, String region, String kind, Optional<UUID> reportId) {
    }

    @Transactional
    boolean expandOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, region_code, report_year, due_at <= now() AS due, draft_expanded_at IS NULL AS draft_open
                FROM deadline
                WHERE (final_expanded_at IS NULL AND due_at <= now())
                   OR (draft_expanded_at IS NULL AND due_at - make_interval(secs => draft_lead_seconds) <= now())
                ORDER BY due_at, id
                LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] d = rows.get(0);
        UUID id = (UUID) d[0];
        String region = (String) d[1];
        boolean due = (Boolean) d[3];
        String kind = due ? "FINAL" : "DRAFT";
        List<String> regions = new ArrayList<>();
        RegionCode.Level level = RegionCode.level(region);
        if (level != RegionCode.Level.COUNTY) {
            List<String> counties = generator.countiesOf(region);
            regions.addAll(counties);
            if (level == RegionCode.Level.PROVINCE) {
                // each prefecture with a county the read model knows gets its roll-up
                counties.stream().map(RegionCode::parent).distinct().forEach(regions::add);
            }
        }
        regions.add(region);
        for (String r : regions) {
            em.createNativeQuery("""
                    INSERT INTO report_job (deadline_id, region_code, kind) VALUES (:d, :r, :k)
                    ON CONFLICT DO NOTHING""").setParameter("d", id).setParameter("r", r).setParameter("k", kind)
                    .executeUpdate();
        }
        em.createNativeQuery(due
                ? "UPDATE deadline SET final_expanded_at = now(), draft_expanded_at = coalesce(draft_expanded_at, now()) WHERE id = :id"
                : "UPDATE deadline SET draft_expanded_at = now() WHERE id = :id").setParameter("id", id).executeUpdate();
        LOG.infof("deadline %s of %s: %d %s report(s) to generate", id, region, regions.size(), kind);
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
        }
    }

    private Job runOne(Job[] claimed) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT j.deadline_id, j.region_code, j.kind, d.report_year
                FROM report_job j JOIN deadline d ON d.id = j.deadline_id
                WHERE j.state = 'PENDING' AND j.next_attempt_at <= now()
                -- counties first, then prefectures, then provinces: a roll-up finds its lines computed
                ORDER BY j.created_at, CASE WHEN right(j.region_code, 4) = '0000' THEN 2
                                            WHEN right(j.region_code, 2) = '00' THEN 1 ELSE 0 END, j.region_code, j.kind
                LIMIT 1 FOR UPDATE OF j SKIP LOCKED""").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Job job = new Job((UUID) r[0], (String) r[1], (String) r[2], Optional.empty());
        claimed[0] = job;
        Deadline deadline = em.find(Deadline.class, job.deadlineId());
        SnapshotStore.Stored stored = generator.generate(job.region(), ((Number) r[3]).intValue(), job.kind(),
                "DEADLINE", job.deadlineId(), "report-service", deadline.options());
        em.createNativeQuery("""
                UPDATE report_job SET state = 'DONE', report_id = :report, attempts = attempts + 1,
                       started_at = now(), done_at = clock_timestamp(), worked_by = :worker
                WHERE deadline_id = :d AND region_code = :r AND kind = :k""").setParameter("report", stored.id())
                .setParameter("worker", WORKER).setParameter("d", job.deadlineId()).setParameter("r", job.region())
                .setParameter("k", job.kind()).executeUpdate();
        return new Job(job.deadlineId(), job.region(), job.kind(), Optional.of(stored.id()));
    }

    private void recordFailure(Job job, RuntimeException e) {
        LOG.warnf(e, "report of %s (%s) for deadline %s failed", job.region(), job.kind(), job.deadlineId());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE report_job SET attempts = attempts + 1, last_error = :error,
                       state = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = now() + make_interval(mins => attempts + 1)
                WHERE deadline_id = :d AND region_code = :r AND kind = :k AND state = 'PENDING'""")
                .setParameter("error", String.valueOf(e.getMessage())).setParameter("max", MAX_ATTEMPTS)
                .setParameter("d", job.deadlineId()).setParameter("r", job.region()).setParameter("k", job.kind())
                .executeUpdate());
    }
}
