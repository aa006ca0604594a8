package cn.eduduty.report.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.FundingRules;
import cn.eduduty.report.figures.Period;

/**
 * The checks a report runs over its own figures and words. Pure: the same book gives the same
 * checks in the same order. Only checks that fire are returned.
 *
 * <ul>
 * <li>{@code funding-rule-failed} (ERROR): a funding rule of the evaluated fiscal year computed and does
 * not hold; a per-stage rule is reported once per failing stage, with its figures.</li>
 * <li>{@code school-year-not-recorded} (WARNING): the stock school year has no data yet, so the year
 * before it was used.</li>
 * <li>{@code rating-contradicts-metric}: a third-level indicator rated FULLY whose bound metric
 * misses its threshold (ERROR), or rated NOT whose metric meets it (WARNING).</li>
 * <li>{@code narrative-share-mismatch} (WARNING): a narrative states a percentage right after a
 * figure's label (within {@value #WINDOW} characters) that differs from the computed figure
 * rounded to the stated number of decimals.</li>
 * <li>{@code consolidation-above-100} (WARNING): a consolidation rate above 100% (transfers or
 * records to verify).</li>
 * <li>{@code school-entrants-exceed-enrolment} (WARNING): a school's grade-10 entrants of the evaluated
 * intake exceed its grade-10 students (entrants of vocational schools outside the county booked to a
 * county school, typically).</li>
 * <li>{@code closed-school-with-students} (ERROR): a school reported students for the year but
 * was not open on 1 September.</li>
 * <li>{@code indicator-not-rated} (ERROR) and {@code evaluation-missing} / {@code evaluation-not-approved}
 * (WARNING): the self-evaluation is incomplete or not approved yet.</li>
 * </ul>
 */
public final class ConsistencyChecks {

    /** Rules that hold only when each stage holds; their stages are checked one by one. */
    static final java.util.Set<String> PER_STAGE_RULES = java.util.Set.of(
            "funding.three_growths.per_student_expenditure", "funding.three_growths.per_student_public_funds",
            "funding.never_decrease.per_student_general_budget_expenditure");

    /** How far after a label a stated percentage still refers to it. */
    static final int WINDOW = 24;
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[%％]");

    private ConsistencyChecks() {
    }

    public static List<Check> run(FigureEngine.Book book) {
        List<Check> checks = new ArrayList<>();
        FigureEngine.YearFigures year = book.current();
        for (Figure f : year.funding()) {
            // a per-stage rule fails through its stages, and each failing stage is reported itself
            if ("BOOLEAN".equals(f.unit()) && f.isPresent() && !f.holds() && !PER_STAGE_RULES.contains(f.key())) {
                checks.add(new Check("funding-rule-failed", Check.Severity.ERROR, f.key(),
                        (f.period() == null ? book.periods().fiscalYear() + "年" : f.period().label()) + "未满足“"
                                + f.label() + "”：" + FundingRules.evidence(f)));
            }
        }
        if (book.periods().schoolYearFallback()) {
            checks.add(new Check("school-year-not-recorded", Check.Severity.WARNING, book.region(),
                    Period.schoolYearLabel(book.periods().schoolYear() + 1) + "学校数据尚未录入，在校生、班额、教师等学年数据取"
                            + Period.schoolYearLabel(book.periods().schoolYear())));
        }
        book.evaluation().ifPresentOrElse(e -> evaluationChecks(e, book, checks), () -> {
            if (cn.eduduty.runtime.security.RegionCode.level(book.region())
                    == cn.eduduty.runtime.security.RegionCode.Level.COUNTY) {
                checks.add(new Check("evaluation-missing", Check.Severity.WARNING, book.region(),
                        "尚无" + book.year() + "年度自评记录，报告中的评价结论和叙述为空"));
            }
        });
        for (String key : List.of("registry.primary.consolidation_rate", "registry.junior.consolidation_rate")) {
            year.find(key).filter(Figure::isPresent).filter(f -> f.value().compareTo(BigDecimal.valueOf(100)) > 0)
                    .ifPresent(f -> checks.add(new Check("consolidation-above-100", Check.Severity.WARNING, key,
                            f.label() + "为" + f.value().toPlainString() + "%，超过100%，请核实转入转出和学籍数据")));
        }
        for (String finding : book.entrantWarnings()) {
            checks.add(new Check("school-entrants-exceed-enrolment", Check.Severity.WARNING, book.region(), finding));
        }
        for (String school : book.closedWithStudents()) {
            checks.add(new Check("closed-school-with-students", Check.Severity.ERROR, school,
                    "学校" + school + "在" + book.year() + "年9月1日未开办（已撤销或未设立），却填报了在校学生"));
        }
        return checks;
    }

    private static void evaluationChecks(Evaluation e, FigureEngine.Book book, List<Check> checks) {
        if (!"APPROVED".equals(e.status())) {
            checks.add(new Check("evaluation-not-approved", Check.Severity.WARNING, e.id().toString(),
                    "自评尚未经市级审核通过（当前状态：" + e.status() + "）"));
        }
        Map<String, Figure> byLabel = percentLabels(book.all());
        for (IndicatorSnapshot indicator : e.thirdLevel()) {
            Evaluation.Rated rated = e.ratings().get(indicator.code());
            if (rated == null) {
                checks.add(new Check("indicator-not-rated", Check.Severity.ERROR, indicator.code(),
                        "指标" + indicator.code() + "“" + indicator.title() + "”尚未评价"));
                continue;
            }
            metricCheck(indicator, rated, book).ifPresent(checks::add);
            if (rated.narrative() != null) {
                narrativeChecks(indicator.code(), rated.narrative(), byLabel, checks);
            }
        }
    }

