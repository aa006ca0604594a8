package cn.eduduty.indicator.selfevaluation.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the county signs, as last recorded; frozen with the self-evaluation once approved")
public record SigningResponse(
        @Schema(description = "Absent: the report prints \"<county name>人民政府\"", examples = "示例县人民政府")
        String signingAuthority,
        @Schema(description = "Absent: not chosen", examples = "2025-10-20") LocalDate signingDate,
        @Schema(description = "经典做法 in order; empty: not chosen") List<NotablePractice> notablePractices,
        @Schema(description = "改进措施 in order; empty: not chosen") List<ImprovementMeasure> improvementMeasures,
        @Schema(examples = "county-editor@990101") String recordedBy,
        Instant recordedAt) {
}
