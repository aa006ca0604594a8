package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.eduduty.funding.ledger.api.TotalMismatch;
import cn.eduduty.runtime.security.RegionCode;
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

    private final EntityManager em;
    private final MeterRegistry registry;
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicReference<LastCheck> last = new AtomicReference<>();

    LedgerReconciliation(EntityManager em, MeterRegistry registry) {
        this.em = em;
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
        return ((Number) query("SELECT count(*) FROM differences", region, year).getSingleResult()).longValue();
    }

    /** The first {@value #MAX_LISTED} differences within {@code region} and {@code year}. */
    @Transactional
    List<TotalMismatch> mismatches(String region, Integer year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("""
                SELECT * FROM differences
                ORDER BY region_code, fiscal_year, account_code, stage, school_code LIMIT %d""".formatted(MAX_LISTED),
                region, year).getResultList();
        return rows.stream().map(r -> new TotalMismatch((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3], (String) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8],
                ((Number) r[9]).longValue(), ((Number) r[10]).longValue())).toList();
    }

    private Query query(String select, String region, Integer year) {
        // the prefix of a region covers it and everything below (GB/T 2260 codes are hierarchical)
        String prefix = region == null ? "" : RegionCode.prefix(region);
        return em.createNativeQuery("""
                WITH totals AS (
                    SELECT region_code, fiscal_year, account_code, stage, school_code, debit, credit, lines
                    FROM ledger_total
                    WHERE region_code LIKE :prefix || '%' AND (:year = 0 OR fiscal_year = :year)
                ), summed AS (
                    SELECT l.region_code, l.fiscal_year, l.account_code, coalesce(p.stage, '') AS stage,
                           coalesce(p.school_code, '') AS school_code,
                           sum(l.debit) AS debit, sum(l.credit) AS credit, count(*) AS lines
                    FROM posting_line l JOIN posting p ON p.id = l.posting_id
                    WHERE l.region_code LIKE :prefix || '%' AND (:year = 0 OR l.fiscal_year = :year)
                    GROUP BY 1, 2, 3, 4, 5
                ), differences AS (
                    SELECT region_code, fiscal_year, account_code, stage, school_code,
                           coalesce(t.debit, 0) AS total_debit, coalesce(s.debit, 0) AS lines_debit,
                           coalesce(t.credit, 0) AS total_credit, coalesce(s.credit, 0) AS lines_credit,
                           coalesce(t.lines, 0) AS total_lines, coalesce(s.lines, 0) AS lines
                    FROM totals t FULL JOIN summed s USING (region_code, fiscal_year, account_code, stage, school_code)
                    WHERE coalesce(t.debit, 0) <> coalesce(s.debit, 0) OR coalesce(t.credit, 0) <> coalesce(s.credit, 0)
                       OR coalesce(t.lines, 0) <> coalesce(s.lines, 0)
                )
                """ + select).setParameter("prefix", prefix).setParameter("year", year == null ? 0 : year);
    }
}
