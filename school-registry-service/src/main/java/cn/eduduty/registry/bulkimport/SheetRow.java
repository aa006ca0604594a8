package cn.eduduty.registry.bulkimport;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One data row's cells by column name, parsed: each method returns the cell's value, or records an
 * error against the row (and marks it failed) and returns null or the default. A missing optional
 * cell is no error.
 */
final class SheetRow {

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
                fail(column, "is required");
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
            fail(column, "'" + value + "' " + message);
            return null;
        }
        return value;
    }

    String upper(String column) {
        String value = text(column, null, null);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Records an error when the cell holds a value outside {@code allowed}. */
    void oneOf(String column, List<String> allowed) {
        String value = raw(column).toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && !allowed.contains(value)) {
            fail(column, "'" + raw(column) + "' is not one of " + String.join(", ", allowed));
        }
    }

    String stage(String column) {
        String value = upper(column);
        if (value != null && !List.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "SPECIAL")
                .contains(value)) {
            fail(column, "'" + value + "' is not a stage");
            return null;
        }
        return value;
    }

    Integer integer(String column, int min, int max) {
        String value = present(column);
        if (value == null) {
            return null;
        }
        try {
            int parsed = (int) Double.parseDouble(value);
            if (parsed != Double.parseDouble(value)) {
                fail(column, "'" + value + "' is not a whole number");
                return null;
            }
            if (parsed < min || parsed > max) {
                fail(column, parsed + " is outside " + min + "–" + max);
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            fail(column, "'" + value + "' is not a number");
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
                fail(column, "'" + value + "' is not true/false (是/否)");
                yield absent;
            }
        };
    }

    LocalDate date(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            fail(column, "is required");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(column, "'" + value + "' is not a date like 2019-09-01");
            return null;
        }
    }
}
