package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.eduduty.contracts.metric.MetricCatalogue;

/**
 * The funding figures and rules a report checks (../shared/domain.md §3), for a year against the
 * year before: 三个增长, 两个只增不减, the education share, teacher pay against civil servants, and
 * per-student expenditure and public funds per stage (ledger totals ÷ registry students). Pure:
 * every figure names its inputs; a rule whose inputs are missing is absent with the reason.
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
        figures.add(perStudentRule("funding.three_growths.per_student_expenditure", now, before,
                FundingYear::expenditureByStage, false));
        figures.add(perStudentRule("funding.three_growths.per_student_public_funds", now, before,
                FundingYear::publicFundsByStage, false));
        figures.add(neverDecrease(now, before));
        figures.add(perStudentRule("funding.never_decrease.per_student_general_budget_expenditure", now, before,
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
        figures.add(amount("funding.amount.appropriation", "政府教育拨款", y.appropriation(), "APPROPRIATION 类科目贷方净额", y));
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
                ? Figure.absent(key, label, YUAN, formula, "nothing recorded for " + y.year())
                : Figure.present(key, label, value, YUAN, formula, List.of(), y.sources());
    }

    /** A stage's Chinese name (学前教育, 小学, ...); the code itself if unknown. */
    static String stageName(String stage) {
        try {
            return cn.eduduty.formulas.registry.Stage.valueOf(stage).label();
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
            return Figure.absent(key, label(key), BOOLEAN, formula, missing(appropriation == null
                    ? "government education appropriation" : "regular fiscal revenue", now.year(), before.year()));
        }
        return Figure.present(key, label(key), bool(appropriation.compareTo(revenue) > 0), BOOLEAN, formula,
                List.of(new Figure.Input("教育拨款增长率 %", appropriation), new Figure.Input("财政经常性收入增长率 %", revenue),
                        new Figure.Input("教育拨款 " + now.year(), now.appropriation()),
                        new Figure.Input("教育拨款 " + before.year(), before.appropriation())),
                sources(now, before));
    }

    private static Figure neverDecrease(FundingYear now, FundingYear before) {
        String key = "funding.never_decrease.general_budget_education_expenditure";
        String formula = "本年一般公共预算教育支出 ≥ 上年";
        if (now.educationExpenditure() == null || before.educationExpenditure() == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula,
                    missing("general public budget education expenditure", now.year(), before.year()));
        }
        return Figure.present(key, label(key), bool(now.educationExpenditure().compareTo(before.educationExpenditure()) >= 0),
                BOOLEAN, formula, List.of(new Figure.Input("教育支出 " + now.year(), now.educationExpenditure()),
                        new Figure.Input("教育支出 " + before.year(), before.educationExpenditure()),
                        new Figure.Input("增长率 %", growth(before.educationExpenditure(), now.educationExpenditure()))),
                sources(now, before));
    }

    /**
     * A per-stage rule: for every stage with students and amounts in both years, per-student
     * amount now > before (strict, 三个增长) or ≥ before (only-increase, 两个只增不减).
     */
    private static Figure perStudentRule(String key, FundingYear now, FundingYear before,
            java.util.function.Function<FundingYear, Map<String, BigDecimal>> amounts, boolean orEqual) {
        String formula = orEqual ? "各学段本年生均额 ≥ 上年" : "各学段本年生均额 > 上年";
        List<Figure.Input> inputs = new ArrayList<>();
        boolean holds = true;
        int compared = 0;
        for (String stage : stages(now)) {
            BigDecimal a = amount(amounts.apply(now), stage);
            BigDecimal b = amount(amounts.apply(before), stage);
            long sa = students(now, stage);
            long sb = students(before, stage);
            if (a == null || b == null || sa == 0 || sb == 0) {
                continue;
            }
            BigDecimal perNow = perStudent(a, sa);
            BigDecimal perBefore = perStudent(b, sb);
            inputs.add(new Figure.Input(stage + " " + now.year(), perNow));
            inputs.add(new Figure.Input(stage + " " + before.year(), perBefore));
            int c = perNow.compareTo(perBefore);
            holds &= orEqual ? c >= 0 : c > 0;
            compared++;
        }
        if (compared == 0) {
            return Figure.absent(key, label(key), BOOLEAN, formula,
                    "no stage has both amounts and students in " + before.year() + " and " + now.year());
        }
        return Figure.present(key, label(key), bool(holds), BOOLEAN, formula, inputs, sources(now, before));
    }

    private static Figure educationShare(FundingYear now) {
        String key = "funding.education_share";
        String formula = "一般公共预算教育支出 ÷ 一般公共预算支出";
        BigDecimal share = share(now);
        if (share == null) {
            return Figure.absent(key, label(key), PERCENT, formula, missing("general public budget expenditure or education expenditure", now.year(), now.year()));
        }
        return Figure.present(key, label(key), share, PERCENT, formula,
                List.of(new Figure.Input("教育支出", now.educationExpenditure()),
                        new Figure.Input("一般公共预算支出", now.generalPublicBudgetExpenditure())),
                now.sources());
    }

    private static Figure educationShareRises(FundingYear now, FundingYear before) {
        String key = "funding.education_share.rises";
        String formula = "本年教育支出占比 > 上年";
        BigDecimal a = share(now);
        BigDecimal b = share(before);
        if (a == null || b == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula,
                    missing("education share", now.year(), before.year()));
        }
        return Figure.present(key, label(key), bool(a.compareTo(b) > 0), BOOLEAN, formula,
                List.of(new Figure.Input("占比 " + now.year() + " %", a), new Figure.Input("占比 " + before.year() + " %", b)),
                sources(now, before));
    }

    private static Figure teacherPay(FundingYear now) {
        String key = "funding.teacher_pay.not_below_civil_servants";
        String formula = "教师平均工资 ≥ 当地公务员平均工资";
        if (now.averageTeacherPay() == null || now.averageCivilServantPay() == null) {
            return Figure.absent(key, label(key), BOOLEAN, formula, missing("average teacher or civil-servant pay",
                    now.year(), now.year()));
        }
        return Figure.present(key, label(key), bool(now.averageTeacherPay().compareTo(now.averageCivilServantPay()) >= 0),
                BOOLEAN, formula, List.of(new Figure.Input("教师平均工资", now.averageTeacherPay()),
                        new Figure.Input("公务员平均工资", now.averageCivilServantPay())),
                now.sources());
    }

    private static Figure perStudent(String key, String label, FundingYear now,
            java.util.function.Function<FundingYear, Map<String, BigDecimal>> amounts, String stage) {
        String formula = "该学段金额 ÷ 该学段在校生数";
        BigDecimal amount = amount(amounts.apply(now), stage);
        long students = students(now, stage);
        if (amount == null || students == 0) {
            return Figure.absent(key, label, YUAN, formula, amount == null ? "no amount booked for " + stage + " in "
                    + now.year() : "no " + stage + " students recorded for " + now.year());
        }
        return Figure.present(key, label, perStudent(amount, students), YUAN, formula,
                List.of(new Figure.Input("金额", amount), new Figure.Input("在校生数", BigDecimal.valueOf(students))),
                now.sources());
    }

    private static BigDecimal share(FundingYear y) {
        if (y.educationExpenditure() == null || y.generalPublicBudgetExpenditure() == null
                || y.generalPublicBudgetExpenditure().signum() == 0) {
            return null;
        }
        return y.educationExpenditure().multiply(BigDecimal.valueOf(100))
                .divide(y.generalPublicBudgetExpenditure(), 2, RoundingMode.HALF_UP);
    }

    private static TreeSet<String> stages(FundingYear y) {
        TreeSet<String> stages = new TreeSet<>();
        if (y.students() != null) {
            stages.addAll(y.students().keySet());
        }
        if (y.expenditureByStage() != null) {
            stages.addAll(y.expenditureByStage().keySet());
        }
        return stages;
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

    private static String missing(String what, int now, int before) {
        return now == before ? "no " + what + " for " + now : "no " + what + " for " + before + " and " + now;
    }

    private static List<Figure.Source> sources(FundingYear now, FundingYear before) {
        List<Figure.Source> sources = new ArrayList<>(before.sources() == null ? List.of() : before.sources());
        sources.addAll(now.sources() == null ? List.of() : now.sources());
        return sources;
    }
}
