package cn.eduduty.report.position.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How far one partition of an owner's topic has been read and applied")
public record ReadPositionResponse(
        @Schema(examples = "registry.events") String topic,
        @Schema(examples = "3") int partition,
        @Schema(description = "Offset of the next record to apply", examples = "1284") long nextOffset,
        @Schema(description = "Offset the next published record will get; absent if Kafka did not answer", examples = "1290") Long endOffset,
        @Schema(description = "Records published but not applied yet (endOffset − nextOffset); 0 means caught up", examples = "6") Long lag,
        @Schema(description = "Time of the newest applied event") Instant lastEventTime,
        @Schema(description = "When the position last moved") Instant updatedAt) {
}
