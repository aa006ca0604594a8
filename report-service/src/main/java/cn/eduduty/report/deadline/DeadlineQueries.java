package cn.eduduty.report.deadline;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.persistence.Rows;

/**
 * The scheduler's set-based SQL on {@code deadline} and {@code report_job}: which deadline is due
 * to expand, which job is next, and their bookkeeping. Claims take row locks with
 * {@code FOR UPDATE SKIP LOCKED}, so they join the caller's transaction, which holds them until it ends.
 */
@ApplicationScoped
class DeadlineQueries {

    private final EntityManager em;

    DeadlineQueries(EntityManager em) {
        this.em = em;
    }

    /** A deadline whose draft or due time has passed; {@code due} when its final is to be expanded. */
    record DueDeadline(UUID id, String region, int year, boolean due) {
    }

    /** A pending job with its deadline's report year. */
    record PendingJob(UUID deadlineId, String region, String kind, int year, int attempts) {
    }

    /** Jobs pending and ready, pending after a failed attempt, and failed for good (DeadlineMetrics). */
    record JobCounts(long due, long waiting, long failed) {
    }

    @Transactional
    JobCounts jobCounts() {
        return Rows.one(em, """
                SELECT count(*) FILTER (WHERE state = 'PENDING' AND next_attempt_at <= now()) AS due,
                       count(*) FILTER (WHERE state = 'PENDING' AND next_attempt_at > now()) AS waiting,
                       count(*) FILTER (WHERE state = 'FAILED') AS failed
                FROM report_job WHERE state <> 'DONE'""", q -> q)
                .map(t -> new JobCounts(Rows.whole(t, "due"), Rows.whole(t, "waiting"), Rows.whole(t, "failed")))
                .orElseThrow();
    }

    /** The earliest draft or due time of a deadline not yet expanded for it. */
    @Transactional
    Optional<Instant> nextTime() {
        return Rows.one(em, """
                SELECT min(CASE WHEN draft_expanded_at IS NULL
                                THEN due_at - make_interval(secs => draft_lead_seconds) ELSE due_at END) AS next_time
                FROM deadline WHERE final_expanded_at IS NULL""", q -> q)
                .map(t -> Rows.instant(t, "next_time"));
    }

    /** Locks the earliest deadline due to expand that no other transaction holds. */
    Optional<DueDeadline> claimDue() {
        return Rows.one(em, """
                SELECT id, region_code, report_year, due_at <= now() AS due
                FROM deadline
                WHERE (final_expanded_at IS NULL AND due_at <= now())
                   OR (draft_expanded_at IS NULL AND due_at - make_interval(secs => draft_lead_seconds) <= now())
                ORDER BY due_at, id
                LIMIT 1 FOR UPDATE SKIP LOCKED""", q -> q)
                .map(t -> new DueDeadline(Rows.uuid(t, "id"), Rows.text(t, "region_code"),
                        Rows.integer(t, "report_year"), Rows.bool(t, "due")));
    }

    /** A job of {@code deadline} for {@code region}'s report of {@code kind}, unless there is one. */
    void addJob(UUID deadline, String region, String kind) {
        em.createNativeQuery("""
                INSERT INTO report_job (deadline_id, region_code, kind) VALUES (:d, :r, :k)
                ON CONFLICT DO NOTHING""").setParameter("d", deadline).setParameter("r", region).setParameter("k", kind)
                .executeUpdate();
    }

    /** Marks a deadline expanded for its final (and so its draft too), or for its draft. */
    void markExpanded(UUID deadline, boolean due) {
        em.createNativeQuery(due
                ? "UPDATE deadline SET final_expanded_at = now(), draft_expanded_at = coalesce(draft_expanded_at, now()) WHERE id = :id"
                : "UPDATE deadline SET draft_expanded_at = now() WHERE id = :id").setParameter("id", deadline)
                .executeUpdate();
    }

    /** Locks the next pending job that is ready and no other transaction holds. */
    Optional<PendingJob> claimJob() {
        return Rows.one(em, """
                SELECT j.deadline_id, j.region_code, j.kind, d.report_year, j.attempts
                FROM report_job j JOIN deadline d ON d.id = j.deadline_id
                WHERE j.state = 'PENDING' AND j.next_attempt_at <= now()
                -- counties first, then prefectures, then provinces: a roll-up finds its lines computed
                ORDER BY j.created_at, CASE WHEN right(j.region_code, 4) = '0000' THEN 2
                                            WHEN right(j.region_code, 2) = '00' THEN 1 ELSE 0 END, j.region_code, j.kind
                LIMIT 1 FOR UPDATE OF j SKIP LOCKED""", q -> q)
                .map(t -> new PendingJob(Rows.uuid(t, "deadline_id"), Rows.text(t, "region_code"), Rows.text(t, "kind"),
                        Rows.integer(t, "report_year"), Rows.integer(t, "attempts")));
    }

    /** Marks a claimed job done by {@code worker} with the report it generated. */
    void markDone(DeadlineScheduler.Job job, UUID report, String worker) {
        em.createNativeQuery("""
                UPDATE report_job SET state = 'DONE', report_id = :report, attempts = attempts + 1,
                       started_at = now(), done_at = clock_timestamp(), worked_by = :worker
                WHERE deadline_id = :d AND region_code = :r AND kind = :k""").setParameter("report", report)
                .setParameter("worker", worker).setParameter("d", job.deadlineId()).setParameter("r", job.region())
                .setParameter("k", job.kind()).executeUpdate();
    }

    /**
     * Counts a failed attempt of a pending job with its error: it waits a minute times its attempts,
     * and is FAILED after {@code maxAttempts}.
     */
    void recordFailure(DeadlineScheduler.Job job, String error, int maxAttempts) {
        em.createNativeQuery("""
                UPDATE report_job SET attempts = attempts + 1, last_error = :error,
                       state = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = now() + make_interval(mins => attempts + 1)
                WHERE deadline_id = :d AND region_code = :r AND kind = :k AND state = 'PENDING'""")
                .setParameter("error", error).setParameter("max", maxAttempts)
                .setParameter("d", job.deadlineId()).setParameter("r", job.region()).setParameter("k", job.kind())
                .executeUpdate();
    }
}
