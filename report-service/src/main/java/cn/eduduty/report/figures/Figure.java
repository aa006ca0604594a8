package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A figure of a report with its provenance: what it is, its value (absent with a reason when an
 * input is missing), the formula in words, the input figures it was computed from, and the source
 * records (service, entity, id) behind them, and how far the read model had read the source
 * service's events when the figure was computed ({@code asOf}, e.g. {@code registry.events 0:1284},
 * partition:next offset), and the period it is evaluated on (../shared/domain.md §5).
 */
@Schema(description = "A figure of a snapshot with its provenance, or the reason it is absent")
public record Figure(
        String key,
        String label,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, examples = "0.52",
                description = "A decimal string; absent with absentReason")
        BigDecimal value,
        String unit,
        String formula,
        List<Input> inputs,
        List<Source> sources,
        String absentReason,
        String asOf,
        Period period) {

    /** An input of the formula, by name, with its value (a decimal string in JSON, like all amounts). */
    @Schema(description = "An input of a figure's formula")
    public record Input(String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, examples = "325000.00", description = "A decimal string")
            BigDecimal value) {
    }

    /** A record in an owning service that an input comes from. */
    @Schema(description = "A record in an owning service that an input comes from")
    public record Source(String service, String entity, String id) {
    }

    public static Figure present(String key, String label, BigDecimal value, String unit, String formula,
            List<Input> inputs, List<Source> sources) {
        return new Figure(key, label, value, unit, formula, List.copyOf(inputs), List.copyOf(sources), null, null,
                null);
    }

    public static Figure absent(String key, String label, String unit, String formula, String reason) {
        return new Figure(key, label, null, unit, formula, List.of(), List.of(), reason, null, null);
    }

    /** The same figure with its sources and the read position of their service. */
    public Figure withProvenance(List<Source> moreSources, String position) {
        List<Source> all = new ArrayList<>(sources);
        moreSources.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return new Figure(key, label, value, unit, formula, inputs, List.copyOf(all), absentReason, position, period);
    }

    /** The same figure, evaluated on {@code period}. */
    public Figure in(Period period) {
        return new Figure(key, label, value, unit, formula, inputs, sources, absentReason, asOf, period);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** For BOOLEAN figures: whether the rule holds. */
    public boolean holds() {
        return value != null && value.signum() > 0;
    }
}
