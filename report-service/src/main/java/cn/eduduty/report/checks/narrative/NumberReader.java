package cn.eduduty.report.checks.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.eduduty.report.checks.narrative.StatedNumber.Hedge;
import cn.eduduty.report.checks.narrative.StatedNumber.Kind;

/**
 * Finds the numbers a text states, with their hedge and unit. Pure. Works on text normalised by
 * {@link #normalise} (full-width digits, ．and ％ made ASCII; offsets unchanged).
 *
 * <p>A stated figure is an Arabic number with a unit: a percentage ({@code %}, or 百分之 before
 * it), an amount ({@code 元}, {@code 千元}, {@code 万元}, {@code 亿元}), a count with a measure word
 * (个, 所, 人, 名, 个班, 位 … optionally in 万), a ratio {@code a:b} (also {@code ∶} and
 * {@code ：}), a change (增长3.5%, 减少5个, 2个百分点) or another measure (平方米, 小时 …).
 * Not stated figures: numbers without a unit, years and school-year spans (2019年, 2018—2019学年,
 * 连续3年), months and days, ages (3—5周岁), document numbers (〔2019〕12号), ordinals (第3名),
 * indicator codes (4.2.3), ranges (56—65人), numbers inside 《》 titles or inside a metric's name
 * (56人以上班额), and thresholds (高于国家85%的标准, 标准为85%). Numbers written in Chinese
 * characters (三所, 两个只增不减) are not read: in these reports they are almost always names or
 * small counts of measures, not figures.
 */
