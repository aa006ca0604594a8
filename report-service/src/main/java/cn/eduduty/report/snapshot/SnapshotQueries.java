package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;

/**
 * What generating a report reads of the read model besides its figures: the regions it names and
 * covers, and the marks by which a state of the read model is told apart ({@link RollUpLines}).
 * Joins the caller's transaction (a composition's REPEATABLE READ one).
 */
@ApplicationScoped
public class SnapshotQueries {

    private final EntityManager em;

    SnapshotQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * Besides the consumer's positions, what moves the read model: the last completed resync and
     * the number of parked events applied again (each committed with its resolution).
     */
    record Marks(Instant lastResync, long reapplied) {
    }

    /**
     * Makes the caller's new transaction see one state of the read model until it ends (REPEATABLE
     * READ: one snapshot, taken at its first query) and write nothing (READ ONLY); must come first.
     */
    void readOneState() {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
    }

    /** The counties below a prefecture or a province the read model knows, in code order. */
    @Transactional
    public List<String> countiesBelow(String region) {
        return Rows.list(em, """
                SELECT code FROM rm_region WHERE level = 'COUNTY' AND code LIKE :prefix ORDER BY code""",
                q -> q.setParameter("prefix", RegionCode.prefix(region) + "%"))
                .stream().map(t -> Rows.text(t, "code")).toList();
    }

    /** A region's name, if the read model knows the region. */
    Optional<String> nameOf(String region) {
        return Rows.one(em, "SELECT name FROM rm_region WHERE code = :code", q -> q.setParameter("code", region))
                .map(t -> Rows.text(t, "name"));
    }

    Marks marks() {
        return Rows.one(em, """
                SELECT (SELECT max(completed_at) FROM read_model_resync) AS last_resync,
                       (SELECT count(*) FROM parked_event WHERE consumer = :consumer AND resolved_at IS NOT NULL)
                           AS reapplied""", q -> q.setParameter("consumer", EventJournal.CONSUMER))
                .map(t -> new Marks(Rows.instant(t, "last_resync"), Rows.whole(t, "reapplied")))
                .orElseThrow();
    }
}
