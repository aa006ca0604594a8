package cn.eduduty.funding.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the last scheduled reconciliation: how many running totals differ from
 * their lines, when it ran, whether it could. A difference is for an operator to investigate, not
 * a reason to stop serving, so the check stays UP; the metric
 * {@code eduduty_ledger_total_mismatches} is what alerts.
 */
@Readiness
@ApplicationScoped
public class LedgerReconciliationHealthCheck implements HealthCheck {

    private final LedgerReconciliation reconciliation;

    LedgerReconciliationHealthCheck(LedgerReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public HealthCheckResponse call() {
        LedgerReconciliation.LastCheck last = reconciliation.last();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("ledger-reconciliation").up();
        if (last == null) {
            return builder.withData("checked", false).build();
        }
        return builder.withData("checked", true)
                .withData("mismatches", last.mismatches())
                .withData("checkedAt", last.at().toString())
                .withData("checkFailed", last.failed())
                .build();
    }
}
