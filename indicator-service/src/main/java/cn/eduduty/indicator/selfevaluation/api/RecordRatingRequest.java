package cn.eduduty.indicator.selfevaluation.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A rating of one third-level indicator; BASICALLY and NOT need a problem and an improvement measure")
public record RecordRatingRequest(
        @NotNull @Pattern(regexp = "^(FULLY|BASICALLY|NOT|NOT_APPLICABLE)$", message = "must be FULLY, BASICALLY, NOT or NOT_APPLICABLE")
        @Schema(enumeration = { "FULLY", "BASICALLY", "NOT", "NOT_APPLICABLE" }, examples = "FULLY") String rating,
        @Size(max = 20000) @Schema(description = "主要做法及成效, Markdown", examples = "全县学前三年毛入园率达到92.4%。")
        String narrative,
        @Size(max = 50) @Valid List<EvidenceItem> evidence,
        @Size(max = 4000) @Schema(description = "存在的问题", examples = "乡村幼儿园保教质量不高。") String problem,
        @Size(max = 4000) @Schema(description = "改进措施", examples = "实施乡村幼儿园教师培训计划。") String improvement) {
}
