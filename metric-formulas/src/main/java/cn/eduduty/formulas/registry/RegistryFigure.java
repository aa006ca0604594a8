package cn.eduduty.formulas.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/**
 * One computed figure: either present, with its value and (for percentages and ratios) the integer
 * counts it was computed from, or absent, with the reason it could not be computed. A figure is
 * never zero or guessed for want of data.
 *
 * <ul>
 * <li>{@code PERCENT}: {@code value = numerator × 100 ÷ denominator}, two decimals, half-up.</li>
 * <li>{@code RATIO}: {@code value = numerator ÷ denominator}, two decimals, half-up.</li>
 * <li>{@code COUNT}: {@code value} is the count; numerator and denominator are null.</li>
 * </ul>
 *
 * @param label        the Chinese label used in reports
 * @param definition   how the figure is computed, in Chinese
 * @param absentReason null when present
 */
public record RegistryFigure(String key, String label, BigDecimal value, String unit, BigDecimal numerator,
        BigDecimal denominator, String definition, String absentReason) {

    public static final String PERCENT = "PERCENT";
    public static final String COUNT = "COUNT";
    public static final String RATIO = "RATIO";

    private static final Set<String> UNITS = Set.of(PERCENT, COUNT, RATIO);

    public RegistryFigure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(definition, "definition");
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("unit must be one of " + UNITS + ", was " + unit);
        }
        if ((value == null) == (absentReason == null)) {
            throw new IllegalArgumentException(key + ": exactly one of value and absentReason must be given");
        }
        if (value == null && (numerator != null || denominator != null)) {
            throw new IllegalArgumentException(key + ": an absent figure has no numerator or denominator");
        }
    }

    /** A computed figure. */
    public static RegistryFigure present(String key, String label, BigDecimal value, String unit, BigDecimal numerator,
            BigDecimal denominator, String definition) {
        return new RegistryFigure(key, label, Objects.requireNonNull(value, "value"), unit, numerator, denominator,
                definition, null);
    }

    /** A figure that could not be computed, and why. */
    public static RegistryFigure absent(String key, String label, String unit, String definition, String reason) {
        return new RegistryFigure(key, label, null, unit, null, null, definition, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the figure has a value. */
    public boolean isPresent() {
        return value != null;
    }

    /** {@code numerator × 100 ÷ denominator}, two decimals, half-up; the denominator must be positive. */
    public static BigDecimal percentOf(long numerator, long denominator) {
        return ratioOf(numerator * 100, denominator);
    }

    /** {@code numerator ÷ denominator}, two decimals, half-up; the denominator must be positive. */
    public static BigDecimal ratioOf(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
