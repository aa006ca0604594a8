package cn.eduduty.indicator.selfevaluation.api;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.runtime.security.RegionCode;

@Schema(description = "Opens a county's self-evaluation against a published framework")
public record CreateSelfEvaluationRequest(
        @NotNull @Schema(description = "A published framework whose region contains the county") UUID frameworkId,
        @NotNull @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE)
        @Schema(examples = "990101") String regionCode,
        @Min(2000) @Max(2100) @Schema(description = "The framework's evaluation year when absent", examples = "2025")
        Integer year) {
}
