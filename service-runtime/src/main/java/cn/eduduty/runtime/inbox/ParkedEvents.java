package cn.eduduty.runtime.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * The consumer's dead letters: records it will not apply, kept as they came with the reason, so
 * their partition moves on. Parking advances the read position in the same transaction. An
 * operator lists them and re-applies one after a fix, through the same admission and handler.
 */
@ApplicationScoped
public class ParkedEvents {

    /** Longest reason kept; a reason quotes at most a short part of a record. */
    static final int MAX_REASON = 1000;

    private final EntityManager em;
    private final Inbox inbox;

    public ParkedEvents(EntityManager em, Inbox inbox) {
        this.em = em;
        this.inbox = inbox;
    }

    /** A parked record; {@code regionCode} is its key when that is a region code, {@code record} its value as text. */
    public record Parked(UUID id, String topic, int partition, long offset, String key, String regionCode,
            String eventType, String record, String reason, int attempts, Instant firstAttemptAt,
            Instant lastAttemptAt, Instant resolvedAt, String resolvedBy) {

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /** What a re-application came to: the parked record afterwards, and whether it was applied. */
    public record Reapplied(Parked parked, boolean applied) {
    }

    /**
     * Parks a record and moves the consumer's read position past it, in one transaction; a record
     * parked before (a redelivery) stays as it was.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(String consumer, String topic, int partition, long offset, String key, String value,
            String eventType, String reason, int attempts, Instant firstAttemptAt) {
        em.createNativeQuery("""
                INSERT INTO parked_event (id, consumer, topic, partition_no, record_offset, record_key, record_value,
                                          region_code, event_type, reason, attempts, first_attempt_at, last_attempt_at)
                VALUES (:id, :consumer, :topic, :partition, :offset, :key, :value, :region, :type, :reason, :attempts,
                        :first, now())
                ON CONFLICT (consumer, topic, partition_no, record_offset) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("consumer", consumer)
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("key", key == null ? null : text(key, 200))
                .setParameter("value", value == null ? null : value.getBytes(StandardCharsets.UTF_8))
                .setParameter("region", RegionCode.isValid(key) ? key : null)
                .setParameter("type", eventType == null ? null : text(eventType, 200))
                .setParameter("reason", text(reason, MAX_REASON))
                .setParameter("attempts", attempts)
                .setParameter("first", firstAttemptAt)
                .executeUpdate();
        inbox.advance(consumer, topic, partition, offset + 1, null);
    }

    /** Parked records not yet resolved, of every region. */
    @Transactional
    public long unresolved(String consumer) {
        return Rows.one(em, "SELECT count(*) AS parked FROM parked_event WHERE consumer = :consumer AND resolved_at IS NULL",
                q -> q.setParameter("consumer", consumer)).map(t -> Rows.whole(t, "parked")).orElse(0L);
    }

    /**
     * Parked records a caller of {@code region} may see, oldest first: those keyed by a region
     * within it, and those whose key is no region at all (they belong to nobody).
     */
    @Transactional
    public Page<Parked> list(String consumer, String region, boolean includeResolved, PageRequest page) {
        String where = """
                WHERE consumer = :consumer AND (region_code IS NULL OR region_code LIKE :prefix)
                  AND (:all OR resolved_at IS NULL)""";
        Rows.Parameters filter = q -> q.setParameter("consumer", consumer)
                .setParameter("prefix", RegionCode.prefix(region) + "%").setParameter("all", includeResolved);
        long total = Rows.one(em, "SELECT count(*) AS total FROM parked_event " + where, filter)
                .map(t -> Rows.whole(t, "total")).orElse(0L);
        List<Tuple> rows = Rows.list(em, SELECT + where
                + " ORDER BY first_attempt_at, topic, partition_no, record_offset LIMIT :limit OFFSET :offset",
                q -> filter.set(q).setParameter("limit", page.size()).setParameter("offset", page.offset()));
        return Page.of(rows.stream().map(ParkedEvents::parked).toList(), page, total);
    }

    /** A parked record by id, if a caller of {@code region} may see it (see {@link #list}). */
    @Transactional
    public Optional<Parked> find(String consumer, UUID id, String region) {
        List<Tuple> rows = Rows.list(em, SELECT + """
                WHERE consumer = :consumer AND id = :id AND (region_code IS NULL OR region_code LIKE :prefix)""",
                q -> q.setParameter("consumer", consumer).setParameter("id", id)
                        .setParameter("prefix", RegionCode.prefix(region) + "%"));
        return rows.stream().findFirst().map(ParkedEvents::parked);
    }

    /**
     * Applies a parked record through {@code handler} as the consumer would (admission first, then
     * the inbox, so an event applied meanwhile changes nothing). On success it is resolved by
     * {@code principal}; otherwise the reason and attempts are updated and it stays parked.
     */
    public Reapplied reapply(EventHandler handler, Parked parked, String principal) {
        String reason;
        try {
            CloudEvent event = EventJson.read(parked.record());
            Optional<String> refusal = Admission.refusal(parked.topic(), parked.key(), event);
            if (refusal.isPresent()) {
                reason = refusal.get();
            } else {
                inbox.reapplyOnce(handler, event, () -> resolve(parked.id(), principal));
                return new Reapplied(reload(parked), true);
            }
        } catch (EventRefused e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            reason = "not applied on re-application: " + InboxConsumer.describe(e);
        }
        failedAgain(parked.id(), reason);
        return new Reapplied(reload(parked), false);
    }

    @Transactional
    void resolve(UUID id, String principal) {
        em.createNativeQuery("""
                UPDATE parked_event SET resolved_at = now(), resolved_by = :by, attempts = attempts + 1,
                       last_attempt_at = now() WHERE id = :id""")
                .setParameter("by", text(principal, 200)).setParameter("id", id).executeUpdate();
    }

    @Transactional
    void failedAgain(UUID id, String reason) {
        em.createNativeQuery("""
                UPDATE parked_event SET reason = :reason, attempts = attempts + 1, last_attempt_at = now()
                WHERE id = :id""")
                .setParameter("reason", text(reason, MAX_REASON)).setParameter("id", id).executeUpdate();
    }

    @Transactional
    Parked reload(Parked parked) {
        return Rows.one(em, SELECT + " WHERE id = :id", q -> q.setParameter("id", parked.id())).map(ParkedEvents::parked)
                .orElseThrow();
    }

    private static final String SELECT = """
            SELECT id, topic, partition_no, record_offset, record_key, region_code, event_type, record_value, reason,
                   attempts, first_attempt_at, last_attempt_at, resolved_at, resolved_by
            FROM parked_event
            """;

    private static Parked parked(Tuple t) {
        byte[] value = t.get("record_value", byte[].class);
        return new Parked(Rows.uuid(t, "id"), Rows.text(t, "topic"), Rows.integer(t, "partition_no"),
                Rows.whole(t, "record_offset"), Rows.text(t, "record_key"), Rows.text(t, "region_code"),
                Rows.text(t, "event_type"), value == null ? null : new String(value, StandardCharsets.UTF_8),
                Rows.text(t, "reason"), Rows.integer(t, "attempts"), Rows.instant(t, "first_attempt_at"),
                Rows.instant(t, "last_attempt_at"), Rows.instant(t, "resolved_at"), Rows.text(t, "resolved_by"));
    }

    /** Text PostgreSQL can store (no NUL), at most {@code max} characters. */
    static String text(String value, int max) {
        String clean = value.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
