package cn.eduduty.indicator.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.framework.api.MetricBinding;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.web.SpreadsheetCells;

/**
 * A framework's tree as CSV, one row per indicator, so a prefecture can keep it in a spreadsheet.
 * Columns: {@code code,level,title,criteria,displayOrder,metricKey,comparator,threshold,unit}
 * ({@code level} is written for readers and checked on import). UTF-8, optional BOM, RFC 4180
 * quoting; a text cell that a spreadsheet would run as a formula is written with a leading {@code '}
 * ({@link SpreadsheetCells}) and read back without it. Errors name the row (the header is row 1)
 * and the column.
 */
final class IndicatorCsv {

    static final List<String> COLUMNS = List.of("code", "level", "title", "criteria", "displayOrder", "metricKey",
            "comparator", "threshold", "unit");

    /** Where each request property lives in the CSV. */
    private static final Map<String, String> COLUMN_OF = Map.of("code", "code", "title", "title", "criteria",
            "criteria", "displayOrder", "displayOrder", "metric", "metricKey", "metric.key", "metricKey",
            "metric.comparator", "comparator", "metric.threshold", "threshold", "metric.unit", "unit");

    private IndicatorCsv() {
    }

    /** The rows read, the file row number of each (the header is row 1), and every error found. */
    record Parsed(List<IndicatorRequest> rows, List<Integer> rowNumbers, List<Violation> errors) {

        /** Names a row's column the way the file shows it: {@code rows[5].metricKey}. */
        TreeRules.FieldNames names() {
            return (i, property) -> "rows[" + rowNumbers.get(i) + "]"
                    + (property.isEmpty() ? "" : "." + COLUMN_OF.getOrDefault(property, property));
        }
    }

    static String write(List<IndicatorResponse> indicators) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (IndicatorResponse i : indicators) {
            MetricBinding m = i.metric();
            // text cells are escaped against formulas; level, order and threshold stay numbers
            List<String> cells = List.of(text(i.code()), Integer.toString(i.level()), text(i.title()),
                    text(nullToEmpty(i.criteria())), Integer.toString(i.displayOrder()), m == null ? "" : text(m.key()),
                    m == null ? "" : text(m.comparator()),
                    m == null ? "" : m.threshold().stripTrailingZeros().toPlainString(),
                    m == null || m.unit() == null ? "" : text(m.unit()));
            out.append(String.join(",", cells.stream().map(IndicatorCsv::quote).toList())).append("\r\n");
        }
        return out.toString();
    }

    static Parsed read(String text) {
        List<Violation> errors = new ArrayList<>();
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, errors);
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), List.of(), errors);
        }
        if (records.isEmpty()) {
            errors.add(new Violation("rows[1]", "the header row is missing"));
            return new Parsed(List.of(), List.of(), errors);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = records.get(0);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).trim();
            String known = COLUMNS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                errors.add(new Violation("rows[1]." + name, "unknown column; expected " + String.join(",", COLUMNS)));
            } else {
                index.put(known, c);
            }
        }
        for (String required : List.of("code", "title")) {
            if (!index.containsKey(required)) {
                errors.add(new Violation("rows[1]." + required, "required column is missing"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), List.of(), errors);
        }
        List<IndicatorRequest> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNumber = r + 1;
            Row row = new Row(cells, index, rowNumber, errors);
            String code = row.text("code");
            Integer displayOrder = row.integer("displayOrder");
            Integer level = row.integer("level");
            if (level != null && IndicatorCode.isValid(code) && level != IndicatorCode.level(code)) {
                errors.add(new Violation("rows[" + rowNumber + "].level",
                        code + ": level " + level + " does not match the code's level " + IndicatorCode.level(code)));
            }
            MetricBinding metric = null;
            String key = row.text("metricKey");
            if (key != null) {
                metric = new MetricBinding(key, upper(row.text("comparator")), row.decimal("threshold"),
                        upper(row.text("unit")));
            } else if (row.text("comparator") != null || row.text("threshold") != null) {
                errors.add(new Violation("rows[" + rowNumber + "].metricKey",
                        "a comparator or threshold needs a metricKey"));
            }
            rows.add(new IndicatorRequest(code, row.text("title"), row.text("criteria"), displayOrder, metric));
            rowNumbers.add(rowNumber);
        }
        return new Parsed(rows, rowNumbers, errors);
    }

    private record Row(List<String> cells, Map<String, Integer> index, int number, List<Violation> errors) {

        String text(String column) {
            Integer c = index.get(column);
            if (c == null || c >= cells.size()) {
                return null;
            }
            String value = SpreadsheetCells.unescapeText(cells.get(c).trim());
            return value.isEmpty() ? null : value;
        }

        Integer integer(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                errors.add(new Violation("rows[" + number + "]." + column, "'" + value + "' is not a whole number"));
                return null;
            }
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace("%", ""));
            } catch (NumberFormatException e) {
                errors.add(new Violation("rows[" + number + "]." + column, "'" + value + "' is not a number"));
                return null;
            }
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String text(String cell) {
        return SpreadsheetCells.text(cell);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text, List<Violation> errors) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int row = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
                row++;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            errors.add(new Violation("rows[" + row + "]", "a quoted cell is not closed"));
        }
        if (any) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
