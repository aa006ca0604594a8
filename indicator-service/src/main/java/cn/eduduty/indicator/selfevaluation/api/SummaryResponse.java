package cn.eduduty.indicator.selfevaluation.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.contracts.indicator.Rating;
import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Rating counts and percentages over applicable indicators, in total and per first-level area")
public record SummaryResponse(Part total, List<Area> areas) {

    @Schema(name = "SummaryPart")
    public record Part(
            @Schema(description = "Third-level indicators", examples = "30") int indicators,
            @Schema(examples = "30") int rated,
            @Schema(description = "Rated and not NOT_APPLICABLE", examples = "30") int applicable,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING,
                    description = "rated ÷ indicators, percent with two decimals", examples = "100.00")
            BigDecimal completeness,
            @Schema(description = "Count per rating", examples = "{\"FULLY\":27,\"BASICALLY\":2,\"NOT\":1,\"NOT_APPLICABLE\":0}")
            Map<String, Integer> counts,
            @Schema(description = "Percent of applicable per rating, two decimals, half up",
                    examples = "{\"FULLY\":\"90.00\",\"BASICALLY\":\"6.67\",\"NOT\":\"3.33\"}")
            Map<String, String> percentages) {
    }

    @Schema(name = "SummaryArea")
    public record Area(@Schema(examples = "4") String code, @Schema(examples = "各级各类教育发展") String title,
            Part summary) {
    }
}
