package cn.eduduty.indicator.selfevaluation.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The current rating of a third-level indicator")
public record RatingResponse(
        @Schema(examples = "4.1.1") String indicatorCode,
        @Schema(examples = "学前教育普及") String indicatorTitle,
        @Schema(enumeration = { "FULLY", "BASICALLY", "NOT", "NOT_APPLICABLE" }, examples = "FULLY") String rating,
        String narrative,
        List<EvidenceItem> evidence,
        String problem,
        String improvement,
        @Schema(examples = "county-editor@990101") String recordedBy,
        Instant recordedAt) {
}
