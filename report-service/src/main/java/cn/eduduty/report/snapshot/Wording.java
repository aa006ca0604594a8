package cn.eduduty.report.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

import cn.eduduty.contracts.indicator.Rating;
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

    /**
     * A count with the measure word its label implies, for a figure woven into a sentence: 学校总数 →
     * 6所, 补充教师数 → 30名, 大班额班数 → 5个, 检查次数 → 12次; a count whose label implies none is bare.
     */
    public static String countInText(Figure f) {
        String value = value(f);
        if (!f.isPresent() || !"COUNT".equals(f.unit())) {
            return value;
        }
        String label = f.label();
        if (label.endsWith("学校数") || label.endsWith("园数") || label.endsWith("学校总数") || label.matches(".*学校数（.*）")) {
            return value + "所";
        }
        if (label.endsWith("次数")) {
            return value + "次";
        }
        if (label.endsWith("教师数") || label.endsWith("在校生数") || label.endsWith("幼儿数") || label.endsWith("人数")
                || label.endsWith("毕业生数") || label.endsWith("招生数") || label.endsWith("指标数）")) {
            return value + "人";
        }
        if (label.endsWith("班数") || label.endsWith("机构数") || label.endsWith("指标数") || label.endsWith("办结数")) {
            return value + "个";
        }
        return value;
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
        ZonedDateTime t = instant.atZone(CHINA);
        return date(t.toLocalDate()) + t.getHour() + "时" + String.format("%02d", t.getMinute()) + "分";
    }

    /** A rating as the report writes it (完全落实…); a value outside the contract as it came. */
    public static String rating(String rating) {
        return Arrays.stream(Rating.values()).filter(r -> r.name().equals(rating)).findFirst().map(Rating::chinese)
                .orElse(rating);
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
