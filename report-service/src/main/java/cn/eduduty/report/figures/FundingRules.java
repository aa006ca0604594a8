package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.report.snapshot.Wording;

/**
 * The funding figures and rules a report checks (../shared/domain.md §3), for a year against the
 * year before: 三个增长, 两个只增不减, the education share, teacher pay against civil servants, and
 * per-student expenditure and public funds per stage (ledger totals ÷ registry students). Pure:
 * every figure names its inputs; a rule whose inputs are missing is absent with the reason, in
 * Chinese, naming the years.
 *
 * <p>A rule that is per stage by definition (三个增长 (2) and (3), 生均一般公共预算教育支出只增不减) gives one
 * figure per stage ({@code <rule key>.<stage>}, e.g. {@code funding.three_growths.per_student_expenditure.primary})
 * and the rule itself, which holds only when every applicable stage (amounts and students in both
 * years) holds; a stage with nothing booked in either year is not one the rule applies to. Inputs
 * whose names end in （元） are yuan, in （%） percent.
 */
public final class FundingRules {

    static final String YUAN = "YUAN";
    static final String PERCENT = "PERCENT";
    static final String BOOLEAN = "BOOLEAN";

    private FundingRules() {
    }

    public static List<Figure> compute(FundingYear now, FundingYear before) {
        List<Figure> figures = new ArrayList<>();
        figures.add(appropriationVsRevenue(now, before));
        figures.addAll(perStudentRule("funding.three_growths.per_student_expenditure", now, before,
                FundingYear::expenditureByStage, false));
        figures.addAll(perStudentRule("funding.three_growths.per_student_public_funds", now, before,
                FundingYear::publicFundsByStage, false));
        figures.add(neverDecrease(now, before));
        figures.addAll(perStudentRule("funding.never_decrease.per_student_general_budget_expenditure", now, before,
                FundingYear::expenditureByStage, true));
        figures.add(educationShare(now));
        figures.add(educationShareRises(now, before));
        figures.add(teacherPay(now));
        for (String stage : stages(now)) {
            figures.add(perStudent("funding.per_student.expenditure." + stage.toLowerCase(),
                    "生均一般公共预算教育支出（" + stageName(stage) + "）", now, FundingYear::expenditureByStage, stage));
            figures.add(perStudent("funding.per_student.public_funds." + stage.toLowerCase(),
                    "生均公用经费（" + stageName(stage) + "）", now, FundingYear::publicFundsByStage, stage));
        }
        return figures;
    }

    /** The amounts behind the rules, for the report's funding table (yuan; absent when not recorded). */
    public static List<Figure> amounts(FundingYear y) {
        List<Figure> figures = new ArrayList<>();
        figures.add(amount("funding.amount.appropriation", "政府教育拨款", y.appropriation(), "政府教育拨款类科目贷方净额", y));
        figures.add(amount("funding.amount.education_expenditure", "一般公共预算教育支出", y.educationExpenditure(),
                "教育支出类科目借方净额合计", y));
        figures.add(amount("funding.amount.regular_fiscal_revenue", "财政经常性收入", y.regularFiscalRevenue(),
                "财政背景数据", y));
        figures.add(amount("funding.amount.general_public_budget_expenditure", "一般公共预算支出",
                y.generalPublicBudgetExpenditure(), "财政背景数据", y));
        return figures;
    }

    private static Figure amount(String key, String label, BigDecimal value, String formula, FundingYear y) {
        return value == null
                ? Figure.absent(key, label, YUAN, formula, y.year() + "年无" + label + "记录")
                : Figure.present(key, label, value, YUAN, formula, List.of(), y.sources());
    }

