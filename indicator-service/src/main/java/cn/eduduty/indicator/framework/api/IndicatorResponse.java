package cn.eduduty.indicator.framework.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An indicator of a framework")
public record IndicatorResponse(
        @Schema(examples = "4.1.1") String code,
        @Schema(examples = "3") int level,
        @Schema(examples = "学前教育普及普惠") String title,
        @Schema(examples = "学前三年毛入园率达到85%以上。") String criteria,
        @Schema(examples = "1") int displayOrder,
        MetricBinding metric) {
}
