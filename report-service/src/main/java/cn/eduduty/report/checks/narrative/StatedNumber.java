package cn.eduduty.report.checks.narrative;

import java.math.BigDecimal;

/**
 * A number a sentence states, as written: where it is, the words around it that belong to it
 * (hedge, unit), and what it measures.
 *
 * @param start    offset of the first character of the statement (a leading hedge such as 约 included)
 * @param end      offset after the last character (a trailing hedge such as 以上 included)
 * @param at       offset of the first digit
 * @param value    the number as written, in its written unit (480 for 480万元; a for a ratio a:b)
 * @param per      for a ratio a:b, b; otherwise null
 * @param kind     what the number measures
 * @param unit     the unit as written (%, 个, 名, 万元, 亿元, :, 个百分点 …)
 * @param scale    power of ten of the written unit relative to the figure's (4 for 万元, 8 for 亿元)
 * @param hedge    how the statement compares
 */
record StatedNumber(int start, int end, int at, BigDecimal value, BigDecimal per, Kind kind, String unit, int scale,
        Hedge hedge) {

    /** What a stated number measures; only the first four can be compared with a figure. */
    enum Kind {
        PERCENT, COUNT, YUAN, RATIO,
        /** A change (增长3.5%, 减少5个, 提高2个百分点): no computed figure is a change. */
        CHANGE,
        /** Another measure (平方米, 小时, 台, 册 …) the system does not compute. */
        OTHER
    }

    /**
     * How a statement compares with the truth. The figure's own value (two decimals for rates) is
     * the truth; see {@link NarrativeChecker} for the rules.
     */
    enum Hedge {
        /** As written, at the written precision (达, 为, 是, or nothing). */
        EXACT,
        /** 约, 大约, 左右: rounds to the written number at its last significant digit. */
        ABOUT,
        /** 近, 将近, 接近: not above the written number, and rounds to it. */
        NEARLY,
        /** 以上, 及以上, 不低于, 不少于, 至少: at least. */
        AT_LEAST,
        /** 超过, 逾, 高于, 多于, 突破: more than. */
        MORE_THAN,
        /** 以下, 及以下, 以内, 不超过, 不高于: at most. */
        AT_MOST,
        /** 不足, 不到, 低于, 少于: less than. */
        LESS_THAN,
        /** 余, 多 (300余人): more than the number, below its next step (300 < x < 400). */
        SOME_MORE
    }

    /** The statement's text as written, hedge and unit included. */
    String text(String sentence) {
        return sentence.substring(start, end);
    }
}
