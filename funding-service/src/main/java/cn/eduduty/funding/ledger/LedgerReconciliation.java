package cn.eduduty.funding.ledger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.eduduty.funding.ledger.api.TotalMismatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Reconciles the running totals ({@code ledger_total}, written by the application and so
 * changeable by it) against the posting lines they summarise (append-only): every total must
 * equal the sum and count of its lines, and every group of lines must have its total. On demand
 * for a region ({@code GET /api/v1/ledger/reconciliation}) and on a schedule for the whole
 * database ({@code eduduty.ledger.reconciliation.every}, default hourly; {@code off} disables it),
 * whose last count is the gauge {@code eduduty_ledger_total_mismatches} and readiness detail.
 */
@ApplicationScoped
public class LedgerReconciliation {

    private static final Logger LOG = Logger.getLogger(LedgerReconciliation.class);
    static final int MAX_LISTED = 500;

    /** What the last scheduled check found: a count, its time, whether it could run. */
    public record LastCheck(long mismatches, Instant at, boolean failed) {
    }

    private final LedgerQueries queries;
    private final MeterRegistry registry;
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicReference<LastCheck> last = new AtomicReference<>();

    LedgerReconciliation(LedgerQueries queries, MeterRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    void registerGauge(@Observes StartupEvent event) {
        Gauge.builder("eduduty.ledger.total.mismatches", mismatches, AtomicLong::get)
                .description("Running totals that differ from the sum of their posting lines at the last check")
                .register(registry);
    }

    /** The scheduled check over every region and year. */
    @Scheduled(identity = "ledger-reconciliation", every = "${eduduty.ledger.reconciliation.every:1h}",
            delayed = "${eduduty.ledger.reconciliation.delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        checkAll();
    }

    /** Checks every region and year now and records the result for the metric and readiness. */
    public LastCheck checkAll() {
        LastCheck result;
        try {
            long count = count(null, null);
            mismatches.set(count);
            result = new LastCheck(count, Instant.now(), false);
            if (count > 0) {
                LOG.errorf("%d running totals differ from their posting lines (GET /api/v1/ledger/reconciliation lists them)", count);
            }
        } catch (RuntimeException e) {
            LOG.error("The running totals could not be reconciled", e);
            result = new LastCheck(mismatches.get(), Instant.now(), true);
        }
        last.set(result);
        return result;
    }

    /** The last scheduled check, or null before the first. */
    public LastCheck last() {
        return last.get();
    }

    /** How many totals differ within {@code region} (all when null) and {@code year} (all when null). */
    @Transactional
    long count(String region, Integer year) {
        return queries.mismatchCount(region, year);
    }

    /** The first {@value #MAX_LISTED} differences within {@code region} and {@code year}. */
    @Transactional
    List<TotalMismatch> mismatches(String region, Integer year) {
        return queries.mismatches(region, year, MAX_LISTED);
    }
}
