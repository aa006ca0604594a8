package cn.eduduty.funding.ledger;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.funding.ledger.api.ReconciliationResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

/** The running totals reconciled against the posting lines, for operators (system role). */
@Path("/api/v1/ledger/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "An append-only double-entry ledger of a county's education money")
public class LedgerReconciliationResource {

    private final LedgerReconciliation reconciliation;
    private final Access access;

    LedgerReconciliationResource(LedgerReconciliation reconciliation, Access access) {
        this.reconciliation = reconciliation;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "reconcileLedgerTotals",
            summary = "Reconcile the running totals of a region against its posting lines",
            description = "Every running total (per account, stage and school of a county's fiscal year) must equal the"
                    + " sum and count of its lines. Lists the differences; an empty list means the totals hold."
                    + " The same check runs on a schedule over the whole ledger (metric eduduty_ledger_total_mismatches).")
    @APIResponse(responseCode = "200", description = "The differences found, none when the totals hold",
            content = @Content(schema = @Schema(implementation = ReconciliationResponse.class)))
    public ReconciliationResponse reconcile(
            @QueryParam("region") @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "A province, prefecture or county, with everything below it; the token's region when absent",
                    example = "990101") String region,
            @QueryParam("fiscalYear") @Min(1990) @Max(2100)
            @Parameter(description = "One fiscal year; all when absent", example = "2025") Integer fiscalYear) {
        String checked = region == null ? access.region() : region;
        access.require(checked, "reconcile", Roles.SYSTEM);
        var mismatches = reconciliation.mismatches(checked, fiscalYear);
        long count = mismatches.size() < LedgerReconciliation.MAX_LISTED ? mismatches.size()
                : reconciliation.count(checked, fiscalYear);
        return new ReconciliationResponse(checked, fiscalYear, (int) count, mismatches, Instant.now());
    }
}
