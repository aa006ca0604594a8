package cn.eduduty.indicator.selfevaluation.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A change of a rating: who, when, from, to")
public record RatingChangeResponse(
        @Schema(description = "Absent for the first rating", examples = "BASICALLY") String from,
        @Schema(examples = "FULLY") String to,
        @Schema(examples = "county-editor@990101") String changedBy,
        Instant changedAt) {
}
