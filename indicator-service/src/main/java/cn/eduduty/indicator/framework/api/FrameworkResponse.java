package cn.eduduty.indicator.framework.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An evaluation framework")
public record FrameworkResponse(
        UUID id,
        @Schema(examples = "XJ-2025") String code,
        @Schema(examples = "2025年县级人民政府履行教育职责评价指标体系") String name,
        @Schema(examples = "2025") int evaluationYear,
        @Schema(examples = "示例州人民政府教育督导室") String issuer,
        @Schema(examples = "990100") String regionCode,
        @Schema(enumeration = { "DRAFT", "PUBLISHED" }, examples = "DRAFT") String status,
        @Schema(examples = "prefecture-reviewer@990100") String createdBy,
        Instant createdAt,
        @Schema(description = "The framework this draft was derived from") UUID derivedFrom,
        Instant publishedAt,
        @Schema(examples = "prefecture-reviewer@990100") String publishedBy,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version,
        @Schema(description = "The tree in reading order; absent in lists")
        List<IndicatorResponse> indicators) {
}
