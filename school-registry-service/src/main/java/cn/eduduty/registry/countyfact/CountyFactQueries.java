package cn.eduduty.registry.countyfact;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import cn.eduduty.runtime.persistence.Rows;

/** The {@code county_fact} table: one JSON document per kind, county and year, replaced under its version. */
@ApplicationScoped
class CountyFactQueries {

    private final EntityManager em;

    CountyFactQueries(EntityManager em) {
        this.em = em;
    }

    /** A stored fact: its year, its fields as JSON, who recorded it and its version. */
    record Stored(int year, String data, String recordedBy, long version) {
    }

    private static final String SELECT = "SELECT year, data::text AS data, recorded_by, version FROM county_fact ";

    Optional<Stored> find(CountyFactKind kind, String county, int year) {
        return Rows.one(em, SELECT + "WHERE kind = :kind AND region_code = :county AND year = :year",
                q -> q.setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year))
                .map(CountyFactQueries::stored);
    }

    List<Stored> list(CountyFactKind kind, String county, int limit, int offset) {
        return Rows.list(em, SELECT + "WHERE kind = :kind AND region_code = :county ORDER BY year LIMIT :limit OFFSET :offset",
                q -> q.setParameter("kind", kind.name()).setParameter("county", county).setParameter("limit", limit)
                        .setParameter("offset", offset))
                .stream().map(CountyFactQueries::stored).toList();
    }

    long count(CountyFactKind kind, String county) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM county_fact WHERE kind = :kind AND region_code = :county")
                .setParameter("kind", kind.name()).setParameter("county", county).getSingleResult()).longValue();
    }

    /** Records the fact as version 0; false when someone recorded the year meanwhile. */
    boolean insert(CountyFactKind kind, String county, int year, String json, String principal) {
        return em.createNativeQuery("""
                INSERT INTO county_fact (kind, region_code, year, data, recorded_by)
                VALUES (:kind, :county, :year, CAST(:data AS jsonb), :by) ON CONFLICT DO NOTHING""")
                .setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year)
                .setParameter("data", json).setParameter("by", principal).executeUpdate() == 1;
    }

    /** Replaces the fact of version {@code expected} with {@code version}; false when it is not at that version now. */
    boolean update(CountyFactKind kind, String county, int year, String json, long expected, long version,
            String principal) {
        return em.createNativeQuery("""
                UPDATE county_fact SET data = CAST(:data AS jsonb), version = :version, recorded_by = :by, recorded_at = now()
                WHERE kind = :kind AND region_code = :county AND year = :year AND version = :expected""")
                .setParameter("data", json).setParameter("version", version).setParameter("by", principal)
                .setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year)
                .setParameter("expected", expected).executeUpdate() == 1;
    }

    private static Stored stored(Tuple t) {
        return new Stored(Rows.integer(t, "year"), Rows.text(t, "data"), Rows.text(t, "recorded_by"),
                Rows.whole(t, "version"));
    }
}
