package cn.eduduty.report.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

import cn.eduduty.report.figures.Figure;

/**
 * How figures are written in a report: 万元 for money (元 with two decimals for per-student amounts),
 * two decimals for shares, 是/否 for rules.
 */
public final class Wording {

    /** Dates in a report are Beijing dates. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Wording() {
    }

    /** The value with its unit, or "—" when absent. */
    public static String value(Figure f) {
        if (!f.isPresent()) {
            return "—";
        }
        return switch (f.unit()) {
            case "PERCENT" -> percent(f.value());
            case "YUAN" -> f.key().startsWith("funding.per_student.")
                    ? f.value().setScale(2, RoundingMode.HALF_UP).toPlainString() + "元" : wan(f.value()) + "万元";
            case "BOOLEAN" -> f.holds() ? "是" : "否";
            case "COUNT" -> f.value().setScale(0, RoundingMode.HALF_UP).toPlainString();
            case "RATIO" -> f.value().setScale(2, RoundingMode.HALF_UP).toPlainString() + ":1";
            default -> f.value().stripTrailingZeros().toPlainString();
        };
    }

    public static String percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * Yuan as 万元 with as many decimals as needed, to the yuan: 9900145 → 990.0145, 515467956.66 →
     * 51546.7957 (a report does not print fen in 万元).
     */
    public static String wan(BigDecimal yuan) {
        BigDecimal wan = yuan.movePointLeft(4).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return wan.scale() < 0 ? wan.setScale(0).toPlainString() : wan.toPlainString();
    }

    /** 2026年3月31日. */
    public static String date(Instant instant) {
        return date(instant.atZone(CHINA).toLocalDate());
    }

    /** 2026年3月31日. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 2026年3月31日16时05分, Beijing time. */
    public static String dateTime(Instant instant) {
        java.time.ZonedDateTime t = instant.atZone(CHINA);
        return date(t.toLocalDate()) + t.getHour() + "时" + String.format("%02d", t.getMinute()) + "分";
    }

    public static String rating(String rating) {
        return switch (rating) {
            case "FULLY" -> "完全落实";
            case "BASICALLY" -> "基本落实";
            case "NOT" -> "尚未落实";
            case "NOT_APPLICABLE" -> "不适用";
            default -> rating;
        };
    }

    /** 一、二、… up to 二十. */
    public static String chineseNumber(int n) {
        String[] digits = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }
}
