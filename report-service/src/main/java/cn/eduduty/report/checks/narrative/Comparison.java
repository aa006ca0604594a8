package cn.eduduty.report.checks.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.eduduty.report.checks.narrative.StatedNumber.Kind;

/**
 * A stated number against a computed value, at the stated precision and with the stated hedge
 * (the rules are listed in {@link NarrativeChecker}'s comment). Pure.
 */
final class Comparison {

    private Comparison() {
    }

    static boolean holds(StatedNumber n, BigDecimal computedValue) {
        BigDecimal c = inStatedUnit(n, computedValue);
        BigDecimal v = n.value();
        int decimals = Math.max(0, v.scale());
        return switch (n.hedge()) {
            case EXACT -> n.kind() == Kind.COUNT && n.scale() == 0
                    ? c.compareTo(v) == 0 : c.setScale(decimals, RoundingMode.HALF_UP).compareTo(v) == 0;
            case ABOUT -> about(c, v);
            case NEARLY -> c.compareTo(v) <= 0 && about(c, v);
            case AT_LEAST -> c.compareTo(v) >= 0;
            case MORE_THAN -> c.compareTo(v) > 0;
            case AT_MOST -> c.compareTo(v) <= 0;
            case LESS_THAN -> c.compareTo(v) < 0;
            case SOME_MORE -> c.compareTo(v) > 0 && c.compareTo(v.add(step(v))) < 0;
        };
    }

    /** Rounds to {@code v} at its last significant digit. */
    private static boolean about(BigDecimal c, BigDecimal v) {
        if (v.scale() > 0) {
            return c.setScale(v.scale(), RoundingMode.HALF_UP).compareTo(v) == 0;
        }
        BigDecimal place = BigDecimal.TEN.pow(trailingZeros(v));
        return c.divide(place, 0, RoundingMode.HALF_UP).multiply(place).compareTo(v) == 0;
    }

    private static BigDecimal step(BigDecimal v) {
        if (v.scale() > 0) {
            return BigDecimal.ONE.movePointLeft(v.scale());
        }
        return BigDecimal.TEN.pow(Math.max(1, trailingZeros(v)));
    }

    private static int trailingZeros(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return Math.max(0, -stripped.scale());
    }

    /** The computed value in the statement's unit: 万元 from yuan, a of a:b from the ratio. */
    static BigDecimal inStatedUnit(StatedNumber n, BigDecimal computed) {
        return switch (n.kind()) {
            case RATIO -> computed.multiply(n.per());
            case YUAN, COUNT -> computed.movePointLeft(n.scale());
            default -> computed;
        };
    }

    /** The computed value as a reader compares it: 0.41%, 480.32万元, 5个, 1.48:1. */
    static String asStated(StatedNumber n, BigDecimal computed) {
        return switch (n.kind()) {
            case PERCENT -> computed.toPlainString() + "%";
            case RATIO -> computed.toPlainString() + ":1";
            case YUAN -> (n.scale() == 0 ? computed.toPlainString() : plain(computed.movePointLeft(n.scale())))
                    + n.unit();
            default -> plain(computed.movePointLeft(n.scale())) + n.unit();
        };
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
