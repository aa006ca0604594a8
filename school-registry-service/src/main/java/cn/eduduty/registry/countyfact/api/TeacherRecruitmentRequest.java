package cn.eduduty.registry.countyfact.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Teachers the county recruited in a calendar year (补充教师); totals over years are computed, never stored")
public record TeacherRecruitmentRequest(
        @NotNull @Min(0) @Max(1_000_000) @Schema(description = "补充教师数", examples = "126") Integer recruited,
        @NotNull @Min(0) @Max(1_000_000) @Schema(description = "of them, to rural schools", examples = "88")
        Integer ruralRecruited) {
}
