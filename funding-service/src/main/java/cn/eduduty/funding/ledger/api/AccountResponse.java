package cn.eduduty.funding.ledger.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An account of a county's chart")
public record AccountResponse(
        @Schema(examples = "5002") String code,
        @Schema(examples = "生均公用经费") String name,
        @Schema(examples = "EXPENSE") String type,
        @Schema(examples = "PER_STUDENT_PUBLIC_FUNDS") String category,
        @Schema(description = "Part of the chart every county starts with") boolean seeded) {
}
