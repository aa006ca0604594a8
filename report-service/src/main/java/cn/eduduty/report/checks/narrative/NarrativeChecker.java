package cn.eduduty.report.checks.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.report.checks.narrative.StatedFigure.Verdict;
import cn.eduduty.report.checks.narrative.StatedNumber.Hedge;
import cn.eduduty.report.checks.narrative.StatedNumber.Kind;
import cn.eduduty.report.figures.Figure;

/**
 * Reads a narrative the way a reviewer does: finds every number it states ({@link NumberReader}),
 * names the metric each one is about, and compares it with the computed figure. Pure: (text,
 * figures) → one {@link StatedFigure} per stated number, in text order.
 *
 * <h2>Attribution</h2>
 * Sentences end at 。！？!? and line breaks; clauses at ，；：、 (a comma or colon between digits is
 * part of a number). The words that name metrics are the catalogue's labels and aliases
 * ({@link Vocabulary}), longest first, so 初中巩固率 is not read as 巩固率.
 * <ol>
 * <li>"A、B分别为x、y": the names before 分别 (split at 、和与及) take the numbers after it in order;
 * a part without a name borrows the name of the last part that has one (小学、初中巩固率分别为…).</li>
 * <li>Otherwise a number belongs to the nearest name in its own clause (before or after it; before
 * wins a tie) that names a metric of the number's unit: a % only a PERCENT metric, 个/所/人/名 only a
 * COUNT, 元/万元/亿元 only a YUAN amount, a:b only a RATIO. 大班额 names both the count and the share, so
 * "大班额5个" is the count and "大班额占比0.41%" the share.</li>
 * <li>A number whose clause names nothing refers to the name of the nearest earlier clause of the
 * sentence that has one: a clause that is only the number with words like 占比, 比例, 覆盖率, 为, 达,
 * 降至 and a year ("大班额5个，占比0.52%"; "2017年大班额12个，2019年降至5个"; a count only if that
 * clause states a count of the same measure word), or a share starting with 占 ("…186人，占符合条件
 * 教师的13.79%"). A stage word in the clause asks for that stage's metric ("小学巩固率99.5%，初中98.1%").
 * A clause starting with 其中 never refers back (it is a part of the whole, not the whole).</li>
 * <li>A name shared by several metrics of the unit (巩固率: primary and junior; 生均公用经费: every stage)
 * is resolved by the stage word before it in its clause (小学, 初中, 学前, 高中, 中职, 特殊教育); if none,
 * the number is UNATTRIBUTED, listing the candidates.</li>
 * <li>A stage spoken of earlier in the sentence, outside other metrics' names, must agree with the
 * metric's: "普通高中99个教学班，66人以上超大班额2个，占2.02%" is about senior classes, so the share
 * is compared with the senior share and the count, which the system does not compute for senior
 * classes, is UNATTRIBUTED, never compared with the compulsory count.</li>
 * <li>Not compared, and said why: a change (增长3.5%, 减少5个, 2个百分点), an earlier value in
 * "由x…降至y" (x) or after 上年/去年, a part of the county (城区学校大班额5个), a standard or plan between the name and the number (拨付标准由
 * 每生每年980元下调至955元), a cumulative figure (累计, 以来), a figure of another year than the
 * computed one (the year named in the clause, else earlier in the sentence; "2017年以来" and "由2017年的"
 * name none), and names of things not computed (九年义务教育巩固率, 随班就读 …).</li>
 * </ol>
 *
 * <h2>Comparison</h2>
 * The computed figure is taken as it is computed (rates with two decimals), converted to the
 * statement's unit (万元 = yuan ÷ 10,000; a:b compares a with the computed ratio × b).
 * <ul>
 * <li>No hedge (为, 达, 是): equal at the written precision, half-up: 0.4% holds for 0.41, 0.52% does
 * not; 480万元 holds for 4,803,200 yuan, 990.0145万元 needs all four decimals; a count without 万
 * must be equal.</li>
 * <li>约, 大约, 左右: rounds to the written number at its last significant digit (约3000名 holds for
 * 2,987 but not 3,600; 约98% for 97.6).</li>
 * <li>近, 将近, 接近: not above the written number, and rounds to it (近100% holds for 99.6).</li>
 * <li>以上, 及以上, 不低于, 不少于, 至少: at least; 超过, 逾, 高于, 多于, 突破: more than; 以下, 以内, 不超过:
 * at most; 不足, 不到, 低于, 少于: less than — all against the computed value itself, so
 * "达98%以上" fails for 97.96.</li>
 * <li>余, 多 (300余人): above the number and below its next step (300 &lt; x &lt; 400).</li>
 * </ul>
 */
