package cn.eduduty.indicator.framework.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What changed from one framework to another, indicator by indicator (matched by code)")
public record FrameworkDiffResponse(
        @Schema(description = "The framework compared from") UUID from,
        @Schema(description = "The framework compared to") UUID to,
        @Schema(description = "Indicators only in `to`") List<IndicatorResponse> added,
        @Schema(description = "Indicators only in `from`") List<IndicatorResponse> removed,
        @Schema(description = "Indicators in both whose content differs") List<ChangedIndicator> changed) {

    @Schema(description = "An indicator present in both frameworks with different content")
    public record ChangedIndicator(
            @Schema(examples = "4.1.1") String code,
            List<FieldChange> changes) {
    }

    @Schema(description = "One field's value before and after")
    public record FieldChange(
            @Schema(examples = "metric.threshold") String field,
            @Schema(examples = "80") String before,
            @Schema(examples = "85") String after) {
    }
}