final class NumberReader {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\d])");
    private static final Pattern RATIO_REST = Pattern.compile("^\\s*[:∶：]\\s*(\\d+(?:\\.\\d+)?)(?![\\d])");
    private static final Pattern RANGE_REST = Pattern.compile(
            "^\\s*[—–\\-~～至到]{1,2}\\s*\\d+(?:\\.\\d+)?\\s*(?:%|万元|亿元|元|周岁|岁|学年|年度|年|人|个|所|名)?");
    private static final Pattern CODE = Pattern.compile("\\d+(?:\\.\\d+){2,}");
    private static final Pattern BRACKETED_YEAR = Pattern.compile("[〔\\[【(（]\\s*\\d{4}\\s*[〕\\]】)）]");
    private static final Pattern TITLE = Pattern.compile("《[^》]*》");

    /** Words after a number that make it a date, a year, an age or a document number. */
    private static final String[] NOT_FIGURES = { "学年", "年度", "年级", "年", "月", "日", "号", "周岁", "岁", "时", "点",
        "届", "期", "版", "章", "条", "款" };
    /** Measures of counts, longest first so 个班 wins over 个. */
    private static final String[] COUNTS = { "个班", "人次", "个", "所", "人", "名", "位", "家", "项", "次", "间", "座",
        "套", "台", "册", "本", "张", "户", "支", "门", "节", "场", "处", "篇", "件", "辆", "栋", "幢", "班", "种", "类",
        "批", "部" };
    /** Other measures: stated, but nothing the system computes. */
    private static final String[] OTHER = { "个百分点", "个月", "平方米", "平米", "亩", "公里", "千米", "米", "小时", "学时",
        "课时", "分钟", "天", "周", "吨", "千瓦", "兆" };
    /** Hedges written before a number, longest first. */
    private static final List<HedgeWord> BEFORE = List.of(
        new HedgeWord("不低于", Hedge.AT_LEAST), new HedgeWord("不少于", Hedge.AT_LEAST),
        new HedgeWord("至少", Hedge.AT_LEAST), new HedgeWord("不超过", Hedge.AT_MOST), new HedgeWord("不高于", Hedge.AT_MOST),
        new HedgeWord("不多于", Hedge.AT_MOST), new HedgeWord("大约", Hedge.ABOUT), new HedgeWord("约", Hedge.ABOUT),
        new HedgeWord("将近", Hedge.NEARLY), new HedgeWord("接近", Hedge.NEARLY), new HedgeWord("近", Hedge.NEARLY),
        new HedgeWord("超过", Hedge.MORE_THAN), new HedgeWord("高于", Hedge.MORE_THAN),
        new HedgeWord("多于", Hedge.MORE_THAN), new HedgeWord("突破", Hedge.MORE_THAN),
        new HedgeWord("逾", Hedge.MORE_THAN), new HedgeWord("不足", Hedge.LESS_THAN),
        new HedgeWord("不到", Hedge.LESS_THAN), new HedgeWord("低于", Hedge.LESS_THAN),
        new HedgeWord("少于", Hedge.LESS_THAN));
    /** Hedges written after the unit, longest first. */
    private static final List<HedgeWord> AFTER = List.of(
        new HedgeWord("及以上", Hedge.AT_LEAST), new HedgeWord("以上", Hedge.AT_LEAST),
        new HedgeWord("及以下", Hedge.AT_MOST), new HedgeWord("以下", Hedge.AT_MOST), new HedgeWord("以内", Hedge.AT_MOST),
        new HedgeWord("左右", Hedge.ABOUT));

    /** A hedge as it is written, and what it says of the number. */
    private record HedgeWord(String word, Hedge hedge) {
    }
    /** A change rather than a level: the verb right before the number (增长到 / 降至 are levels). */
    private static final Pattern CHANGE = Pattern.compile(
            "(增长|增加|提高|提升|上升|下降|降低|减少|增幅|降幅|增速|减幅|回落|扩大|缩小|增长率|下降率)(了|为|是|达|达到)?$");
    /** A threshold rather than a figure: 标准为85%, 高于国家85%的标准. */
    private static final Pattern STANDARD_BEFORE = Pattern.compile("(标准|要求|目标|规定|红线|底线|不得)(为|是|的|值)?$");
    private static final Pattern STANDARD_AFTER = Pattern.compile("^的?(国家|省级?|州|市|县)?(标准|要求|目标|规定|红线|底线)");

    private NumberReader() {
    }

    /** The same text with full-width digits, ．, ％ and ∶ made ASCII; every offset is unchanged. */
    static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '０' && c <= '９') {
                chars[i] = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                chars[i] = '.';
            } else if (c == '％' || c == '﹪') {
                chars[i] = '%';
            } else if (c == '∶') {
                chars[i] = ':';
            } else if (c == '，' && i > 0 && i + 4 <= chars.length && isDigit(chars[i - 1])
                    && isDigits(chars, i + 1, 3) && (i + 4 == chars.length || !isDigit(chars[i + 4]))) {
                // a full-width comma inside a number like 1，500 is a thousands separator only when
                // three digits follow; otherwise it separates clauses
                chars[i] = ',';
            }
        }
        return new String(chars);
    }

    /** Spans of a text that hold no stated figure: titles, codes, bracketed years. */
    static List<int[]> protectedSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : List.of(TITLE, CODE, BRACKETED_YEAR)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                spans.add(new int[] { m.start(), m.end() });
            }
        }
        return spans;
    }

    /**
     * The numbers stated in {@code text[from, to)} outside {@code taken} (spans that hold no
     * figure: titles, codes, metric names), in order.
     */
    static List<StatedNumber> read(String text, int from, int to, boolean[] taken) {
        List<StatedNumber> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text).region(from, to);
        int skipTo = from;
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (s < skipTo || taken[s] || (s > 0 && (text.charAt(s - 1) == '第' || Character.isLetter(text.charAt(s - 1))
                    && text.charAt(s - 1) < 0x80))) {
                continue;
            }
            // what follows a number and belongs to it is short: a unit, a hedge, a ratio's other side
            String rest = text.substring(e, Math.min(to, e + 24));
            Matcher ratio = RATIO_REST.matcher(rest);
            if (ratio.lookingAt()) {
                String b = ratio.group(1);
                skipTo = e + ratio.end();
                if (b.length() > 1 && b.startsWith("0") && !b.startsWith("0.")) {
                    continue; // a clock time such as 8:00
                }
                numbers.add(new StatedNumber(hedgeStart(text, from, s), e + ratio.end(), s, number(m), new BigDecimal(b),
                        Kind.RATIO, ":", 0, hedgeBefore(text, from, s)));
                continue;
            }
            Matcher range = RANGE_REST.matcher(rest);
            if (range.lookingAt()) {
                skipTo = e + range.end();
                continue;
            }
            int u = e;
            boolean someMore = false;
            if (u < to && (text.charAt(u) == '余' || text.charAt(u) == '多')) {
                someMore = true;
                u++;
            }
            while (u < to && text.charAt(u) == ' ') {
                u++;
            }
            String after = text.substring(u, Math.min(to, u + 24));
            Kind kind = null;
            String unit = null;
            int scale = 0;
            if (after.startsWith("%")) {
                kind = Kind.PERCENT;
                unit = "%";
            } else if (startsWithAny(after, NOT_FIGURES) != null) {
                continue;
            } else if (startsWithAny(after, OTHER) != null) {
                unit = startsWithAny(after, OTHER);
                kind = unit.equals("个百分点") ? Kind.CHANGE : Kind.OTHER;
            } else {
                String multiplier = after.startsWith("万") ? "万" : after.startsWith("亿") ? "亿"
                        : after.startsWith("千元") ? "千" : "";
                String afterMultiplier = after.substring(multiplier.length());
                scale = switch (multiplier) {
                    case "万" -> 4;
                    case "亿" -> 8;
                    case "千" -> 3;
                    default -> 0;
                };
                if (afterMultiplier.startsWith("元")) {
                    kind = Kind.YUAN;
                    unit = multiplier + "元";
                } else if (startsWithAny(afterMultiplier, COUNTS) != null) {
                    kind = Kind.COUNT;
                    unit = multiplier + startsWithAny(afterMultiplier, COUNTS);
                } else if (startsWithAny(afterMultiplier, OTHER) != null) {
                    kind = Kind.OTHER;
                    unit = multiplier + startsWithAny(afterMultiplier, OTHER);
                }
            }
            boolean percentWord = text.startsWith("百分之", Math.max(from, s - 3)) && s - 3 >= from;
            if (kind == null && percentWord) {
                kind = Kind.PERCENT;
                unit = "%";
                u = e;
            }
            if (kind == null) {
                continue; // a bare number: not a stated figure
            }
            int end = unit.equals("%") && percentWord && !after.startsWith("%") ? e : u + unit.length();
            String tail = text.substring(end, Math.min(to, end + 24));
            Hedge hedge = someMore ? Hedge.SOME_MORE : Hedge.EXACT;
            for (HedgeWord h : AFTER) {
                if (tail.startsWith(h.word())) {
                    hedge = h.hedge();
                    end += h.word().length();
                    break;
                }
            }
            int numberStart = percentWord ? s - 3 : s;
            Hedge before = hedgeBefore(text, from, numberStart);
            if (hedge == Hedge.EXACT) {
                hedge = before;
            }
            int hedgeAt = hedgeStart(text, from, numberStart);
            // the words that make a change or a standard are short: the last few characters decide
            String pre = text.substring(Math.max(from, hedgeAt - 8), hedgeAt);
            if (STANDARD_BEFORE.matcher(pre).find() || STANDARD_AFTER.matcher(text.substring(end, Math.min(to, end + 24))).lookingAt()) {
                continue; // a threshold, not a figure of the county
            }
            if (CHANGE.matcher(pre).find() && kind != Kind.OTHER) {
                kind = Kind.CHANGE;
            }
            numbers.add(new StatedNumber(hedgeStart(text, from, numberStart), end, s, number(m), null, kind, unit,
                    scale, hedge));
        }
        return numbers;
    }

    private static BigDecimal number(Matcher m) {
        return new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
    }

    private static Hedge hedgeBefore(String text, int from, int s) {
        from = Math.max(from, s - 8);
        int at = hedgeStart(text, from, s);
        if (at == s) {
            return Hedge.EXACT;
        }
        for (HedgeWord h : BEFORE) {
            if (text.startsWith(h.word(), at)) {
                return h.hedge();
            }
        }
        return Hedge.EXACT;
    }

    /** Where the statement starts: at a hedge word right before the number (约为, 超过了), else at the number. */
    private static int hedgeStart(String text, int from, int s) {
        from = Math.max(from, s - 8);
        String pre = text.substring(from, s).stripTrailing();
        for (String candidate : new String[] { pre, stripFiller(pre) }) {
            for (HedgeWord h : BEFORE) {
                if (candidate.endsWith(h.word())) {
                    return from + candidate.length() - h.word().length();
                }
            }
        }
        return s;
    }

    /** 约为, 超过了, 接近于: the hedge with its filler. */
    private static String stripFiller(String pre) {
        String p = pre.stripTrailing();
        for (String filler : new String[] { "为", "了", "于" }) {
            if (p.endsWith(filler)) {
                return p.substring(0, p.length() - filler.length());
            }
        }
        return p;
    }

    private static String startsWithAny(String s, String[] words) {
        for (String w : words) {
            if (s.startsWith(w)) {
                return w;
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static boolean isDigits(char[] chars, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!isDigit(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