public final class NarrativeChecker {

    private static final String CLAUSE_MARKS = "，；、;";
    private static final String SENTENCE_MARKS = "。！？!?\n\r";
    private static final String[][] STAGE_WORDS = { { "学前教育", "preschool" }, { "学前", "preschool" },
        { "幼儿园", "preschool" }, { "小学", "primary" }, { "初中", "junior" }, { "义务教育", "compulsory" },
        { "普通高中", "senior" }, { "高级中学", "senior" }, { "高中", "senior" }, { "中等职业", "vocational" },
        { "中职", "vocational" }, { "特殊教育", "special" }, { "特教", "special" } };
    /** Stages that one metric's scope covers: a compulsory figure is about primary and junior schools. */
    private static final Map<String, String> STAGE_GROUP = Map.of("preschool", "preschool", "primary", "compulsory",
            "junior", "compulsory", "compulsory", "compulsory", "senior", "senior", "vocational", "senior",
            "special", "special");
    private static final Pattern YEAR = Pattern.compile(
            "(\\d{4})\\s*(?:[—–\\-~～至到]\\s*(\\d{2,4})\\s*)?(学年|年度|年)(以来|起|来|至今|之前|前|后)?");
    /** Words a bare share clause may hold besides its number: 占比0.52%, 比例为0.41%, 占全部班级的0.5%. */
    private static final Pattern BARE = Pattern.compile("^(其|所|仅|只|已|均|全县|共|总计|合计|分别)*"
            + "(占比|比例|比重|占比例|所占比例|占|覆盖率|达标率|达标比例|比率)?"
            + "(为|是|达|达到|约|仅|只有|降至|降到|下降到|下降至|提高到|提高至|上升到|上升至|控制在|保持在)*$");
    private static final Pattern FROM_TO = Pattern.compile("(由|从).*(到|至)");
    private static final Pattern SPACE = Pattern.compile("\\s");
    /** After a bare share: a parenthesis, 的, 了. */
    private static final Pattern FILLER_AFTER = Pattern.compile("（[^）]*）|\\([^)]*\\)|[的了\\s]");
    private static final Pattern YEAR_WORDS = Pattern.compile("\\d{4}(学年|年度|年)(底|末|初)?");
    private static final Pattern STAGE_PREFIX = Pattern.compile(
            "^(学前教育|学前|幼儿园|小学|初中|义务教育|普通高中|高中|中等职业教育|中职|特殊教育)(阶段)?");
    /** 上年9112.98元, 去年: the value of the year before. */
    private static final Pattern LAST_YEAR = Pattern.compile("(上年|去年|前年|上一年|上年度|上学年)");
    /** 城区学校大班额5个: a part of the county, not the county's figure. */
    private static final Pattern PART = Pattern.compile("(城区|农村|乡村|乡镇|城镇|县城|民办|部分|个别)(学校|中小学|小学|初中|幼儿园|地区|的)*$");
    /** 拨付标准由…下调至955元: a standard, target or plan, not the figure. */
    private static final Pattern STANDARD = Pattern.compile("(标准|要求|目标|计划|任务)");

    private final Map<String, Figure> byKey = new LinkedHashMap<>();
    private final Function<String, Set<Integer>> yearsOf;
    private final Vocabulary vocabulary;

    private NarrativeChecker(List<Figure> figures, Function<String, Set<Integer>> yearsOf) {
        figures.forEach(f -> byKey.putIfAbsent(f.key(), f));
        this.yearsOf = yearsOf;
        this.vocabulary = Vocabulary.of(figures);
    }

    /**
     * A checker against {@code figures}, to check many texts with.
     *
     * @param yearsOf the years a figure's value is of, by key (a statement naming none of them is
     *                NO_DATA); an empty set accepts any year
     */
    public static NarrativeChecker of(List<Figure> figures, Function<String, Set<Integer>> yearsOf) {
        return new NarrativeChecker(figures, yearsOf);
    }

