package cn.eduduty.registry.countyfact;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.web.Versions;

/** The {@code county_fact} table: one JSON document per kind, county and year, replaced under its version. */
@ApplicationScoped
class CountyFactStore {

    private final EntityManager em;

    CountyFactStore(EntityManager em) {
        this.em = em;
    }

    /** A stored fact: its year, its fields as JSON, who recorded it and its version. */
    record Stored(int year, String data, String recordedBy, long version) {
    }

    Stored find(CountyFactKind kind, String county, int year) {
        List<Stored> found = stored(em.createNativeQuery("""
                SELECT year, data::text AS data, recorded_by, version FROM county_fact
                WHERE kind = :kind AND region_code = :county AND year = :year""", Tuple.class)
                .setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year)
                .getResultList());
        return found.isEmpty() ? null : found.get(0);
    }

    List<Stored> list(CountyFactKind kind, String county, int limit, int offset) {
        return stored(em.createNativeQuery("""
                SELECT year, data::text AS data, recorded_by, version FROM county_fact
                WHERE kind = :kind AND region_code = :county ORDER BY year LIMIT :limit OFFSET :offset""", Tuple.class)
                .setParameter("kind", kind.name()).setParameter("county", county).setParameter("limit", limit)
                .setParameter("offset", offset).getResultList());
    }

    long count(CountyFactKind kind, String county) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM county_fact WHERE kind = :kind AND region_code = :county")
                .setParameter("kind", kind.name()).setParameter("county", county).getSingleResult()).longValue();
    }

    /**
     * Records the fact, or replaces it when {@code If-Match} quotes the stored version (428 without
     * it, 412 when stale or changed meanwhile); returns the new version.
     */
    long save(CountyFactKind kind, String county, int year, String json, String ifMatch, String principal) {
        Stored current = find(kind, county, year);
        if (current == null) {
            Versions.requireNoMatch(ifMatch, kind.title() + " " + county + "/" + year);
            int inserted = em.createNativeQuery("""
                    INSERT INTO county_fact (kind, region_code, year, data, recorded_by)
                    VALUES (:kind, :county, :year, CAST(:data AS jsonb), :by) ON CONFLICT DO NOTHING""")
                    .setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year)
                    .setParameter("data", json).setParameter("by", principal).executeUpdate();
            if (inserted != 1) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        kind.title() + " " + county + "/" + year + " was recorded by someone else meanwhile; fetch it and retry");
            }
            return 0;
        }
        Versions.requireMatch(ifMatch, current.version());
        long version = current.version() + 1;
        int updated = em.createNativeQuery("""
                UPDATE county_fact SET data = CAST(:data AS jsonb), version = :version, recorded_by = :by, recorded_at = now()
                WHERE kind = :kind AND region_code = :county AND year = :year AND version = :expected""")
                .setParameter("data", json).setParameter("version", version).setParameter("by", principal)
                .setParameter("kind", kind.name()).setParameter("county", county).setParameter("year", year)
                .setParameter("expected", current.version()).executeUpdate();
        if (updated != 1) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    kind.title() + " " + county + "/" + year + " was changed by someone else; fetch it again and retry");
        }
        return version;
    }

    private static List<Stored> stored(List<?> rows) {
        return rows.stream().map(Tuple.class::cast).map(t -> new Stored(t.get("year", Number.class).intValue(),
                t.get("data", String.class), t.get("recorded_by", String.class), t.get("version", Number.class).longValue()))
                .toList();
    }
}