    private static Optional<Check> metricCheck(IndicatorSnapshot indicator, Evaluation.Rated rated,
            FigureEngine.Book book) {
        IndicatorSnapshot.Metric metric = indicator.metric();
        if (metric == null) {
            return Optional.empty();
        }
        Optional<Figure> figure = book.find(metric.key()).filter(Figure::isPresent);
        if (figure.isEmpty()) {
            return Optional.empty();
        }
        boolean meets = meets(figure.get().value(), metric.comparator(), metric.threshold());
        Figure f = figure.get();
        String period = f.period() == null ? "" : f.period().label();
        String stated = "BOOLEAN".equals(f.unit())
                ? period + "“" + f.label() + "”" + (f.holds() ? "已满足" : "未满足")
                : period + f.label() + "为" + cn.eduduty.report.snapshot.Wording.value(f) + "，标准为"
                        + symbol(metric.comparator()) + metric.threshold().stripTrailingZeros().toPlainString()
                        + ("PERCENT".equals(f.unit()) ? "%" : "");
        if ("FULLY".equals(rated.rating()) && !meets) {
            return Optional.of(new Check("rating-contradicts-metric", Check.Severity.ERROR, indicator.code(),
                    "指标" + indicator.code() + "自评为“完全落实”，但" + stated
                            + ("BOOLEAN".equals(f.unit()) ? "" : "，未达标")));
        }
        if ("NOT".equals(rated.rating()) && meets) {
            return Optional.of(new Check("rating-contradicts-metric", Check.Severity.WARNING, indicator.code(),
                    "指标" + indicator.code() + "自评为“尚未落实”，但" + stated
                            + ("BOOLEAN".equals(f.unit()) ? "" : "，已达标")));
        }
        return Optional.empty();
    }

    public static boolean meets(BigDecimal value, String comparator, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (comparator) {
            case "GE" -> c >= 0;
            case "GT" -> c > 0;
            case "LE" -> c <= 0;
            case "LT" -> c < 0;
            case "EQ" -> c == 0;
            default -> throw new IllegalArgumentException("unknown comparator " + comparator);
        };
    }

    /** ≥, >, ≤, < or = for a metric binding's comparator. */
    public static String symbol(String comparator) {
        return switch (comparator) {
            case "GE" -> "≥";
            case "GT" -> ">";
            case "LE" -> "≤";
            case "LT" -> "<";
            default -> "=";
        };
    }

    /** Percentage figures by every label a narrative may use for them: the figure's and the catalogue's. */
    private static Map<String, Figure> percentLabels(List<Figure> figures) {
        Map<String, Figure> byLabel = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (!"PERCENT".equals(f.unit()) || !f.isPresent()) {
                continue;
            }
            byLabel.putIfAbsent(f.label(), f);
            MetricCatalogue.find(f.key()).ifPresent(d -> byLabel.putIfAbsent(d.label(), f));
        }
        return byLabel;
    }

    /** Where a figure's label occurs in a narrative. */
    private record Mention(int start, int end, String label, Figure figure) {
    }

    static void narrativeChecks(String subject, String narrative, Map<String, Figure> byLabel, List<Check> checks) {
        // longest labels first, so 基本落实指标占比 is not also read as a shorter label inside it
        List<String> labels = new java.util.ArrayList<>(byLabel.keySet());
        labels.sort(java.util.Comparator.comparingInt(String::length).reversed());
        boolean[] taken = new boolean[narrative.length()];
        List<Mention> mentions = new java.util.ArrayList<>();
        for (String label : labels) {
            for (int at = narrative.indexOf(label); at >= 0; at = narrative.indexOf(label, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + label.length(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    java.util.Arrays.fill(taken, at, at + label.length(), true);
                    mentions.add(new Mention(at, at + label.length(), label, byLabel.get(label)));
                }
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(Mention::start));
        for (int k = 0; k < mentions.size(); k++) {
            Mention mention = mentions.get(k);
            // a percentage belongs to the nearest label before it, within the window
            int limit = Math.min(narrative.length(), mention.end() + WINDOW + 8);
            if (k + 1 < mentions.size()) {
                limit = Math.min(limit, mentions.get(k + 1).start());
            }
            Matcher m = PERCENT.matcher(narrative).region(mention.end(), limit);
            if (m.find() && m.start() - mention.end() <= WINDOW) {
                BigDecimal stated = new BigDecimal(m.group(1));
                BigDecimal computed = mention.figure().value().setScale(Math.max(0, stated.scale()), RoundingMode.HALF_UP);
                if (stated.compareTo(computed) != 0) {
                    checks.add(new Check("narrative-share-mismatch", Check.Severity.WARNING, subject,
                            "指标" + subject + "的叙述称“" + mention.label() + "”为" + m.group(1) + "%，计算值为"
                                    + mention.figure().value().toPlainString() + "%"));
                }
            }
        }
    }
}
