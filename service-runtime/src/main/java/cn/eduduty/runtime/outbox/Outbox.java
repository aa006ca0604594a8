package cn.eduduty.runtime.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction
 * commits, and then certainly: the {@link OutboxRelay} sends it after commit.
 *
 * <p>Events of one region are numbered in commit order: the insert first takes a transaction
 * lock on the region, so a second writer for that region gets its sequence number only after the
 * first committed or rolled back. The relay sends in sequence order, so each region's events
 * reach its partition in the order their changes were committed.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, String aggregateType, String aggregateId, String regionCode,
            T payload, String recordedBy) {
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.name(), e);
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "outbox:" + regionCode)
                .getSingleResult();
        em.createNativeQuery("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, dataschema, topic, region_code,
                                    "timestamp", payload, recorded_by)
                VALUES (:id, :aggregatetype, :aggregateid, :type, :dataschema, :topic, :region,
                        :timestamp, CAST(:payload AS jsonb), :recordedBy)
                """)
                .setParameter("id", id)
                .setParameter("aggregatetype", aggregateType)
                .setParameter("aggregateid", aggregateId)
                .setParameter("type", type.name())
                .setParameter("dataschema", type.dataschema())
                .setParameter("topic", type.topic())
                .setParameter("region", regionCode)
                .setParameter("timestamp", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("payload", json)
                .setParameter("recordedBy", recordedBy)
                .executeUpdate();
        return id;
    }
}
