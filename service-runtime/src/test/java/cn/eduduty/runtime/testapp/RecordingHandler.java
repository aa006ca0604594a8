package cn.eduduty.runtime.testapp;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.Topics;
import cn.eduduty.runtime.inbox.EventHandler;
import cn.eduduty.runtime.inbox.EventRefused;

/**
 * The test application's consumer: it reads the registry's topic as report-service does, and
 * records each application of an event as a row. The event's subject says how it behaves:
 * {@value #FAILING} fails every time, {@value #REFUSED} is refused for good, anything else applies.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String CONSUMER = "report-service";
    public static final String FAILING = "always-failing";
    public static final String REFUSED = "refused";

    private final EntityManager em;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    RecordingHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REGISTRY);
    }

    @Override
    public void apply(CloudEvent event) {
        UUID id = UUID.fromString(event.id());
        attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = id;
        applied.subject = event.subject();
        applied.region = event.regioncode();
        em.persist(applied);
        em.flush(); // written, then thrown away with the transaction below
        if (event.subject().startsWith(FAILING)) {
            throw new IllegalStateException("the handler cannot apply " + event.subject());
        }
        if (event.subject().startsWith(REFUSED)) {
            throw new EventRefused("the handler refuses " + event.subject());
        }
    }

    /** How often the handler was called with the event, whatever came of it. */
    public int attempts(UUID eventId) {
        AtomicInteger n = attempts.get(eventId);
        return n == null ? 0 : n.get();
    }
}
