package cn.eduduty.report.parked.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A record the report service did not apply: where it was on Kafka, the record as it came, and why")
public record ParkedEventResponse(
        UUID id,
        @Schema(examples = "funding.events") String topic,
        @Schema(examples = "3") int partition,
        @Schema(examples = "1042") long offset,
        @Schema(description = "The record key as it came (owners key by region code)", examples = "990101") String key,
        @Schema(description = "The CloudEvents type the record claims, if it could be read",
                examples = "funding.posting.booked") String eventType,
        @Schema(description = "The record's value as it came (UTF-8)") String record,
        @Schema(description = "Why it was parked, or why its last re-application failed",
                examples = "source \"/attacker\" is not funding.events's owner /funding-service") String reason,
        @Schema(description = "Attempts at applying it, re-applications included", examples = "1") int attempts,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "PARKED until a re-application succeeds, then RESOLVED",
                enumeration = { "PARKED", "RESOLVED" }) String status,
        @Schema(description = "When it was re-applied successfully") Instant resolvedAt,
        @Schema(description = "Who re-applied it") String resolvedBy) {
}
