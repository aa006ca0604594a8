package cn.eduduty.indicator.selfevaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Evidence for a rating: a document by URI, or a catalogue figure by key (exactly one)")
public record EvidenceItem(
        @NotBlank @Size(max = 200) @Schema(examples = "县学前教育第四期行动计划") String title,
        @Size(max = 2000) @Pattern(regexp = "^(https?|urn):.+", message = "must be an http(s) or urn URI")
        @Schema(examples = "https://example.gov.cn/docs/preschool-plan.pdf") String uri,
        @Schema(description = "A key of GET /api/v1/metrics", examples = "registry.preschool.gross_enrolment_rate")
        String figureKey) {
}
