package cn.eduduty.registry.countyfact.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where the county's junior graduates of the summer went in the autumn of the year (高中阶段招生), "
        + "including vocational schools outside the county")
public record SeniorEntranceRequest(
        @Min(0) @Max(10_000_000) @Schema(description = "初中毕业生数 (optional)", examples = "3120") Integer juniorGraduates,
        @Min(0) @Max(10_000_000) @Schema(description = "中考人数 (optional)", examples = "3050") Integer examTakers,
        @NotNull @Min(0) @Max(10_000_000) @Schema(description = "升入本县普通高中人数", examples = "1620") Integer generalEntrants,
        @NotNull @Min(0) @Max(10_000_000) @Schema(description = "升入本县中等职业学校人数", examples = "780")
        Integer vocationalEntrantsInCounty,
        @NotNull @Min(0) @Max(10_000_000) @Schema(description = "升入县外中等职业学校人数", examples = "410")
        Integer vocationalEntrantsOutOfCounty,
        @Min(0) @Max(10_000_000) @Schema(description = "普通高中招生计划（指标数） (optional)", examples = "1650")
        Integer generalEnrolmentPlan) {
}
