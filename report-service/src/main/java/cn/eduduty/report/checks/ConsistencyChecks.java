package cn.eduduty.report.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.FundingRules;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.snapshot.Wording;
import cn.eduduty.runtime.security.RegionCode;

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
 * <li>{@code narrative-figure-mismatch} (ERROR): a number stated in an indicator's narrative or
 * problem text differs, at its stated precision and hedge, from the figure it names
 * ({@link NarrativeChecks}; numbers it cannot check are counted there, not reported here).</li>
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
    static final Set<String> PER_STAGE_RULES = Set.of(
            "funding.three_growths.per_student_expenditure", "funding.three_growths.per_student_public_funds",
            "funding.never_decrease.per_student_general_budget_expenditure");

    private ConsistencyChecks() {
    }

    public static List<Check> run(FigureEngine.Book book) {
        return run(book, NarrativeChecks.statements(book));
    }

    /** The checks of a book whose narratives' stated numbers were already read ({@link NarrativeChecks#statements}). */
    public static List<Check> run(FigureEngine.Book book, List<NarrativeChecks.Statement> statements) {
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
        book.evaluation().ifPresentOrElse(e -> evaluationChecks(e, book, statements, checks), () -> {
            if (RegionCode.level(book.region())
                    == RegionCode.Level.COUNTY) {
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
                    "学校" + school + "在" + book.periods().schoolYear() + "年9月1日未开办（已撤销或未设立），却填报了"
                            + Period.schoolYearLabel(book.periods().schoolYear()) + "在校学生"));
        }
        return checks;
    }

    /** A self-evaluation's status as the report's reader names it. */
    private static String statusName(String status) {
        return switch (status) {
            case "DRAFT" -> "草稿";
            case "SUBMITTED" -> "已提交";
            case "RETURNED" -> "已退回";
            default -> status;
        };
    }

    private static void evaluationChecks(Evaluation e, FigureEngine.Book book,
            List<NarrativeChecks.Statement> statements, List<Check> checks) {
        if (!SelfEvaluationStatus.APPROVED.name().equals(e.status())) {
            checks.add(new Check("evaluation-not-approved", Check.Severity.WARNING, e.id().toString(),
                    "自评尚未经市级审核通过（当前状态：" + statusName(e.status()) + "）"));
        }
        for (IndicatorSnapshot indicator : e.thirdLevel()) {
            Evaluation.Rated rated = e.ratings().get(indicator.code());
            if (rated == null) {
                checks.add(new Check("indicator-not-rated", Check.Severity.ERROR, indicator.code(),
                        "指标" + indicator.code() + "“" + indicator.title() + "”尚未评价"));
                continue;
            }
            metricCheck(indicator, rated, book).ifPresent(checks::add);
            checks.addAll(NarrativeChecks.checks(statements.stream()
                    .filter(st -> st.indicatorCode().equals(indicator.code())).toList()));
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
                : period + f.label() + "为" + Wording.value(f) + "，标准为"
                        + symbol(metric.comparator()) + metric.threshold().stripTrailingZeros().toPlainString()
                        + ("PERCENT".equals(f.unit()) ? "%" : "");
        if (Rating.FULLY.name().equals(rated.rating()) && !meets) {
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
}
