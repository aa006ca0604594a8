package cn.eduduty.report.checks.narrative;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One number a narrative states, as the checker read it: where it is, what it says, the metric it
 * was attributed to, the computed value and the verdict.
 *
 * @param sentence     the sentence it stands in, as written
 * @param start        offset of the statement in the checked text
 * @param end          offset after the statement
 * @param stated       the statement as written, with its hedge and unit (约98%以上, 5个, 480万元, 1.36:1)
 * @param value        the number as written, in its written unit (480 for 480万元; 1.36:1 for a ratio)
 * @param unit         the written unit (%, 个, 名, 万元, :)
 * @param kind         PERCENT, COUNT, YUAN, RATIO, CHANGE or OTHER
 * @param hedge        EXACT, ABOUT, NEARLY, AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN or SOME_MORE
 * @param metricKey    the metric it was attributed to, or null
 * @param metricLabel  that metric's label, or null
 * @param computed     the computed value in the figure's unit (yuan, percent, count), or null
 * @param computedText the computed value in the statement's unit (0.41%, 480.32万元), or null
 * @param verdict      MATCH, MISMATCH, NO_DATA or UNATTRIBUTED
 * @param note         why it could not be checked, in Chinese; null when checked
 */
public record StatedFigure(String sentence, int start, int end, String stated, String value, String unit, String kind,
        String hedge, String metricKey, String metricLabel,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal computed, String computedText, Verdict verdict,
        String note) {

    public enum Verdict {
        /** Agrees with the computed figure at the stated precision and hedge. */
        MATCH,
        /** Disagrees: an error in the narrative or in the data. */
        MISMATCH,
        /** Attributed to a metric that has no computed value (for the stated year). */
        NO_DATA,
        /** No metric the system computes could be named for it. */
        UNATTRIBUTED
    }

    /** Whether it was compared with a computed figure. */
    public boolean checked() {
        return verdict == Verdict.MATCH || verdict == Verdict.MISMATCH;
    }
}
