package cn.eduduty.runtime.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.eduduty.runtime.outbox.OutboxQueries.Lag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's upkeep where the relay runs: its lag (unsent events, the age of the oldest, parked
 * events) as gauges and for readiness, read every second; and sent rows deleted after
 * {@code eduduty.outbox.retention}, every ten minutes. Both run on the scheduler, apart from the
 * relay's rounds, so a slow count never holds up sending. Where the relay is disabled the gauges
 * stay at zero: another process relays and reports.
 */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    private final OutboxQueries queries;
    private final OutboxConfig config;
    private final MeterRegistry registry;

    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestUnsentEpochMilli = new AtomicLong();

    public OutboxMaintenance(OutboxQueries queries, OutboxConfig config, MeterRegistry registry) {
        this.queries = queries;
        this.config = config;
        this.registry = registry;
    }

    void registerGauges(@Observes StartupEvent event) {
        Gauge.builder("eduduty.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("eduduty.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good (too large, invalid)").register(registry);
        Gauge.builder("eduduty.outbox.oldest.unsent.age.seconds", this, m -> m.oldestUnsentAge().toMillis() / 1000.0)
                .description("Age of the oldest unsent outbox event").register(registry);
    }

    @Scheduled(identity = "outbox-lag", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshLag() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            Lag lag = queries.lag();
            unsent.set(lag.unsent());
            oldestUnsentEpochMilli.set(lag.oldestUnsent() == null ? 0 : lag.oldestUnsent().toEpochMilli());
            parked.set(lag.parked());
        } catch (RuntimeException e) {
            // the database may be away; the gauges keep their last values and the relay reports the failure
            LOG.debug("reading the outbox lag", e);
        }
    }

    @Scheduled(identity = "outbox-retention", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteSent() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            queries.deleteSentBefore(Instant.now().minus(config.retention()));
        } catch (RuntimeException e) {
            LOG.warnf("Deleting sent outbox events failed; next attempt in ten minutes: %s", e.getMessage());
        }
    }

    /** Events Kafka refused for good, waiting for an operator. */
    public long parked() {
        return parked.get();
    }

    public long unsent() {
        return unsent.get();
    }

    public Duration oldestUnsentAge() {
        long oldest = oldestUnsentEpochMilli.get();
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
    }
}
