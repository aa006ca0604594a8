package cn.eduduty.funding.ledger.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A closed fiscal year")
public record FiscalYearClosureResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2024") int fiscalYear,
        @Schema(description = "Postings in the year", examples = "1284") long postings,
        @Schema(examples = "county-editor@990101") String closedBy) {
}