    /**
     * Money of a year booked so far, as a labelled part year ("2019年1—6月"): education expenditure in
     * total and per stage. These figures are quoted, never compared with a full year.
     */
    public static List<Figure> yearToDate(FundingInputs.YearToDate y) {
        Period period = Period.fiscalYearToDate(y.year(), y.through());
        String formula = "截至" + y.through().getMonthValue() + "月" + y.through().getDayOfMonth()
                + "日已记账的教育支出类科目借方净额（" + y.postings() + "笔凭证）";
        List<Figure.Source> sources = List.of(new Figure.Source("funding-service", "postings",
                "through " + y.through()));
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.present("funding.year_to_date.education_expenditure",
                period.label() + "一般公共预算教育支出", y.expenditure(), YUAN, formula, List.of(), sources).in(period));
        y.expenditureByStage().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> stageOrder(e.getKey())))
                .forEach(e -> figures.add(Figure.present(
                        "funding.year_to_date.expenditure." + e.getKey().toLowerCase(Locale.ROOT),
                        period.label() + stageName(e.getKey()) + "教育支出", e.getValue(), YUAN, formula, List.of(),
                        sources).in(period)));
        return figures;
    }

    /**
     * The numbers behind a rule's outcome in the report's words, e.g. "2017年6200.00元，2018年6100.00元，
     * 下降1.61%"; the absent reason when it could not be decided.
     */
    public static String evidence(Figure f) {
        if (!f.isPresent()) {
            return f.absentReason();
        }
        List<Figure.Input> in = f.inputs();
        String key = f.key();
        if (in.size() < 2) {
            return f.formula(); // a rule without its numbers: its formula says what it checks
        }
        if (key.equals("funding.three_growths.appropriation_vs_revenue")) {
            return "教育拨款" + change(in.get(0).value()) + "，财政经常性收入" + change(in.get(1).value());
        }
        if (key.equals("funding.never_decrease.general_budget_education_expenditure") && in.size() == 3) {
            return years(in.get(0).name()) + wan(in.get(0).value()) + "，" + years(in.get(1).name())
                    + wan(in.get(1).value()) + "，" + change(in.get(2).value());
        }
        if (key.equals("funding.education_share.rises")) {
            return years(in.get(0).name()) + pct(in.get(0).value()) + "，" + years(in.get(1).name()) + pct(in.get(1).value());
        }
        if (key.equals("funding.teacher_pay.not_below_civil_servants")) {
            return "教师平均工资" + yuan(in.get(0).value()) + "，公务员平均工资" + yuan(in.get(1).value());
        }
        if (in.size() == 3 && in.get(0).name().endsWith("年生均（元）")) {
            // one stage of a per-stage rule: before, now, growth
            return years(in.get(0).name()) + yuan(in.get(0).value()) + "，" + years(in.get(1).name())
                    + yuan(in.get(1).value()) + (in.get(2).value() == null ? "" : "，" + change(in.get(2).value()));
        }
        if (key.startsWith("funding.three_growths.per_student") || key.startsWith("funding.never_decrease.per_student")) {
            return "分学段结果见下";
        }
        return f.formula();
    }

    /** The years prefix of an input name: "2018年教育支出（元）" → "2018年". */
    private static String years(String inputName) {
        int at = inputName.indexOf('年');
        return at < 0 ? "" : inputName.substring(0, at + 1);
    }

    private static String change(BigDecimal percent) {
        if (percent == null) {
            return "无法计算增幅";
        }
        int sign = percent.signum();
        return sign == 0 ? "持平" : (sign > 0 ? "增长" : "下降") + percent.abs().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String yuan(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元";
    }

    private static String wan(BigDecimal yuan) {
        return Wording.wan(yuan) + "万元";
    }

    private static String pct(BigDecimal value) {
        return Wording.percent(value);
    }

    /** The per-stage figure key of a per-stage rule: {@code <rule>.<stage in lower case>}. */
    public static String stageKey(String ruleKey, String stage) {
        return ruleKey + "." + stage.toLowerCase(Locale.ROOT);
    }

    /** A stage's Chinese name (学前教育, 小学, ...); the code itself if unknown. */
    static String stageName(String stage) {
        try {
            return Stage.valueOf(stage).label();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }

    /** Percent growth from {@code before} to {@code now}, two decimals half up; null without a base. */
    static BigDecimal growth(BigDecimal before, BigDecimal now) {
        if (before == null || now == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 2, RoundingMode.HALF_UP);
    }

    /** Yuan per student, two decimals half up. */
    static BigDecimal perStudent(BigDecimal amount, long students) {
        return amount.divide(BigDecimal.valueOf(students), 2, RoundingMode.HALF_UP);
    }

    private static Figure appropriationVsRevenue(FundingYear now, FundingYear before) {
        String key = "funding.three_growths.appropriation_vs_revenue";
        String formula = "政府教育拨款增长率 > 财政经常性收入增长率";
        BigDecimal appropriation = growth(before.appropriation(), now.appropriation());
        BigDecimal revenue = growth(before.regularFiscalRevenue(), now.regularFiscalRevenue());
        if (appropriation == null || revenue == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula, appropriation == null
                    ? missing("政府教育拨款", now, before, FundingYear::appropriation)
                    : missing("财政经常性收入", now, before, FundingYear::regularFiscalRevenue));
        }
        return Figure.present(key, label(key), bool(appropriation.compareTo(revenue) > 0), BOOLEAN, formula,
                List.of(new Figure.Input("教育拨款增长率（%）", appropriation),
                        new Figure.Input("财政经常性收入增长率（%）", revenue),
                        new Figure.Input(before.year() + "年教育拨款（元）", before.appropriation()),
                        new Figure.Input(now.year() + "年教育拨款（元）", now.appropriation())),
                sources(now, before));
    }

    private static Figure neverDecrease(FundingYear now, FundingYear before) {
        String key = "funding.never_decrease.general_budget_education_expenditure";
        String formula = "本年一般公共预算教育支出 ≥ 上年";
        if (now.educationExpenditure() == null || before.educationExpenditure() == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula,
                    missing("一般公共预算教育支出", now, before, FundingYear::educationExpenditure));
        }
        return Figure.present(key, label(key), bool(now.educationExpenditure().compareTo(before.educationExpenditure()) >= 0),
                BOOLEAN, formula, List.of(new Figure.Input(before.year() + "年教育支出（元）", before.educationExpenditure()),
                        new Figure.Input(now.year() + "年教育支出（元）", now.educationExpenditure()),
                        new Figure.Input("增长率（%）", growth(before.educationExpenditure(), now.educationExpenditure()))),
                sources(now, before));
    }

    /**
     * A per-stage rule: for every stage with students and amounts in both years, per-student
     * amount now > before (strict, 三个增长) or ≥ before (only-increase, 两个只增不减); one figure per
     * stage, then the rule, which holds when every compared stage holds.
     */
    private static List<Figure> perStudentRule(String key, FundingYear now, FundingYear before,
            Function<FundingYear, Map<String, BigDecimal>> amounts, boolean orEqual) {
        String formula = orEqual ? "各学段本年生均额 ≥ 上年" : "各学段本年生均额 > 上年";
        List<Figure> stages = new ArrayList<>();
        List<Figure.Input> inputs = new ArrayList<>();
        boolean holds = true;
        int compared = 0;
        for (String stage : stages(now, before)) {
            String stageKey = stageKey(key, stage);
            String stageLabel = label(key) + "（" + stageName(stage) + "）";
            String stageFormula = (orEqual ? "本年生均额 ≥ 上年" : "本年生均额 > 上年") + "（" + stageName(stage) + "）";
            BigDecimal a = amount(amounts.apply(now), stage);
            BigDecimal b = amount(amounts.apply(before), stage);
            long sa = students(now, stage);
            long sb = students(before, stage);
            if (a == null && b == null) {
                continue; // nothing booked for the stage in either year: the rule does not apply to it
            }
            if (a == null || b == null || sa == 0 || sb == 0) {
                stages.add(Figure.absent(stageKey, stageLabel, BOOLEAN, stageFormula,
                        stageMissing(stage, now, before, amounts)));
                continue;
            }
            BigDecimal perNow = perStudent(a, sa);
            BigDecimal perBefore = perStudent(b, sb);
            int c = perNow.compareTo(perBefore);
            boolean stageHolds = orEqual ? c >= 0 : c > 0;
            List<Figure.Input> stageInputs = List.of(
                    new Figure.Input(before.year() + "年生均（元）", perBefore),
                    new Figure.Input(now.year() + "年生均（元）", perNow),
                    new Figure.Input("增长率（%）", growth(perBefore, perNow)));
            stages.add(Figure.present(stageKey, stageLabel, bool(stageHolds), BOOLEAN, stageFormula, stageInputs,
                    sources(now, before)));
            inputs.add(new Figure.Input(stageName(stage) + before.year() + "年生均（元）", perBefore));
            inputs.add(new Figure.Input(stageName(stage) + now.year() + "年生均（元）", perNow));
            holds &= stageHolds;
            compared++;
        }
        Figure rule = compared == 0
                ? Figure.absent(key, label(key), BOOLEAN, formula, "没有学段在" + before.year() + "年和" + now.year()
                        + "年均有经费和在校生数据，无法比较")
                : Figure.present(key, label(key), bool(holds), BOOLEAN, formula, inputs, sources(now, before));
        List<Figure> figures = new ArrayList<>();
        figures.add(rule);
        figures.addAll(stages);
        return figures;
    }

    /** Why a stage cannot be compared: which of amounts and students is missing in which year. */
    private static String stageMissing(String stage, FundingYear now, FundingYear before,
            Function<FundingYear, Map<String, BigDecimal>> amounts) {
        List<String> gaps = new ArrayList<>();
        for (FundingYear y : List.of(before, now)) {
            List<String> what = new ArrayList<>();
            if (amount(amounts.apply(y), stage) == null) {
                what.add("经费");
            }
            if (students(y, stage) == 0) {
                what.add("在校生");
            }
            if (!what.isEmpty()) {
                gaps.add(y.year() + "年无" + stageName(stage) + String.join("和", what) + "数据");
            }
        }
        return String.join("，", gaps) + "，无法比较";
    }

    private static Figure educationShare(FundingYear now) {
        String key = "funding.education_share";
        String formula = "一般公共预算教育支出 ÷ 一般公共预算支出";
        BigDecimal share = share(now);
        if (share == null) {
            return Figure.absent(key, label(key), PERCENT, formula, now.year() + "年无"
                    + (now.educationExpenditure() == null ? "一般公共预算教育支出" : "一般公共预算支出") + "数据");
        }
        return Figure.present(key, label(key), share, PERCENT, formula,
                List.of(new Figure.Input("教育支出（元）", now.educationExpenditure()),
                        new Figure.Input("一般公共预算支出（元）", now.generalPublicBudgetExpenditure())),
                now.sources());
    }

    private static Figure educationShareRises(FundingYear now, FundingYear before) {
        String key = "funding.education_share.rises";
        String formula = "本年教育支出占比 > 上年";
        BigDecimal a = share(now);
        BigDecimal b = share(before);
        if (a == null || b == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula,
                    missing("教育支出占一般公共预算支出比例", now, before, FundingRules::share));
        }
        return Figure.present(key, label(key), bool(a.compareTo(b) > 0), BOOLEAN, formula,
                List.of(new Figure.Input(before.year() + "年占比（%）", b), new Figure.Input(now.year() + "年占比（%）", a)),
                sources(now, before));
    }

    private static Figure teacherPay(FundingYear now) {
        String key = "funding.teacher_pay.not_below_civil_servants";
        String formula = "教师平均工资 ≥ 当地公务员平均工资";
        if (now.averageTeacherPay() == null || now.averageCivilServantPay() == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula, now.year() + "年无"
                    + (now.averageTeacherPay() == null ? "教师平均工资" : "公务员平均工资") + "数据");
        }
        return Figure.present(key, label(key), bool(now.averageTeacherPay().compareTo(now.averageCivilServantPay()) >= 0),
                BOOLEAN, formula, List.of(new Figure.Input("教师平均工资（元）", now.averageTeacherPay()),
                        new Figure.Input("公务员平均工资（元）", now.averageCivilServantPay())),
                now.sources());
    }

    private static Figure perStudent(String key, String label, FundingYear now,
            Function<FundingYear, Map<String, BigDecimal>> amounts, String stage) {
        String formula = "该学段金额 ÷ 该学段在校生数";
        BigDecimal amount = amount(amounts.apply(now), stage);
        long students = students(now, stage);
        if (amount == null || students == 0) {
            return Figure.absent(key, label, YUAN, formula, now.year() + "年无" + stageName(stage)
                    + (amount == null ? "经费" : "在校生") + "数据");
        }
        return Figure.present(key, label, perStudent(amount, students), YUAN, formula,
                List.of(new Figure.Input("金额（元）", amount), new Figure.Input("在校生数", BigDecimal.valueOf(students))),
                now.sources());
    }

    static BigDecimal share(FundingYear y) {
        if (y.educationExpenditure() == null || y.generalPublicBudgetExpenditure() == null
                || y.generalPublicBudgetExpenditure().signum() == 0) {
            return null;
        }
        return y.educationExpenditure().multiply(BigDecimal.valueOf(100))
                .divide(y.generalPublicBudgetExpenditure(), 2, RoundingMode.HALF_UP);
    }

    /** The stages with students or amounts in any of the years, in the order of {@link cn.eduduty.formulas.registry.Stage}. */
    private static TreeSet<String> stages(FundingYear... years) {
        TreeSet<String> stages = new TreeSet<>(Comparator.comparingInt(FundingRules::stageOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (FundingYear y : years) {
            if (y.students() != null) {
                stages.addAll(y.students().keySet());
            }
            if (y.expenditureByStage() != null) {
                stages.addAll(y.expenditureByStage().keySet());
            }
        }
        return stages;
    }

    private static int stageOrder(String stage) {
        try {
            return Stage.valueOf(stage).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static BigDecimal amount(Map<String, BigDecimal> amounts, String stage) {
        return amounts == null ? null : amounts.get(stage);
    }

    private static long students(FundingYear y, String stage) {
        return y.students() == null ? 0 : y.students().getOrDefault(stage, 0L);
    }

    private static BigDecimal bool(boolean holds) {
        return holds ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static String label(String key) {
        return MetricCatalogue.find(key).map(m -> m.label()).orElse(key);
    }

    /** 2017年、2018年无政府教育拨款数据 — naming only the years that lack it. */
    private static String missing(String what, FundingYear now, FundingYear before,
            Function<FundingYear, BigDecimal> value) {
        List<String> years = new ArrayList<>();
        for (FundingYear y : List.of(before, now)) {
            if (value.apply(y) == null) {
                years.add(y.year() + "年");
            }
        }
        return String.join("、", years) + "无" + what + "数据，无法比较";
    }

    private static List<Figure.Source> sources(FundingYear now, FundingYear before) {
        List<Figure.Source> sources = new ArrayList<>(before.sources() == null ? List.of() : before.sources());
        sources.addAll(now.sources() == null ? List.of() : now.sources());
        return sources;
    }
}
