package cn.eduduty.indicator.selfevaluation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's self-evaluation")
public record SelfEvaluationResponse(
        UUID id,
        UUID frameworkId,
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int year,
        @Schema(enumeration = { "DRAFT", "SUBMITTED", "RETURNED", "APPROVED" }, examples = "DRAFT") String status,
        @Schema(description = "Workflow actions allowed now", examples = "[\"submit\"]") List<String> allowedActions,
        @Schema(examples = "county-editor@990101") String createdBy,
        Instant createdAt,
        Instant submittedAt,
        String approvedBy,
        Instant approvedAt,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version,
        @Schema(description = "What the county signs (PUT …/signing); absent until recorded") SigningResponse signing) {
}