    /** Every stated number of {@code text}, checked against {@code figures}, without regard to years. */
    public static List<StatedFigure> check(String text, List<Figure> figures) {
        return of(figures, key -> Set.of()).check(text);
    }

    /** Whether a 由/从 opens a span that no 到/至 after it closes: the number is a starting value. */
    private static boolean fromWithoutTo(String before) {
        int from = Math.max(before.lastIndexOf('由'), before.lastIndexOf('从'));
        return from >= 0 && before.indexOf('到', from) < 0 && before.indexOf('至', from) < 0;
    }

    /** Every stated number of {@code text}, in order, with its attribution and verdict. */
    public List<StatedFigure> check(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normal = NumberReader.normalise(text);
        boolean[] taken = new boolean[normal.length()];
        for (int[] span : NumberReader.protectedSpans(normal)) {
            Arrays.fill(taken, span[0], span[1], true);
        }
        List<Vocabulary.Occurrence> terms = vocabulary.find(normal, 0, normal.length(), taken);
        List<StatedFigure> results = new ArrayList<>();
        int start = 0;
        while (start < normal.length()) {
            int end = start;
            while (end < normal.length() && SENTENCE_MARKS.indexOf(normal.charAt(end)) < 0) {
                end++;
            }
            end = bounded(normal, start, end);
            if (end > start) {
                int s = start;
                int e = end;
                new Sentence(text, normal, start, end, taken,
                        terms.stream().filter(t -> t.start() >= s && t.end() <= e).toList()).check(results);
            }
            start = end < normal.length() && SENTENCE_MARKS.indexOf(normal.charAt(end)) >= 0 ? end + 1 : end;
        }
        return results;
    }

    /** The longest stretch read as one sentence; real sentences are far shorter. */
    static final int LONGEST_SENTENCE = 300;

