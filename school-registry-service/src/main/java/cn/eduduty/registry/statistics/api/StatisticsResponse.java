package cn.eduduty.registry.statistics.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Every registry figure of a region and school year, each with its inputs and definition")
public record StatisticsResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int schoolYear,
        @Schema(examples = "62") int schools,
        List<FigureResponse> figures) {

    @Schema(name = "Figure", description = "A computed figure; absent (no value) with a reason when its inputs are missing")
    public record FigureResponse(
            @Schema(examples = "registry.compulsory.large_class_share") String key,
            @Schema(examples = "义务教育大班额比例") String label,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, examples = "2.35") BigDecimal value,
            @Schema(enumeration = { "PERCENT", "COUNT", "RATIO" }, examples = "PERCENT") String unit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "12") BigDecimal numerator,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "511") BigDecimal denominator,
            @Schema(examples = "56–65 人的小学和初中教学班数 ÷ 小学和初中教学班总数") String definition,
            @Schema(description = "Why there is no value", examples = "无2025年常住人口数据") String absentReason) {
    }
}
