package cn.eduduty.funding.ledger.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The running totals of a region (and fiscal year) reconciled against the posting lines")
public record ReconciliationResponse(
        @Schema(description = "The region checked, with everything below it", examples = "990101") String regionCode,
        @Schema(description = "The fiscal year checked; absent for all", examples = "2025", nullable = true) Integer fiscalYear,
        @Schema(description = "Running totals that differ from their lines", examples = "0") int mismatchCount,
        @Schema(description = "The first differences, by region, year, account, stage and school (at most 500)")
        List<TotalMismatch> mismatches,
        @Schema(examples = "2026-11-30T01:00:00Z") Instant checkedAt) {
}
