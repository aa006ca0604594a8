package cn.eduduty.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.runtime.problem.Problem;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.tracing.TraceContext;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction
 * commits, and then certainly: the {@link OutboxRelay} sends it after commit.
 *
 * <p>Events of one region are numbered in commit order: the insert first takes a transaction
 * lock on the region, so a second writer for that region gets its sequence number only after the
 * first committed or rolled back. The relay sends in sequence order, so each region's events
 * reach its partition in the order their changes were committed.
 *
 * <p>An event larger than the relay may send ({@link OutboxConfig#maxEventBytes()}) is refused
 * here with 413, so the write that would publish it rolls back instead of storing an event the
 * broker would refuse for ever.
 *
 * <p>The row keeps the W3C {@code traceparent} of the span current at the write (the request's),
 * so the event carries it to its consumers and their application of it joins the write's trace.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /**
     * Room left for the CloudEvents envelope around the payload (id, source, type, subject, time,
     * dataschema, region, traceparent) and the Kafka record's key and headers: each is a short bounded string.
     */
    static final int ENVELOPE_RESERVE = 2048;

    /** The PostgreSQL channel a transaction that wrote events notifies when it commits; the relay listens. */
    static final String CHANNEL = "eduduty_outbox";

    private final EntityManager em;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, OutboxConfig config, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.config = config;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, String aggregateType, String aggregateId, String regionCode,
            T payload, String recordedBy) {
        UUID id = UUID.randomUUID();
        byte[] bytes;
        try {
            bytes = EventJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.name(), e);
        }
        requireDeliverable(type, bytes.length);
        String json = new String(bytes, StandardCharsets.UTF_8);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "outbox:" + regionCode)
                .getSingleResult();
        em.createNativeQuery("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, dataschema, topic, region_code,
                                    "timestamp", payload, recorded_by, traceparent)
                VALUES (:id, :aggregatetype, :aggregateid, :type, :dataschema, :topic, :region,
                        :timestamp, CAST(:payload AS jsonb), :recordedBy, :traceparent)
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
                .setParameter("traceparent", TraceContext.current().orElse(null))
                .executeUpdate();
        LOG.debugf("Recorded %s %s for %s %s", type.name(), id, aggregateType, aggregateId);
        // once a transaction: PostgreSQL delivers it when (and only if) the transaction commits
        if (transactions.getResource(CHANNEL) == null) {
            transactions.putResource(CHANNEL, Boolean.TRUE);
            em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
        }
        return id;
    }

    private void requireDeliverable(EventType<?> type, int payloadBytes) {
        long size = (long) payloadBytes + ENVELOPE_RESERVE;
        if (size > config.maxEventBytes()) {
            throw new ProblemException(ProblemType.CONTENT_TOO_LARGE, "The " + type.name() + " event this change publishes "
                    + "would be about " + size + " bytes; the event bus accepts at most " + config.maxEventBytes()
                    + " bytes, so nothing was stored. Split the change into smaller ones",
                    List.of(new Problem.Violation("body", "the event it publishes would exceed " + config.maxEventBytes()
                            + " bytes")));
        }
    }
}
