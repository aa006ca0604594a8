package cn.eduduty.runtime.web;

/**
 * Text cells of a CSV export that a spreadsheet opens safely: a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula (CSV
 * injection), so it is written with a leading {@code '}, as OWASP advises; the spreadsheet shows
 * the text as it was. Only text cells are escaped: a number column (a negative threshold) stays a
 * number. An importer of its own exports reverses it with {@link #unescapeText}.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text cell as it must be written. */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return startsLikeAFormula(cell) ? "'" + cell : cell;
    }

    /** A cell read back: the {@code '} that {@link #text} added is removed, anything else kept. */
    public static String unescapeText(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeAFormula(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean startsLikeAFormula(String cell) {
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
