package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;

/** Report snapshots in {@code report_snapshot}: inserted once, never changed (a trigger refuses it). */
@ApplicationScoped
public class SnapshotStore {

    private final EntityManager em;

    SnapshotStore(EntityManager em) {
        this.em = em;
    }

    /** A stored snapshot; {@code content} is the canonical JSON text. */
    public record Stored(UUID id, String region, String regionName, int year, String kind, String trigger,
            UUID deadlineId, UUID frameworkId, String content, String contentHash, int checksFailed,
            Instant generatedAt, String generatedBy) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Stored s) {
        em.createNativeQuery("""
                INSERT INTO report_snapshot (id, region_code, report_year, kind, trigger, deadline_id, framework_id,
                                             content, content_hash, checks_failed, generated_at, generated_by)
                VALUES (:id, :region, :year, :kind, :trigger, :deadline, :framework, :content, :hash, :failed,
                        :at, :by)""")
                .setParameter("id", s.id()).setParameter("region", s.region()).setParameter("year", s.year())
                .setParameter("kind", s.kind()).setParameter("trigger", s.trigger())
                .setParameter("deadline", s.deadlineId()).setParameter("framework", s.frameworkId())
                .setParameter("content", s.content()).setParameter("hash", s.contentHash())
                .setParameter("failed", s.checksFailed()).setParameter("at", s.generatedAt())
                .setParameter("by", s.generatedBy()).executeUpdate();
    }

    @Transactional
    public Optional<Stored> find(UUID id) {
        return Rows.one(em, SELECT + " WHERE s.id = :id", q -> q.setParameter("id", id))
                .map(t -> row(t, Rows.text(t, "content")));
    }

    /** Snapshots of a region and the regions below it, newest first, without their content. */
    @Transactional
    public List<Stored> list(String region, Integer year, String kind, int offset, int limit) {
        return Rows.list(em, SELECT_SUMMARY + where(year, kind)
                + " ORDER BY s.generated_at DESC, s.id LIMIT :limit OFFSET :offset",
                q -> bind(q, region, year, kind).setParameter("limit", limit).setParameter("offset", offset))
                .stream().map(t -> row(t, null)).toList();
    }

    @Transactional
    public long count(String region, Integer year, String kind) {
        return Rows.one(em, "SELECT count(*) AS snapshots FROM report_snapshot s" + where(year, kind),
                q -> bind(q, region, year, kind)).map(t -> Rows.whole(t, "snapshots")).orElseThrow();
    }

    private static String where(Integer year, String kind) {
        return " WHERE s.region_code LIKE :prefix" + (year == null ? "" : " AND s.report_year = :year")
                + (kind == null ? "" : " AND s.kind = :kind");
    }

    private static Query bind(Query q, String region, Integer year, String kind) {
        q.setParameter("prefix", RegionCode.prefix(region) + "%");
        if (year != null) {
            q.setParameter("year", year);
        }
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        return q;
    }

    private static final String COLUMNS = """
            s.id, s.region_code, coalesce(r.name, s.region_code) AS region_name, s.report_year, s.kind, s.trigger,
            s.deadline_id, s.framework_id, s.content_hash, s.checks_failed, s.generated_at, s.generated_by""";
    private static final String SELECT = "SELECT " + COLUMNS
            + ", s.content FROM report_snapshot s LEFT JOIN rm_region r ON r.code = s.region_code";
    private static final String SELECT_SUMMARY = "SELECT " + COLUMNS
            + " FROM report_snapshot s LEFT JOIN rm_region r ON r.code = s.region_code";

    /** A snapshot's row, with {@code content} read or not (null). */
    private static Stored row(Tuple t, String content) {
        return new Stored(Rows.uuid(t, "id"), Rows.text(t, "region_code"), Rows.text(t, "region_name"),
                Rows.integer(t, "report_year"), Rows.text(t, "kind"), Rows.text(t, "trigger"),
                Rows.uuid(t, "deadline_id"), Rows.uuid(t, "framework_id"), content, Rows.text(t, "content_hash"),
                Rows.integer(t, "checks_failed"), Rows.instant(t, "generated_at"), Rows.text(t, "generated_by"));
    }
}
