package cn.eduduty.indicator.selfevaluation.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A reviewer's comment; the summary of a return has no indicator code")
public record ReviewCommentResponse(
        @Schema(description = "Which return it belongs to, from 1", examples = "1") int round,
        @Schema(examples = "4.1.1") String indicatorCode,
        String comment,
        @Schema(examples = "prefecture-reviewer@990100") String reviewer,
        Instant createdAt) {
}
