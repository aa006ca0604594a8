package cn.eduduty.registry.population;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.eduduty.runtime.persistence.Rows;

/** The {@code population} table: one record per region and year, its residents by age as JSON, replaced under its version. */
@ApplicationScoped
class PopulationQueries {

    /** A stored record: residents by age as JSON text, and who recorded which version. */
    record Stored(String residentsByAge, Integer identifiedDisabledChildren, String recordedBy, long version) {
    }

    private final EntityManager em;

    PopulationQueries(EntityManager em) {
        this.em = em;
    }

    Optional<Stored> find(String region, int year) {
        return Rows.one(em, """
                SELECT residents_by_age::text AS residents_by_age, identified_disabled_children, recorded_by, version
                FROM population WHERE region_code = :r AND year = :y""",
                q -> q.setParameter("r", region).setParameter("y", year))
                .map(t -> new Stored(Rows.text(t, "residents_by_age"), Rows.integer(t, "identified_disabled_children"),
                        Rows.text(t, "recorded_by"), Rows.whole(t, "version")));
    }

    void insert(String region, int year, String residentsByAge, Integer identifiedDisabledChildren, String principal) {
        em.createNativeQuery("""
                INSERT INTO population (region_code, year, residents_by_age, identified_disabled_children, recorded_by)
                VALUES (:r, :y, CAST(:ages AS jsonb), :d, :by)""")
                .setParameter("r", region).setParameter("y", year).setParameter("ages", residentsByAge)
                .setParameter("d", identifiedDisabledChildren).setParameter("by", principal).executeUpdate();
    }

    /** Replaces the record of version {@code expected} with {@code version}; false when it is not at that version now. */
    boolean update(String region, int year, String residentsByAge, Integer identifiedDisabledChildren, long expected,
            long version, String principal) {
        return em.createNativeQuery("""
                UPDATE population SET residents_by_age = CAST(:ages AS jsonb), identified_disabled_children = :d,
                       version = :v, recorded_by = :by, recorded_at = now()
                WHERE region_code = :r AND year = :y AND version = :expected""")
                .setParameter("ages", residentsByAge).setParameter("d", identifiedDisabledChildren)
                .setParameter("v", version).setParameter("by", principal).setParameter("r", region)
                .setParameter("y", year).setParameter("expected", expected).executeUpdate() == 1;
    }
}
