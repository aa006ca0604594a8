package cn.eduduty.console.county;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A narrative as the live check shows it: the user's text, escaped, with every number the checker
 * compared marked: a mismatch as {@code <mark class="mismatch">} followed by a visible note with
 * the computed value, a match as {@code <mark class="match">}. Numbers it could not compare stay
 * unmarked. The offsets are the checker's (UTF-16 code units, i.e. Java string indices); a figure
 * whose offsets do not fit the text, or that overlaps one already marked, is left unmarked rather
 * than cutting the text in a wrong place.
 */
public final class NarrativeMarkup {

    /** One compared number: where it stands in the text, the verdict and the computed value. */
    public record Mark(int start, int end, boolean mismatch, String computedText) {
    }

    private NarrativeMarkup() {
    }

    /** The text as HTML, every character escaped, the marks around the compared numbers. */
    public static String html(String text, List<Mark> marks) {
        if (text == null) {
            return "";
        }
        List<Mark> ordered = new ArrayList<>(marks);
        ordered.sort(Comparator.comparingInt(Mark::start));
        StringBuilder out = new StringBuilder(text.length() + 64 * ordered.size());
        int at = 0;
        for (Mark m : ordered) {
            if (m.start() < at || m.end() <= m.start() || m.end() > text.length()) {
                continue;
            }
            escape(text, at, m.start(), out);
            String computed = m.computedText() == null ? "" : m.computedText();
            if (m.mismatch()) {
                out.append("<mark class=\"mismatch\" data-test=\"mismatch\" title=\"系统计算值：");
                escape(computed, 0, computed.length(), out);
                out.append("\">");
                escape(text, m.start(), m.end(), out);
                out.append("</mark><span class=\"computed\">（系统计算值：");
                escape(computed, 0, computed.length(), out);
                out.append("）</span>");
            } else {
                out.append("<mark class=\"match\" title=\"与系统计算值一致\">");
                escape(text, m.start(), m.end(), out);
                out.append("</mark>");
            }
            at = m.end();
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    /** HTML-escapes {@code text[from, to)} into {@code out}, for element content and quoted attributes. */
    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
