package cn.eduduty.indicator.framework.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Binds a third-level indicator to a catalogue metric: the indicator is met when "
        + "`value <comparator> threshold`")
public record MetricBinding(
        @NotBlank
        @Schema(description = "Key from GET /api/v1/metrics", examples = "registry.preschool.gross_enrolment_rate")
        String key,
        @NotBlank
        @Schema(enumeration = { "GE", "GT", "LE", "LT", "EQ" }, examples = "GE")
        String comparator,
        @NotNull
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Decimal threshold in the metric's unit", examples = "85")
        BigDecimal threshold,
        @Schema(description = "The metric's unit; must match the catalogue", enumeration = { "PERCENT", "COUNT", "YUAN",
                "RATIO", "BOOLEAN" }, examples = "PERCENT")
        String unit) {
}