    /**
     * Where a sentence that runs from {@code start} to {@code end} is cut: at {@code end} when it is
     * short enough, else at the last clause mark (，；、) within {@link #LONGEST_SENTENCE} characters,
     * else at that length. Reading a sentence costs more than its length (each number looks back over
     * its clause), so a text with no full stops, or a crafted one, must not make one sentence of
     * 20,000 characters.
     */
    private static int bounded(String text, int start, int end) {
        if (end - start <= LONGEST_SENTENCE) {
            return end;
        }
        int limit = start + LONGEST_SENTENCE;
        for (int i = limit; i > start + LONGEST_SENTENCE / 2; i--) {
            if ("，；、,;".indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return limit;
    }

    /** One sentence being read. */
    private final class Sentence {
        private final String original;
        private final String text;
        private final int from;
        private final int to;
        private final Map<String, Figure> figures = byKey;
        private final List<Vocabulary.Occurrence> terms;
        private final List<StatedNumber> numbers;
        private final List<int[]> clauses = new ArrayList<>();

        Sentence(String original, String text, int from, int to, boolean[] taken, List<Vocabulary.Occurrence> terms) {
            this.original = original;
            this.text = text;
            this.from = from;
            this.to = to;
            this.terms = terms;
            this.numbers = NumberReader.read(text, from, to, taken);
            int s = from;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                boolean mark = CLAUSE_MARKS.indexOf(c) >= 0 || (c == ',' || c == ':' || c == '：') && !betweenDigits(i);
                if (mark) {
                    clauses.add(new int[] { s, i });
                    s = i + 1;
                }
            }
            clauses.add(new int[] { s, to });
        }

        void check(List<StatedFigure> results) {
            Map<StatedNumber, Attribution> attributed = new HashMap<>(respectively());
            for (StatedNumber n : numbers) {
                attributed.computeIfAbsent(n, this::attribute);
                results.add(verdict(n, attributed.get(n)));
            }
        }

        /** "A、B分别为x、y": the parts before 分别 take the numbers after it, in order. */
        private Map<StatedNumber, Attribution> respectively() {
            Map<StatedNumber, Attribution> pairs = new HashMap<>();
            int p = slice(from, to).indexOf("分别");
            if (p < 0) {
                return pairs;
            }
            p += from;
            int[] clause = clauseOf(p, new String[] { "，", "；", "：", ";" });
            List<int[]> parts = new ArrayList<>();
            int s = clause[0];
            for (int i = clause[0]; i <= p; i++) {
                if (i == p || "、和与及".indexOf(text.charAt(i)) >= 0) {
                    if (i > s) {
                        parts.add(new int[] { s, i });
                    }
                    s = i + 1;
                }
            }
            int at = p;
            List<StatedNumber> after = numbers.stream().filter(n -> n.start() > at).toList();
            if (parts.size() < 2 || after.size() < parts.size()) {
                return pairs;
            }
            Vocabulary.Occurrence shared = null;
            for (int[] part : parts) {
                Optional<Vocabulary.Occurrence> own = lastTermIn(part[0], part[1]);
                if (own.isPresent()) {
                    shared = own.get();
                }
            }
            if (shared == null) {
                return pairs;
            }
            for (int i = 0; i < parts.size(); i++) {
                int[] part = parts.get(i);
                Vocabulary.Occurrence term = lastTermIn(part[0], part[1]).orElse(generic(shared));
                String stage = stageIn(part[0], term.start() >= part[0] && term.start() < part[1] ? term.start() : part[1]);
                pairs.put(after.get(i), resolve(after.get(i), term, stage));
            }
            return pairs;
        }

        private String stageOf(String word) {
            for (String[] w : STAGE_WORDS) {
                if (word.startsWith(w[0])) {
                    return w[1];
                }
            }
            return null;
        }

        /** 初中巩固率 lent to a part that names only its stage (小学、初中巩固率): the word without its stage, 巩固率. */
        private Vocabulary.Occurrence generic(Vocabulary.Occurrence t) {
            String word = t.term().word();
            for (String[] w : STAGE_WORDS) {
                if (word.startsWith(w[0])) {
                    String rest = word.substring(w[0].length());
                    rest = rest.startsWith("阶段") ? rest.substring(2) : rest;
                    Optional<Vocabulary.Term> generic = vocabulary.term(rest);
                    if (generic.isPresent()) {
                        return new Vocabulary.Occurrence(t.start(), t.end(), generic.get());
                    }
                }
            }
            return t;
        }

        private Attribution attribute(StatedNumber n) {
            int[] clause = clauseOf(n.at(), null);
            List<Vocabulary.Occurrence> own = terms.stream().filter(t -> t.start() >= clause[0] && t.end() <= clause[1])
                    .toList();
            Vocabulary.Occurrence best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Vocabulary.Occurrence t : own) {
                if (!t.term().keys().isEmpty() && compatible(t, n).isEmpty()) {
                    continue;
                }
                int distance = t.end() <= n.start() ? n.start() - t.end() : t.start() - n.end();
                if (distance < 0) {
                    distance = 0;
                }
                if (distance < bestDistance || distance == bestDistance && t.end() <= n.start()) {
                    best = t;
                    bestDistance = distance;
                }
            }
            if (best != null) {
                return resolve(n, best, stageIn(clause[0], best.start()));
            }
            if (!own.isEmpty() && !sharePhrase(n, clause)) {
                Vocabulary.Occurrence t = own.get(0);
                return Attribution.none("“" + t.term().word() + "”对应的指标单位与“" + n.unit() + "”不符", t);
            }
            if (inheritable(n, clause, own)) {
                for (int c = clauseIndex(clause) - 1; c >= 0; c--) {
                    int[] earlier = clauses.get(c);
                    List<Vocabulary.Occurrence> named = terms.stream()
                            .filter(t -> t.start() >= earlier[0] && t.end() <= earlier[1]).toList();
                    if (named.isEmpty()) {
                        continue;
                    }
                    if (n.kind() == Kind.COUNT && numbers.stream().noneMatch(m -> m.at() >= earlier[0]
                            && m.at() < earlier[1] && m.unit().equals(n.unit()))) {
                        break; // 大班额5个，小学12所: a count takes an earlier name only with the same measure word
                    }
                    String ownStage = stageIn(clause[0], n.start());
                    for (int k = named.size() - 1; k >= 0; k--) {
                        Vocabulary.Occurrence t = ownStage == null ? named.get(k) : generic(named.get(k));
                        if (ownStage != null && t == named.get(k) && stageOf(t.term().word()) != null) {
                            continue; // 初中98.13% after 小学巩固率 lends 巩固率; a name with no generic form cannot
                        }
                        if (t.term().keys().isEmpty() || !compatible(t, n).isEmpty()) {
                            return resolve(n, t, ownStage != null ? ownStage : stageIn(earlier[0], t.start()));
                        }
                    }
                    break;
                }
            }
            return Attribution.none("所在分句未提及系统计算的指标", null);
        }

        /**
         * Whether the number refers to the name of an earlier clause: a share or ratio in a clause
         * starting with 占 (占全部班级的0.52%), or any number in a clause holding nothing but it, a
         * year and words like 占比, 比例, 为, 降至 (占比0.52%, 2019年降至5个); never after 其中.
         */
        private boolean inheritable(StatedNumber n, int[] clause, List<Vocabulary.Occurrence> own) {
            if (sharePhrase(n, clause)) {
                return true;
            }
            if (!own.isEmpty()) {
                return false;
            }
            String before = SPACE.matcher(slice(clause[0], n.start())).replaceAll("");
            String after = FILLER_AFTER.matcher(slice(n.end(), clause[1])).replaceAll("");
            if (before.startsWith("其中")) {
                return false;
            }
            before = STAGE_PREFIX.matcher(YEAR_WORDS.matcher(before).replaceAll("")).replaceAll("");
            return BARE.matcher(before).matches() && after.isEmpty();
        }

        /** 占一般公共预算支出的18.99%: a share whose clause starts with 占 names its whole, not its part. */
        private boolean sharePhrase(StatedNumber n, int[] clause) {
            String before = text.substring(clause[0], Math.max(clause[0], n.start())).strip();
            return (n.kind() == Kind.PERCENT || n.kind() == Kind.RATIO)
                    && (before.startsWith("占") || before.startsWith("所占") || before.startsWith("约占"));
        }

        private Attribution resolve(StatedNumber n, Vocabulary.Occurrence t, String stage) {
            if (t.term().keys().isEmpty()) {
                return Attribution.none("系统未计算“" + t.term().word() + "”", t);
            }
            List<String> keys = compatible(t, n);
            if (keys.isEmpty()) {
                return Attribution.none("“" + t.term().word() + "”对应的指标单位与“" + n.unit() + "”不符", t);
            }
            if (keys.size() > 1 && stage != null) {
                List<String> staged = keys.stream().filter(k -> k.contains("." + stage + ".") || k.endsWith("." + stage))
                        .toList();
                if (!staged.isEmpty()) {
                    keys = staged;
                }
            }
            if (keys.size() > 1) {
                return Attribution.none("“" + t.term().word() + "”可能指" + String.join("、",
                        keys.stream().map(this::label).toList()) + "，未指明学段", t);
            }
            return new Attribution(keys.get(0), t, null);
        }

        /** The keys of a term whose unit fits the number's kind. */
        private List<String> compatible(Vocabulary.Occurrence t, StatedNumber n) {
            return t.term().keys().stream().filter(k -> unitOf(k).equals(n.kind().name())).toList();
        }

        private String unitOf(String key) {
            Figure f = figures.get(key);
            if (f != null) {
                return f.unit();
            }
            return MetricCatalogue.find(key).map(d -> d.unit().name()).orElse("");
        }

        private String label(String key) {
            Figure f = figures.get(key);
            return f != null ? f.label() : MetricCatalogue.find(key).map(d -> d.label()).orElse(key);
        }

        private StatedFigure verdict(StatedNumber n, Attribution a) {
            String sentence = original.substring(from, to).strip();
            String stated = original.substring(n.start(), n.end());
            String value = n.kind() == Kind.RATIO ? n.value().toPlainString() + ":" + n.per().toPlainString()
                    : n.value().toPlainString();
            if (n.kind() == Kind.CHANGE || n.kind() == Kind.OTHER) {
                return result(sentence, n, stated, value, null, null, null, Verdict.UNATTRIBUTED,
                        n.kind() == Kind.CHANGE ? "变化量（增减、增幅），系统未计算对应数据" : "系统未计算以“" + n.unit() + "”计的数据");
            }
            if (a.key() == null) {
                return result(sentence, n, stated, value, null, null, null, Verdict.UNATTRIBUTED, a.note());
            }
            String before = slice(clauseOf(n.at(), null)[0], n.start());
            String clauseText = slice(Math.min(clauseOf(n.at(), null)[0], a.term().start()), n.start());
            if (fromWithoutTo(before)) {
                return result(sentence, n, stated, value, a.key(), null, null, Verdict.NO_DATA, "起始值（往年数据），未核对");
            }
            int previous = numbers.stream().filter(m -> m.end() <= n.start()).mapToInt(StatedNumber::end)
                    .max().orElse(0);
            String sinceLast = slice(Math.max(clauseOf(n.at(), null)[0], previous), n.start());
            if (LAST_YEAR.matcher(sinceLast).find()) {
                return result(sentence, n, stated, value, a.key(), null, null, Verdict.NO_DATA, "上年数据，未核对");
            }
            if (a.term().end() <= n.start() && STANDARD.matcher(slice(a.term().end(), n.start())).find()) {
                return result(sentence, n, stated, value, null, null, null, Verdict.UNATTRIBUTED,
                        "所述为标准、目标或计划，不是统计数");
            }
            if (PART.matcher(slice(Math.max(from, a.term().start() - 12), a.term().start())).find()) {
                return result(sentence, n, stated, value, null, null, null, Verdict.UNATTRIBUTED,
                        "所述为部分学校或地区的数据，系统数据为全域合计");
            }
            if (clauseText.contains("累计") || clauseText.contains("以来")) {
                return result(sentence, n, stated, value, a.key(), null, null, Verdict.NO_DATA, "累计数，系统未计算");
            }
            Set<Integer> years = statedYears(n);
            Set<Integer> accepted = yearsOf.apply(a.key());
            if (!years.isEmpty() && accepted != null && !accepted.isEmpty()
                    && years.stream().noneMatch(accepted::contains)) {
                return result(sentence, n, stated, value, a.key(), null, null, Verdict.NO_DATA,
                        "所述为" + years.iterator().next() + "年数据，系统核对的是" + new TreeSet<>(accepted).first() + "年数据");
            }
            String scope = scopeOf(a.key());
            String context = contextStage(n, a.term());
            if (scope != null && context != null && !STAGE_GROUP.get(scope).equals(STAGE_GROUP.get(context))) {
                // 普通高中…超大班额占2.02%: the same metric of the stage spoken of, if there is one
                String sibling = a.key().replace("." + scope + ".", "." + context + ".");
                if (!sibling.equals(a.key()) && unitOf(sibling).equals(unitOf(a.key()))) {
                    return verdict(n, new Attribution(sibling, a.term(), null));
                }
                return result(sentence, n, stated, value, null, null, null, Verdict.UNATTRIBUTED,
                        "“" + a.term().term().word() + "”在此指" + contextWord(n, a.term()) + "，系统未计算该学段的此项数据");
            }
            Figure f = figures.get(a.key());
            if (f == null || !f.isPresent()) {
                return result(sentence, n, stated, value, a.key(), null, null, Verdict.NO_DATA,
                        f == null ? "报告未计算该指标" : "该指标无计算值");
            }
            boolean holds = Comparison.holds(n, f.value());
            return result(sentence, n, stated, value, a.key(), f.value(), Comparison.asStated(n, f.value()),
                    holds ? Verdict.MATCH : Verdict.MISMATCH, null);
        }

        private StatedFigure result(String sentence, StatedNumber n, String stated, String value, String key,
                BigDecimal computed, String computedText, Verdict verdict, String note) {
            return new StatedFigure(sentence, n.start(), n.end(), stated, value, n.unit(), n.kind().name(),
                    n.hedge().name(), key, key == null ? null : label(key), computed, computedText, verdict, note);
        }

        /** The stage a registry metric is about (compulsory for 义务教育大班额), or null for the whole county. */
        private String scopeOf(String key) {
            String[] parts = key.split("\\.");
            if (!parts[0].equals("registry") || parts.length < 3) {
                return null;
            }
            String scope = parts[1].equals("classes") || parts[1].equals("students") ? parts[2] : parts[1];
            return STAGE_GROUP.containsKey(scope) ? scope : null;
        }

        /**
         * The stage the sentence speaks of at the number: the nearest stage word before it that is
         * not inside another metric's name (普通高中99个教学班，66人以上超大班额2个 is about senior
         * classes; in 初中巩固率98%，普惠率87% the 初中 belongs to 初中巩固率).
         */
        private String contextStage(StatedNumber n, Vocabulary.Occurrence term) {
            int at = contextAt(n, term);
            return at < 0 ? null : stageOf(text.substring(at));
        }

        private String contextWord(StatedNumber n, Vocabulary.Occurrence term) {
            int at = contextAt(n, term);
            for (String[] w : STAGE_WORDS) {
                if (text.startsWith(w[0], at)) {
                    return w[0];
                }
            }
            return "";
        }

        private int contextAt(StatedNumber n, Vocabulary.Occurrence term) {
            int best = -1;
            String before = slice(from, n.start());
            for (String[] w : STAGE_WORDS) {
                for (int i = before.indexOf(w[0]); i >= 0; i = before.indexOf(w[0], i + 1)) {
                    int at = from + i;
                    int where = at;
                    boolean inOther = terms.stream().anyMatch(t -> (t.start() != term.start() || t.end() != term.end())
                            && where >= t.start() && where < t.end());
                    if (!inOther && at > best) {
                        best = at;
                    }
                }
            }
            return best;
        }

        /** The years the statement is about: named in its clause before it, else earlier in the sentence. */
        private Set<Integer> statedYears(StatedNumber n) {
            int[] clause = clauseOf(n.at(), null);
            int own = clause[0];
            String before = slice(own, n.start());
            if (FROM_TO.matcher(before).find()) {
                // 由2017年的3.5%降至0.41%: the year before 到/至 is the starting value's
                own += Math.max(before.lastIndexOf('到'), before.lastIndexOf('至'));
            }
            for (int[] range : new int[][] { { own, n.start() }, { from, clause[0] } }) {
                Matcher m = YEAR.matcher(text).region(range[0], range[1]);
                Set<Integer> years = new TreeSet<>();
                while (m.find()) {
                    String lead = text.substring(Math.max(from, m.start() - 1), m.start());
                    if (m.group(4) != null || "由从比较与".contains(lead) && !lead.isEmpty()) {
                        continue; // 2017年以来: since; 由2017年的…, 比2017年: a starting or base year
                    }
                    Set<Integer> found = new TreeSet<>();
                    found.add(Integer.parseInt(m.group(1)));
                    if (m.group(2) != null) {
                        int second = Integer.parseInt(m.group(2));
                        found.add(second < 100 ? Integer.parseInt(m.group(1)) / 100 * 100 + second : second);
                    }
                    years = found;
                }
                if (!years.isEmpty()) {
                    return years;
                }
            }
            return Set.of();
        }

        private Optional<Vocabulary.Occurrence> lastTermIn(int s, int e) {
            Vocabulary.Occurrence last = null;
            for (Vocabulary.Occurrence t : terms) {
                if (t.start() >= s && t.end() <= e) {
                    last = t;
                }
            }
            return Optional.ofNullable(last);
        }

        /** The stage named nearest before {@code before} within {@code [s, before)}, as a key segment. */
        private String stageIn(int s, int before) {
            int best = -1;
            String stage = null;
            for (String[] w : STAGE_WORDS) {
                int i = slice(s, before).lastIndexOf(w[0]);
                int at = i < 0 ? -1 : s + i;
                if (at >= s && at > best) {
                    best = at;
                    stage = w[1];
                }
            }
            return stage;
        }

        private int[] clauseOf(int at, String[] marks) {
            if (marks == null) {
                return clauses.get(clauseIndexAt(at));
            }
            int s = at;
            while (s > from && !contains(marks, text.charAt(s - 1))) {
                s--;
            }
            return new int[] { s, to };
        }

        private int clauseIndexAt(int at) {
            for (int i = 0; i < clauses.size(); i++) {
                if (at >= clauses.get(i)[0] && at < clauses.get(i)[1]) {
                    return i;
                }
            }
            return clauses.size() - 1;
        }

        private int clauseIndex(int[] clause) {
            return clauses.indexOf(clause);
        }

        /** {@code text[s, e)}, empty when the bounds cross (a statement may begin before its clause's mark). */
        private String slice(int s, int e) {
            return s >= e ? "" : text.substring(s, e);
        }

        private boolean betweenDigits(int i) {
            return i > from && i + 1 < to && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
        }

        private boolean contains(String[] marks, char c) {
            for (String m : marks) {
                if (m.charAt(0) == c) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The metric a number was attributed to (null: none, with the reason), and the name that said so. */
    private record Attribution(String key, Vocabulary.Occurrence term, String note) {
        static Attribution none(String note, Vocabulary.Occurrence term) {
            return new Attribution(null, term, note);
        }
    }
}
