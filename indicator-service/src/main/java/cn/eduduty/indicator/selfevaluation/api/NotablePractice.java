package cn.eduduty.indicator.selfevaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.indicator.framework.IndicatorCode;

@Schema(description = "A 经典做法: a title and exactly one of an indicator code (its rating's narrative is the text) "
        + "and the county's own text")
public record NotablePractice(
        @NotBlank @Size(max = 100) @Schema(examples = "多措并举扩大普惠性学前教育资源") String title,
        @Pattern(regexp = IndicatorCode.PATTERN, message = "must look like 4.2.3")
        @Schema(description = "A third-level indicator rated with a narrative (not NOT_APPLICABLE)", examples = "4.1.1")
        String indicatorCode,
        @Size(max = 5000) @Schema(description = "The practice in the county's words, when no indicator is named",
                examples = "全县推行教师“县管校聘”管理改革，三年来交流轮岗教师312名。") String text) {
}
