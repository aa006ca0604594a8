package cn.eduduty.formulas.registry;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.BiFunction;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;

/**
 * What a figure is — key, label, unit, definition — and how to make it present or absent. Keys in
 * the {@link MetricCatalogue} take their label and definition from it.
 */
record Metric(String key, String label, String unit, String definition) {

    /** A metric of the published catalogue. */
    static Metric catalogued(String key) {
        MetricDefinition definition = MetricCatalogue.find(key)
                .orElseThrow(() -> new IllegalStateException(key + " is not in the metric catalogue"));
        return new Metric(key, definition.label(), definition.unit().name(), definition.definition());
    }

    /** A count this service publishes without a catalogue entry. */
    static Metric ofCount(String key, String label, String definition) {
        return new Metric(key, label, RegistryFigure.COUNT, definition);
    }

    /** An enum constant as a key segment, e.g. {@code junior_middle}. */
    static String keyPart(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    RegistryFigure absent(String reason) {
        return RegistryFigure.absent(key, label, unit, definition, reason);
    }

    RegistryFigure count(long count) {
        requireUnit(RegistryFigure.COUNT);
        return RegistryFigure.present(key, label, BigDecimal.valueOf(count), unit, null, null, definition);
    }

    /** The percentage, or absent for {@code whenNoDenominator} if the denominator is not positive. */
    RegistryFigure percent(long numerator, long denominator, String whenNoDenominator) {
        return fraction(RegistryFigure.PERCENT, numerator, denominator, whenNoDenominator, RegistryFigure::percentOf);
    }

    /** The ratio, or absent for {@code whenNoDenominator} if the denominator is not positive. */
    RegistryFigure ratio(long numerator, long denominator, String whenNoDenominator) {
        return fraction(RegistryFigure.RATIO, numerator, denominator, whenNoDenominator, RegistryFigure::ratioOf);
    }

    /** A figure of {@code expectedUnit} that is {@code of} numerator and denominator, kept alongside. */
    private RegistryFigure fraction(String expectedUnit, long numerator, long denominator, String whenNoDenominator,
            BiFunction<Long, Long, BigDecimal> of) {
        requireUnit(expectedUnit);
        if (denominator <= 0) {
            return absent(whenNoDenominator);
        }
        return RegistryFigure.present(key, label, of.apply(numerator, denominator), unit,
                BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), definition);
    }

    private void requireUnit(String expected) {
        if (!expected.equals(unit)) {
            throw new IllegalStateException(key + " is a " + unit + ", not a " + expected);
        }
    }
}
