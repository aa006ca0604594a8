package cn.eduduty.report.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.snapshot.ReportGenerator;
import cn.eduduty.report.snapshot.SnapshotStore;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Turns deadlines into reports. Each tick (and the first one right after start, which catches up
 * deadlines passed while the service was down) does two things:
 *
 * <ol>
 * <li>expands every deadline whose draft time (due − lead) or due time has passed into one job per
 * county (all counties of a prefecture, plus the prefecture's roll-up), marking the deadline so
 * it expands once; a deadline whose due time passed before its draft was expanded gets only its
 * final;</li>
 * <li>works the pending jobs one at a time, each claimed with {@code FOR UPDATE SKIP LOCKED} and
 * done in the transaction that stores the snapshot and its ReportGenerated event, so replicas
 * share a burst of counties and no job is generated twice.</li>
 * </ol>
 * A job that fails waits a minute times its attempts before it is tried again, and is marked
 * FAILED after {@value #MAX_ATTEMPTS} attempts (its error kept in {@code report_job.last_error}).
 * The scheduled tick does nothing while the read model is behind the owners' topics (as right
 * after a start, before the consumer has applied what was published while the service was down,
 * or while a resync rebuilds it), so a deadline's report is never written from stale data.
 */
@ApplicationScoped
public class DeadlineScheduler {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(DeadlineScheduler.class);

    private final EntityManager em;
    private final ReportGenerator generator;
    private final ReadModelLag lag;

    DeadlineScheduler(EntityManager em, ReportGenerator generator, ReadModelLag lag) {
        this.em = em;
        this.generator = generator;
        this.lag = lag;
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

    /** Expands what is due and works every pending job; returns the snapshots generated. */
    public List<UUID> tick() {
        while (expandOne()) {
            // one deadline per transaction, so replicas expand different deadlines at once
        }
        List<UUID> generated = new ArrayList<>();
        for (Optional<Job> job = claimAndRun(); job.isPresent(); job = claimAndRun()) {
            job.get().reportId().ifPresent(generated::add);
        }
        return generated;
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
        if (RegionCode.level(region) == RegionCode.Level.PREFECTURE) {
            regions.addAll(generator.countiesOf(region));
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
            return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> runOne(claimed)));
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
                ORDER BY j.created_at, j.region_code, j.kind
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
                UPDATE report_job SET state = 'DONE', report_id = :report, attempts = attempts + 1, done_at = now()
                WHERE deadline_id = :d AND region_code = :r AND kind = :k""").setParameter("report", stored.id())
                .setParameter("d", job.deadlineId()).setParameter("r", job.region()).setParameter("k", job.kind())
                .executeUpdate();
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
