package cn.eduduty.indicator.selfevaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.indicator.framework.IndicatorCode;

@Schema(description = "A 改进措施: its text and, when it answers one problem, either an indicator rated BASICALLY or NOT, "
        + "or a report check (its code and optionally its subject); neither for a measure in free text")
public record ImprovementMeasure(
        @NotBlank @Size(max = 2000) @Schema(examples = "实施乡村幼儿园教师培训计划，提升保教质量。") String text,
        @Pattern(regexp = IndicatorCode.PATTERN, message = "must look like 4.2.3")
        @Schema(description = "The indicator whose weak rating it answers", examples = "4.1.1") String indicatorCode,
        @Size(max = 64) @Pattern(regexp = CHECK_CODE, message = "must be a report check code like funding-rule-failed")
        @Schema(description = "The code of the report check it answers", examples = "funding-rule-failed")
        String checkCode,
        @Size(max = 200) @Schema(description = "The check's subject, e.g. a funding rule's figure key; absent: every "
                + "check of that code", examples = "funding.never_decrease.per_student_general_budget_expenditure")
        String checkSubject) {

    public static final String CHECK_CODE = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
}
