package cn.eduduty.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The typesetting decisions every renderer makes the same way, so the PDF, the Word file and the
 * HTML page agree: which cells are numbers (right-aligned), which text must not break (short
 * cells, rating terms, numbers with their unit), where a line may break (not before closing
 * punctuation, not after opening punctuation), how wide each table column is, at which size a
 * table is set, and where the signature block sits (GB/T 9704-2012 §7.3.5.2).
 */
final class Typesetting {

    /** Terms a line never breaks inside, wherever they appear in a table. */
    static final List<String> TERMS = List.of("无法判断", "完全落实", "基本落实", "尚未落实", "暂无数据", "未满足", "未达标",
            "不适用", "未评价", "未开展");
    /** A cell of at most this many characters is one unbreakable piece. */
    static final int SHORT_CELL = 6;
    /** Characters that never start a line (避头). */
    static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’%％‰,.;:?!)]}…·";
    /** Characters that never end a line (避尾). */
    static final String NO_LINE_END = "（《「『【〔〈“‘([{";
    /** Table sizes in points, largest first: 小四, 五号, 小五, 六号. */
    static final float[] TABLE_SIZES = { 12f, 10.5f, 9f, 7.5f };
    /** Horizontal padding inside a table cell, each side, in points. */
    static final float CELL_PADDING = 4f;

    private static final Pattern NUMBER = Pattern.compile(
            "[+\\-−]?\\d[\\d,]*(\\.\\d+)?\\s*(%|％|‰|万元|亿元|元|人|名|所|个|班|倍|个百分点)?"
                    + "|[+\\-−]?\\d+(\\.\\d+)?[:：]\\d+(\\.\\d+)?"
                    + "|—|——|-|－");
    private static final List<String> UNITS = List.of("个百分点", "万元", "亿元", "元", "％", "‰");

    private Typesetting() {
    }

    /** A number, percentage, amount, ratio or the dash of a missing value: right-aligned in its cell. */
    static boolean numeric(String cell) {
        return NUMBER.matcher(cell.strip()).matches();
    }

    /** Short cells and numbers are never broken across lines. */
    static boolean keepWhole(String cell) {
        String s = cell.strip();
        return s.codePointCount(0, s.length()) <= SHORT_CELL || numeric(s);
    }

    /**
     * The pieces a line may break between: a Latin word or a number with its unit, a protected term
     * (when {@code keepTerms}), a space, or a single character; closing punctuation sticks to the
     * piece before it and opening punctuation to the piece after it.
     */
    static List<String> tokens(String text, boolean keepTerms) {
        List<String> raw = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String term = keepTerms ? termAt(text, i) : null;
            if (term != null) {
                raw.add(term);
                i += term.length();
                continue;
            }
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int end = i;
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                if (Character.isDigit(text.codePointAt(end - 1))) {
                    for (String unit : UNITS) {
                        if (text.startsWith(unit, end)) {
                            end += unit.length();
                            break;
                        }
                    }
                }
                raw.add(text.substring(i, end));
                i = end;
                continue;
            }
            raw.add(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        List<String> tokens = new ArrayList<>();
        boolean glueNext = false;
        for (String token : raw) {
            int first = token.codePointAt(0);
            boolean closes = NO_LINE_START.indexOf(first) >= 0 || (token.equals("—") && !tokens.isEmpty()
                    && tokens.get(tokens.size() - 1).endsWith("—"));
            if (!tokens.isEmpty() && (glueNext || closes) && !token.equals(" ")) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + token);
            } else {
                tokens.add(token);
            }
            glueNext = NO_LINE_END.indexOf(token.codePointBefore(token.length())) >= 0;
        }
        return tokens;
    }

    /** The cell's pieces: the whole cell if it is short or a number, else its {@link #tokens}. */
    static List<String> cellTokens(String cell) {
        String s = cell.strip();
        return keepWhole(s) ? List.of(s) : tokens(s, true);
    }

    /**
     * A header cell's pieces: headers may wrap (a narrow number column under a long heading), but
     * only between its {@link #tokens}, so terms and punctuation stay together.
     */
    static List<String> headerTokens(String cell) {
        return tokens(cell.strip(), true);
    }

    private static String termAt(String text, int at) {
        for (String term : TERMS) {
            if (text.startsWith(term, at)) {
                return term;
            }
        }
        return null;
    }

    private static boolean isWordChar(int cp) {
        return cp < 128 && (Character.isLetterOrDigit(cp) || ".,%:/_+-'".indexOf(cp) >= 0);
    }

    /**
     * Greedy line filling: as many pieces as fit in {@code max}; a piece wider than a whole line is
     * cut by character as a last resort; spaces at the start of a line are dropped.
     */
    static List<String> wrap(List<String> tokens, double max, double firstIndent, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = firstIndent;
        for (String token : tokens) {
            double w = width.applyAsDouble(token);
            if (line.length() == 0 && token.isBlank()) {
                continue;
            }
            if (used + w > max + 0.01 && line.length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                if (token.isBlank()) {
                    continue;
                }
            }
            if (used + w > max + 0.01) {
                // wider than a line on its own: cut it by character
                for (int i = 0; i < token.length(); i += Character.charCount(token.codePointAt(i))) {
                    String ch = new String(Character.toChars(token.codePointAt(i)));
                    double cw = width.applyAsDouble(ch);
                    if (used + cw > max + 0.01 && line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        used = 0;
                    }
                    line.append(ch);
                    used += cw;
                }
                continue;
            }
            line.append(token);
            used += w;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * Lines as even as the pieces allow (a title, a header cell): the narrowest width that needs no
     * more lines than {@code max} does, so a two-line title is two halves, not a line and a word.
     */
    static List<String> balancedWrap(List<String> tokens, double max, ToDoubleFunction<String> width) {
        List<String> lines = wrap(tokens, max, 0, width);
        if (lines.size() < 2) {
            return lines;
        }
        double low = 0;
        for (String token : tokens) {
            low = Math.max(low, width.applyAsDouble(token));
        }
        double high = max;
        if (low >= high) {
            return lines;
        }
        for (int i = 0; i < 24; i++) {
            double mid = (low + high) / 2;
            if (wrap(tokens, mid, 0, width).size() <= lines.size()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return wrap(tokens, high, 0, width);
    }

    /** A table's font size and column widths. */
    record TableLayout(float size, double[] widths) {
    }

    /** How much a header cell may wrap: not at all, into two lines, or between any of its pieces. */
    private enum HeaderWrap {
        NONE, TWO_LINES, ANY
    }

    /**
     * Sizes a table's columns from its content, as an automatic table layout does: each column
     * needs at least its widest unbreakable piece (a whole short body cell, a number, a term) and
     * wants its longest cell on one line; the room left is shared in proportion to what each column
     * still wants. A table whose every cell fits on one line at 小四 (12 pt) is set at 小四; others
     * at 五号 (10.5 pt) or smaller, keeping headers whole if that fits at 五号 or 小五, else headers
     * in at most two lines, else broken between their pieces, at the largest size where every
     * column's need fits. {@code width} measures text at a size; widths include the cell padding.
     */
    static TableLayout tableLayout(Document.Table table, double available, ToDoubleBiFunction<String, Float> width) {
        double[][] large = measure(table, TABLE_SIZES[0], HeaderWrap.NONE, width);
        if (sum(large[1]) <= available) {
            return new TableLayout(TABLE_SIZES[0], fit(large[0], large[1], available));
        }
        for (HeaderWrap wrap : HeaderWrap.values()) {
            for (int s = 1; s < TABLE_SIZES.length; s++) {
                float size = TABLE_SIZES[s];
                if (wrap == HeaderWrap.NONE && s == TABLE_SIZES.length - 1) {
                    continue;
                }
                double[][] minMax = measure(table, size, wrap, width);
                if (sum(minMax[0]) <= available) {
                    return new TableLayout(size, fit(minMax[0], minMax[1], available));
                }
            }
        }
        float smallest = TABLE_SIZES[TABLE_SIZES.length - 1];
        double[][] minMax = measure(table, smallest, HeaderWrap.ANY, width);
        return new TableLayout(smallest, fit(minMax[0], minMax[1], available));
    }

    /** Each column's least and greatest useful width at a size: {min[], max[]}. */
    private static double[][] measure(Document.Table table, float size, HeaderWrap headerWrap,
            ToDoubleBiFunction<String, Float> width) {
        int columns = table.header().size();
        double[] min = new double[columns];
        double[] max = new double[columns];
        double pad = 2 * CELL_PADDING;
        for (int c = 0; c < columns; c++) {
            String header = table.header().get(c).strip();
            List<String> pieces = headerTokens(header);
            double need = switch (headerWrap) {
                case NONE -> keepWhole(header) ? width.applyAsDouble(header, size) : widest(pieces, size, width);
                case TWO_LINES -> twoLines(pieces, size, width);
                case ANY -> widest(pieces, size, width);
            };
            min[c] = need + pad;
            max[c] = width.applyAsDouble(header, size) + pad;
        }
        for (List<String> row : table.rows()) {
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c).strip();
                min[c] = Math.max(min[c], widest(cellTokens(cell), size, width) + pad);
                max[c] = Math.max(max[c], width.applyAsDouble(cell, size) + pad);
            }
        }
        return new double[][] { min, max };
    }

    private static double widest(List<String> pieces, float size, ToDoubleBiFunction<String, Float> width) {
        double widest = 0;
        for (String piece : pieces) {
            widest = Math.max(widest, width.applyAsDouble(piece, size));
        }
        return widest;
    }

    /** The narrowest width that sets the pieces in at most two lines. */
    private static double twoLines(List<String> pieces, float size, ToDoubleBiFunction<String, Float> width) {
        String all = String.join("", pieces);
        double best = width.applyAsDouble(all, size);
        StringBuilder first = new StringBuilder();
        for (int k = 0; k < pieces.size() - 1; k++) {
            first.append(pieces.get(k));
            String rest = all.substring(first.length());
            best = Math.min(best, Math.max(width.applyAsDouble(first.toString(), size), width.applyAsDouble(rest, size)));
        }
        return best;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /**
     * Column widths that add up to {@code available}: everything a column wants if all fit (the
     * rest shared in proportion), else each column's minimum plus a share of the room left in
     * proportion to how much more it wants, else the minimums scaled down.
     */
    static double[] fit(double[] min, double[] max, double available) {
        int n = min.length;
        double sumMin = 0;
        double sumMax = 0;
        for (int c = 0; c < n; c++) {
            max[c] = Math.max(max[c], min[c]);
            sumMin += min[c];
            sumMax += max[c];
        }
        double[] widths = new double[n];
        for (int c = 0; c < n; c++) {
            if (sumMax <= available) {
                widths[c] = max[c] * available / sumMax;
            } else if (sumMin <= available) {
                widths[c] = min[c] + (available - sumMin) * (max[c] - min[c]) / (sumMax - sumMin);
            } else {
                widths[c] = min[c] * available / sumMin;
            }
        }
        return widths;
    }

    /**
     * The signature block that starts at {@code blocks[from]}: the texts of the right-aligned
     * paragraphs from there on (the authority's lines, then the date).
     */
    static List<String> signature(List<Document.Block> blocks, int from) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < blocks.size() && blocks.get(i) instanceof Document.Paragraph q && q.right(); i++) {
            lines.add(q.text());
        }
        return lines;
    }

    /**
     * The signature block (GB/T 9704-2012 §7.3.5.2, without a seal): the date's first character
     * two characters right of the authority's first character, and the longer of the two ends two
     * characters from the right edge. Returns, for each line, its distance from the right edge of
     * the text block; the last line is the date, the ones before it the authority.
     */
    static double[] signatureRightIndents(List<String> lines, double em, ToDoubleFunction<String> width) {
        double[] indents = new double[lines.size()];
        if (lines.size() == 1) {
            indents[0] = 2 * em;
            return indents;
        }
        double nameWidth = 0;
        for (int i = 0; i < lines.size() - 1; i++) {
            nameWidth = Math.max(nameWidth, width.applyAsDouble(lines.get(i)));
        }
        double dateWidth = width.applyAsDouble(lines.get(lines.size() - 1));
        // positions relative to the authority's first character
        double nameEnd = nameWidth;
        double dateEnd = 2 * em + dateWidth;
        double shift = Math.max(nameEnd, dateEnd) + 2 * em; // right edge of the block from the name's start
        for (int i = 0; i < lines.size() - 1; i++) {
            indents[i] = shift - width.applyAsDouble(lines.get(i));
        }
        indents[lines.size() - 1] = shift - dateEnd;
        return indents;
    }

    /**
     * An estimate of a text's width in ems for a Song face with Times-like Latin: Chinese and
     * full-width characters one em, digits half an em (as in both SimSun and Times New Roman),
     * Latin letters a little more. The Word file and the HTML page use it where they cannot measure.
     */
    static double ems(String text) {
        double ems = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (cp >= 0x2E80 || cp == '—' || cp == '…' || cp == '“' || cp == '”' || cp == '‘' || cp == '’') {
                ems += 1;
            } else if (Character.isDigit(cp)) {
                ems += 0.5;
            } else if (cp == ' ' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == '\'') {
                ems += 0.25;
            } else if (cp == '%') {
                ems += 0.833;
            } else if (Character.isUpperCase(cp)) {
                ems += 0.67;
            } else {
                ems += 0.5;
            }
        }
        return ems;
    }
}
