package cn.eduduty.report.journal;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.Topics;
import cn.eduduty.report.readmodel.ReadModelProjector;
import cn.eduduty.runtime.inbox.EventHandler;

/**
 * Keeps every event of the three owning services, once, as received, and projects it into the
 * read model in the same transaction.
 */
@ApplicationScoped
public class EventJournal implements EventHandler {

    public static final String CONSUMER = "report-service";

    /** The owners' topics the read model follows. */
    public static final Set<String> TOPICS = Set.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING);

    private final EntityManager em;
    private final ReadModelProjector projector;

    EventJournal(EntityManager em, ReadModelProjector projector) {
        this.em = em;
        this.projector = projector;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return TOPICS;
    }

    @Override
    public void apply(CloudEvent event) {
        em.createNativeQuery("""
                INSERT INTO received_event (event_id, type, source, subject, region_code, event_time, payload)
                VALUES (:id, :type, :source, :subject, :region, :time, CAST(:payload AS jsonb))""")
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("region", event.regioncode())
                .setParameter("time", event.time())
                .setParameter("payload", event.data() == null ? "null" : EventJson.mapper().valueToTree(event.data()).toString())
                .executeUpdate();
        projector.apply(event);
    }
}
