package cn.eduduty.report.resync.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a resync read from the owners and applied (already-known state is applied idempotently)")
public record ResyncResponse(
        @Schema(description = "The counties resynchronised") List<String> counties,
        @Schema(description = "Records read per kind", examples = "{\"schools\": 61, \"postings\": 212}") Map<String, Integer> read,
        @Schema(examples = "2310") long millis) {
}
