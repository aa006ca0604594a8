package cn.eduduty.runtime.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.runtime.persistence.Rows;

/**
 * The idempotent-consumer log: an event is applied only if its id is not yet recorded for the
 * consumer, and the record is written in the same transaction as the handler's changes. The read
 * position of each partition is advanced in that transaction too.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Applies a parked {@code event} again (no position to move) and runs {@code resolve} in the
     * same transaction, so the event's effect and its parked record's resolution commit together:
     * a reader that sees one sees the other (report-service's roll-up lines count on it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean reapplyOnce(EventHandler handler, CloudEvent event, Runnable resolve) {
        boolean applied = applyOnce(handler, event, null, 0, 0); // within this transaction
        resolve.run();
        return applied;
    }

    /** Applies {@code event} once; returns false when it had been applied before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyOnce(EventHandler handler, CloudEvent event, String topic, int partition, long offset) {
        int inserted = em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", handler.consumerName())
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("type", event.type())
                .executeUpdate();
        if (inserted == 1) {
            handler.apply(event);
        }
        if (topic != null) {
            advance(handler.consumerName(), topic, partition, offset + 1, event.time());
        }
        return inserted == 1;
    }

    /** Moves the read position of a partition to {@code nextOffset} (never back), in the caller's transaction. */
    void advance(String consumer, String topic, int partition, long nextOffset, Instant eventTime) {
        em.createNativeQuery("""
                INSERT INTO consumer_position (consumer, topic, partition_no, next_offset, last_event_time, updated_at)
                VALUES (:consumer, :topic, :partition, :next, :time, now())
                ON CONFLICT (consumer, topic, partition_no) DO UPDATE
                   SET next_offset = GREATEST(consumer_position.next_offset, EXCLUDED.next_offset),
                       last_event_time = COALESCE(EXCLUDED.last_event_time, consumer_position.last_event_time),
                       updated_at = now()""")
                .setParameter("consumer", consumer)
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("next", nextOffset)
                .setParameter("time", eventTime)
                .executeUpdate();
    }

    /** How far each partition has been applied. */
    @Transactional
    public List<Position> positions(String consumer) {
        return Rows.list(em, """
                SELECT topic, partition_no, next_offset, last_event_time, updated_at
                FROM consumer_position WHERE consumer = :consumer ORDER BY topic, partition_no""",
                q -> q.setParameter("consumer", consumer))
                .stream().map(t -> new Position(Rows.text(t, "topic"), Rows.integer(t, "partition_no"),
                        Rows.whole(t, "next_offset"), Rows.instant(t, "last_event_time"), Rows.instant(t, "updated_at")))
                .toList();
    }

    public record Position(String topic, int partition, long nextOffset, Instant lastEventTime, Instant updatedAt) {
    }
}
