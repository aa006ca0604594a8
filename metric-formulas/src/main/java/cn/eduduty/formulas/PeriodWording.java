package cn.eduduty.formulas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the document names periods, ages and grades, in one place so that figures, rules and the
 * report word them alike. Everything returned is plain Simplified Chinese with Arabic digits; a
 * range is written with the 一字线 "—" (U+2014) and a list with the 顿号 "、".
 *
 * <ul>
 * <li>{@code schoolYear(2024)} → "2024—2025学年" (the school year begun on 1 September 2024);</li>
 * <li>{@code schoolYears([2019, 2020])} → "2019—2020、2020—2021学年";</li>
 * <li>{@code year(2024)} → "2024年" (a calendar or fiscal year); {@code years(2017, 2019)} → "2017—2019年";</li>
 * <li>{@code months(2019, 1, 6)} → "2019年1—6月" (a part of a year);</li>
 * <li>{@code ages(3, 5)} → "3—5周岁"; {@code ages([16, 17])} → "16、17周岁";</li>
 * <li>{@code grade(9)} → "九年级".</li>
 * </ul>
 */
public final class PeriodWording {

    /** The dash of a range of years, months or ages (一字线). */
    public static final String RANGE = "—";

    /** The separator of a list of items (顿号). */
    public static final String LIST = "、";

    private static final String[] DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

    private PeriodWording() {
    }

    /** The school year begun in {@code startYear}: "2024—2025学年". */
    public static String schoolYear(int startYear) {
        return span(startYear) + "学年";
    }

    /** Several school years, in the order given: "2019—2020、2020—2021学年"; at least one. */
    public static String schoolYears(Collection<Integer> startYears) {
        requireSome(startYears);
        return startYears.stream().map(PeriodWording::span).collect(Collectors.joining(LIST)) + "学年";
    }

    /** A calendar or fiscal year: "2024年". */
    public static String year(int year) {
        return year + "年";
    }

    /** Consecutive calendar or fiscal years: "2017—2019年", or "2019年" when they are one. */
    public static String years(int fromYear, int toYear) {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("years " + fromYear + " to " + toYear + " run backwards");
        }
        return fromYear == toYear ? year(fromYear) : fromYear + RANGE + toYear + "年";
    }

    /** Months of one year: "2019年1—6月", or "2019年6月" for one month. */
    public static String months(int year, int firstMonth, int lastMonth) {
        if (firstMonth < 1 || lastMonth > 12 || lastMonth < firstMonth) {
            throw new IllegalArgumentException(
                    "months " + firstMonth + " to " + lastMonth + " are not a part of a year");
        }
        return year + "年" + (firstMonth == lastMonth ? firstMonth : firstMonth + RANGE + lastMonth) + "月";
    }

    /** An age group: "3—5周岁", or "4周岁" for one age. */
    public static String ages(int fromAge, int toAge) {
        if (toAge < fromAge) {
            throw new IllegalArgumentException("ages " + fromAge + " to " + toAge + " run backwards");
        }
        return (fromAge == toAge ? String.valueOf(fromAge) : fromAge + RANGE + toAge) + "周岁";
    }

    /**
     * Single ages in ascending order; three or more consecutive ages become a range: [3, 4, 5] →
     * "3—5周岁", [16, 17] → "16、17周岁", [3, 5] → "3、5周岁"; at least one.
     */
    public static String ages(Collection<Integer> ages) {
        requireSome(ages);
        List<Integer> sorted = ages.stream().distinct().sorted().toList();
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end + 1 < sorted.size() && sorted.get(end + 1) == sorted.get(end) + 1) {
                end++;
            }
            if (end - start >= 2) {
                parts.add(sorted.get(start) + RANGE + sorted.get(end));
            } else {
                for (int i = start; i <= end; i++) {
                    parts.add(String.valueOf(sorted.get(i)));
                }
            }
            start = end + 1;
        }
        return String.join(LIST, parts) + "周岁";
    }

    /** A grade as the statistics forms number it, 1–12: "一年级" … "九年级" … "十二年级". */
    public static String grade(int grade) {
        return numeral(grade) + "年级";
    }

    /** Items joined with "、", in the order given. */
    public static String list(Collection<String> items) {
        return String.join(LIST, items);
    }

    /** 1–99 in Chinese numerals: 一, 九, 十, 十二, 二十, 二十三. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("only 1 to 99 are written in Chinese numerals here, was " + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n >= 20 ? DIGITS[n / 10] : "") + "十" + DIGITS[n % 10];
    }

    private static String span(int startYear) {
        return startYear + RANGE + (startYear + 1);
    }

    private static void requireSome(Collection<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("at least one value is needed");
        }
    }
}
