package cn.eduduty.registry.bulkimport;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data row's cells by column name, parsed: each method returns the cell's value, or records an
 * error against the row (and marks it failed) and returns null or the default. A missing optional
 * cell is no error. Messages are in Chinese for the clerk who filled the sheet, quoting the cell as
 * written (“2200”应在1990–2100之间); the column is the error's field.
 */
final class SheetRow {

    /** A school year written as its two calendar years, e.g. 2025-2026 or 2025—2026学年. */
    private static final Pattern SCHOOL_YEAR = Pattern.compile("^(\\d{4})\\s*[-–—~至]+\\s*(\\d{4})\\s*(?:学年)?$");

    private final int number;
    private final List<String> cells;
    private final SheetColumns columns;
    private final ImportErrors errors;
    private boolean failed;

    SheetRow(int number, List<String> cells, SheetColumns columns, ImportErrors errors) {
        this.number = number;
        this.cells = cells;
        this.columns = columns;
        this.errors = errors;
    }

    /** The row's number as the spreadsheet shows it (the header is row 1). */
    int number() {
        return number;
    }

    /** Whether a cell of this row failed to parse (rule violations recorded with {@link #error} do not count). */
    boolean failed() {
        return failed;
    }

    /** Records an error against this row without marking it failed. */
    void error(String column, String message) {
        errors.add(number, column, message);
    }

    String raw(String column) {
        return columns.raw(cells, column);
    }

    void fail(String column, String message) {
        failed = true;
        errors.add(number, column, message);
    }

    /** The cell's text, or null when it is empty (an error when the column is required). */
    private String present(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (columns.required(column)) {
                fail(column, "必填");
            }
            return null;
        }
        return value;
    }

    String text(String column, String pattern, String message) {
        String value = present(column);
        if (value == null) {
            return null;
        }
        if (pattern != null && !value.matches(pattern)) {
            fail(column, "“" + value + "”" + message);
            return null;
        }
        return value;
    }

    /**
     * The code of the cell's value, given as the column's code (case ignored) or its Chinese label
     * from the template's drop-down ({@link ImportChoices}); null when empty (an error when the
     * column is required) or not one of them (an error naming the column and the allowed values).
     */
    String choice(String column) {
        String value = present(column);
        if (value == null) {
            return null;
        }
        ImportColumn described = columns.column(column);
        ImportChoices choices = described.choices();
        String code = choices.code(value).orElse(null);
        if (code == null) {
            fail(column, described.label() + "：“" + value + "”不是可选值；可选：" + choices.allowed());
        }
        return code;
    }

    /**
     * A school year by its starting year: 2025, or 2025-2026 as the template and the statistics
     * forms write it (a dash, en dash, em dash or 至 between two consecutive years).
     */
    Integer schoolYear(String column) {
        String value = raw(column);
        Matcher span = SCHOOL_YEAR.matcher(value);
        if (span.matches()) {
            int start = Integer.parseInt(span.group(1));
            if (Integer.parseInt(span.group(2)) != start + 1) {
                fail(column, "“" + value + "”不是一个学年：后一年须为前一年加 1，如 2025-2026");
                return null;
            }
            if (start < 1990 || start > 2100) {
                fail(column, "“" + value + "”的起始年应在1990–2100之间");
                return null;
            }
            return start;
        }
        return integer(column, 1990, 2100);
    }

    Integer integer(String column, int min, int max) {
        String value = present(column);
        if (value == null) {
            return null;
        }
        try {
            int parsed = (int) Double.parseDouble(value);
            if (parsed != Double.parseDouble(value)) {
                fail(column, "“" + value + "”应为整数");
                return null;
            }
            if (parsed < min || parsed > max) {
                fail(column, "“" + value + "”应在" + min + "–" + max + "之间");
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            fail(column, "“" + value + "”应为数字");
            return null;
        }
    }

    /** The counts of {@code names} in order, each in 0..{@code max}; an empty or wrong cell counts 0. */
    int[] counts(List<String> names, int max) {
        int[] counts = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer value = integer(names.get(i), 0, max);
            counts[i] = value == null ? 0 : value;
        }
        return counts;
    }

    boolean bool(String column, boolean absent) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> absent;
            case "true", "1", "yes", "y", "是" -> true;
            case "false", "0", "no", "n", "否" -> false;
            default -> {
                fail(column, columns.column(column).label() + "：“" + raw(column) + "”不是可选值；可选："
                        + ImportChoices.YES_NO.allowed());
                yield absent;
            }
        };
    }

    LocalDate date(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            fail(column, "必填");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(column, "“" + value + "”应为日期，如 2019-09-01");
            return null;
        }
    }
}
