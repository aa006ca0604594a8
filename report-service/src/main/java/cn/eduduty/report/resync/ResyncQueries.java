package cn.eduduty.report.resync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.eduduty.runtime.persistence.Rows;

/** The record of completed resyncs ({@code read_model_resync}), one row per region. */
@ApplicationScoped
class ResyncQueries {

    private final EntityManager em;

    ResyncQueries(EntityManager em) {
        this.em = em;
    }

    /** Whether a resync of the region has completed since the read model was created. */
    boolean completed(String region) {
        return Rows.one(em, "SELECT region_code FROM read_model_resync WHERE region_code = :r",
                q -> q.setParameter("r", region)).isPresent();
    }

    /** Records the region's resync as done now, by {@code requestedBy}, over {@code counties} counties. */
    void recordCompleted(String region, int counties, String requestedBy) {
        em.createNativeQuery("""
                INSERT INTO read_model_resync (region_code, counties, completed_at, completed_by)
                VALUES (:r, :c, now(), :by)
                ON CONFLICT (region_code) DO UPDATE SET counties = EXCLUDED.counties,
                    completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by""")
                .setParameter("r", region).setParameter("c", counties).setParameter("by", requestedBy).executeUpdate();
    }
}
