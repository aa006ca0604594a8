package cn.eduduty.registry.bulkimport;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.eduduty.runtime.persistence.Rows;

/** The imports done, one row per (county, idempotency key), with the summary each answered. */
@ApplicationScoped
class BulkImportQueries {

    /** An import done before under a key: what it imported (kind, content hash) and its summary as JSON. */
    record ImportRun(String kind, String contentHash, String summary) {
    }

    private final EntityManager em;

    BulkImportQueries(EntityManager em) {
        this.em = em;
    }

    /** Holds the key of {@code county} until the transaction ends, so that one upload of a key runs at a time. */
    void lock(String county, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", "import:" + county + ":" + key).getSingleResult();
    }

    Optional<ImportRun> find(String county, String key) {
        return Rows.one(em, """
                SELECT kind, content_hash, summary::text AS summary FROM import_run
                WHERE region_code = :r AND idempotency_key = :k""",
                q -> q.setParameter("r", county).setParameter("k", key))
                .map(t -> new ImportRun(Rows.text(t, "kind"), Rows.text(t, "content_hash"), Rows.text(t, "summary")));
    }

    void insert(String county, String key, ImportKind kind, String contentHash, long rows, String summary,
            String principal) {
        em.createNativeQuery("""
                INSERT INTO import_run (region_code, idempotency_key, kind, content_hash, rows, summary, imported_by)
                VALUES (:r, :k, :kind, :h, :rows, CAST(:s AS jsonb), :by)""")
                .setParameter("r", county).setParameter("k", key).setParameter("kind", kind.name())
                .setParameter("h", contentHash).setParameter("rows", (int) rows)
                .setParameter("s", summary).setParameter("by", principal).executeUpdate();
    }
}
