package cn.eduduty.runtime.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.persistence.Rows;

/**
 * The relay's SQL on the {@code outbox} table: the next rows to send, marking them sent or parked,
 * the lag, and deleting what was sent long ago. Each call is a transaction of its own (the relay
 * works outside any caller's transaction); rows are read by column name.
 */
@ApplicationScoped
public class OutboxQueries {

    private final EntityManager em;

    public OutboxQueries(EntityManager em) {
        this.em = em;
    }

    /** An outbox row waiting to be sent. */
    record Pending(long seq, String id, String aggregateId, String type, String dataschema, String topic,
            String regionCode, Instant timestamp, String payload, String traceparent) {
    }

    /** Unsent events not parked, how old the oldest of them is (null when none), and parked events. */
    record Lag(long unsent, Instant oldestUnsent, long parked) {
    }

    /**
     * The first {@code limit} rows neither sent nor parked, in sequence order, if the session
     * {@code leaderPid} still holds the relay lock; none otherwise. The relay's queries run on pooled
     * connections, not on the session holding the lock, so this is where a relay whose session died
     * (and whose lock another replica may hold by now) learns that it must not send.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Pending> unsent(int limit, int leaderPid) {
        return Rows.list(em, """
                SELECT seq, CAST(id AS text) AS id, aggregateid, type, dataschema, topic, region_code, "timestamp",
                       CAST(payload AS text) AS payload, traceparent
                FROM outbox
                WHERE sent_at IS NULL AND failed_at IS NULL
                  AND EXISTS (SELECT 1 FROM pg_locks
                              WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = :leader
                                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                AND ((CAST(classid AS bigint) << 32) | CAST(objid AS bigint)) = :lock)
                ORDER BY seq LIMIT :limit""",
                q -> q.setParameter("limit", limit).setParameter("leader", leaderPid)
                        .setParameter("lock", RelayLeadership.RELAY_LOCK))
                .stream().map(t -> new Pending(Rows.whole(t, "seq"), Rows.text(t, "id"), Rows.text(t, "aggregateid"),
                        Rows.text(t, "type"), Rows.text(t, "dataschema"), Rows.text(t, "topic"),
                        Rows.text(t, "region_code"), Rows.instant(t, "timestamp"), Rows.text(t, "payload"),
                        Rows.text(t, "traceparent")))
                .toList();
    }

    /** Marks the rows the broker acknowledged. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markSent(List<Long> seqs) {
        em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE seq IN (:seqs)")
                .setParameter("seqs", seqs)
                .executeUpdate();
    }

    /** Takes a row out of the queue for good, with what the broker said. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void park(long seq, String failure) {
        em.createNativeQuery("UPDATE outbox SET failed_at = now(), failure = :failure WHERE seq = :seq")
                .setParameter("failure", failure)
                .setParameter("seq", seq)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Lag lag() {
        return Rows.one(em, """
                SELECT count(*) FILTER (WHERE failed_at IS NULL) AS unsent,
                       min("timestamp") FILTER (WHERE failed_at IS NULL) AS oldest_unsent,
                       count(*) FILTER (WHERE failed_at IS NOT NULL) AS parked
                FROM outbox WHERE sent_at IS NULL""", q -> q)
                .map(t -> new Lag(Rows.whole(t, "unsent"), Rows.instant(t, "oldest_unsent"), Rows.whole(t, "parked")))
                .orElseThrow();
    }

    /** Deletes rows sent before {@code before}; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteSentBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
