package cn.eduduty.report.snapshot.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A stored report snapshot: what it is and where to fetch it in each format")
public record ReportResponse(
        UUID id,
        @Schema(examples = "990101") String region,
        @Schema(examples = "示例县") String regionName,
        @Schema(examples = "2025") int year,
        @Schema(enumeration = { "DRAFT", "FINAL" }) String kind,
        @Schema(enumeration = { "ON_DEMAND", "DEADLINE" }) String trigger,
        UUID deadlineId,
        UUID frameworkId,
        @Schema(description = "SHA-256 of the snapshot's canonical JSON") String contentHash,
        @Schema(description = "Consistency checks of severity ERROR") int checksFailed,
        Instant generatedAt,
        String generatedBy,
        @Schema(description = "The document in each format, by format name") Map<String, String> links) {
}
