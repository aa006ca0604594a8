package cn.eduduty.report.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FundingRulesTest {

    static BigDecimal y(String yuan) {
        return new BigDecimal(yuan);
    }

    /** 2024 and 2025 of a county, figures chosen so each rule's outcome is known by hand. */
    static FundingYear year2024() {
        return new FundingYear(2024, y("100000000"), y("200000000"),
                Map.of("PRIMARY", y("60000000"), "JUNIOR", y("40000000")),
                Map.of("PRIMARY", y("6500000"), "JUNIOR", y("4250000")),
                Map.of("PRIMARY", 10_000L, "JUNIOR", 5_000L),
                y("500000000"), y("1000000000"), y("96000"), y("95000"),
                List.of(new Figure.Source("funding-service", "posting", "p-2024")));
    }

    static FundingYear year2025() {
        return new FundingYear(2025, y("108000000"), y("198000000"),
                Map.of("PRIMARY", y("61000000"), "JUNIOR", y("39000000")),
                Map.of("PRIMARY", y("7000000"), "JUNIOR", y("4500000")),
                Map.of("PRIMARY", 10_000L, "JUNIOR", 5_000L),
                y("530000000"), y("1100000000"), y("98650"), y("97200"),
                List.of(new Figure.Source("funding-service", "posting", "p-2025")));
    }

    static Map<String, Figure> byKey(List<Figure> figures) {
        return figures.stream().collect(Collectors.toMap(Figure::key, Function.identity()));
    }

    @Test
    void appropriationGrowingFasterThanRevenueHolds() {
        // appropriation 100 → 108 million: 8.00 %; revenue 500 → 530 million: 6.00 %
        Figure f = byKey(FundingRules.compute(year2025(), year2024())).get("funding.three_growths.appropriation_vs_revenue");
        assertThat(f.holds()).isTrue();
        assertThat(f.inputs()).extracting(Figure.Input::value).startsWith(y("8.00"), y("6.00"));
        assertThat(f.sources()).extracting(Figure.Source::id).containsExactly("p-2024", "p-2025");
        assertThat(f.label()).isEqualTo("教育拨款增长高于财政经常性收入增长");
    }

    @Test
    void educationExpenditureFallingBreaksNeverDecrease() {
        // 200 → 198 million: −1.00 %
        Figure f = byKey(FundingRules.compute(year2025(), year2024()))
                .get("funding.never_decrease.general_budget_education_expenditure");
        assertThat(f.holds()).isFalse();
        assertThat(f.inputs()).extracting(Figure.Input::value).contains(y("-1.00"));
    }

    @Test
    void oneStageFallingBreaksThePerStudentExpenditureRules() {
        // primary 6000.00 → 6100.00 per student, junior 8000.00 → 7800.00
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), year2024()));
        assertThat(figures.get("funding.three_growths.per_student_expenditure").holds()).isFalse();
        assertThat(figures.get("funding.never_decrease.per_student_general_budget_expenditure").holds()).isFalse();
        assertThat(figures.get("funding.three_growths.per_student_expenditure").inputs()).extracting(Figure.Input::value)
                .contains(y("6100.00"), y("6000.00"), y("7800.00"), y("8000.00"));
    }

    @Test
    void aPerStageRuleCarriesOneOutcomePerStageWithItsFigures() {
        // expenditure: primary 6000.00 → 6100.00 (+1.67 %) holds, junior 8000.00 → 7800.00 (−2.50 %) fails
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), year2024()));
        Figure primary = figures.get("funding.three_growths.per_student_expenditure.primary");
        Figure junior = figures.get("funding.three_growths.per_student_expenditure.junior");
        assertThat(primary.holds()).isTrue();
        assertThat(primary.label()).isEqualTo("生均教育费用逐步增长（小学）");
        assertThat(primary.inputs()).extracting(Figure.Input::value).containsExactly(y("6000.00"), y("6100.00"), y("1.67"));
        assertThat(junior.holds()).isFalse();
        assertThat(FundingRules.evidence(junior)).isEqualTo("2024年8000.00元，2025年7800.00元，下降2.50%");
        assertThat(figures.get("funding.three_growths.per_student_expenditure").holds()).isFalse();
        // the stages come in the order of the stages of education, after their rule
        List<String> keys = FundingRules.compute(year2025(), year2024()).stream().map(Figure::key)
                .filter(k -> k.startsWith("funding.three_growths.per_student_expenditure")).toList();
        assertThat(keys).containsExactly("funding.three_growths.per_student_expenditure",
                "funding.three_growths.per_student_expenditure.primary",
                "funding.three_growths.per_student_expenditure.junior");
    }

    @Test
    void rulesExplainTheirNumbersInWords() {
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), year2024()));
        assertThat(FundingRules.evidence(figures.get("funding.three_growths.appropriation_vs_revenue")))
                .isEqualTo("教育拨款增长8.00%，财政经常性收入增长6.00%");
        assertThat(FundingRules.evidence(figures.get("funding.never_decrease.general_budget_education_expenditure")))
                .isEqualTo("2024年20000万元，2025年19800万元，下降1.00%");
        assertThat(FundingRules.evidence(figures.get("funding.education_share.rises")))
                .isEqualTo("2024年20.00%，2025年18.00%");
    }

    @Test
    void moneyOfTheYearSoFarIsAPartYearPerStage() {
        List<Figure> figures = FundingRules.yearToDate(new FundingInputs.YearToDate(2025,
                LocalDate.of(2025, 6, 20), y("3500000"), Map.of("JUNIOR", y("1000000"), "PRIMARY", y("2500000")), 12));
        assertThat(figures).extracting(Figure::label).containsExactly("2025年1—6月一般公共预算教育支出",
                "2025年1—6月小学教育支出", "2025年1—6月初中教育支出");
        assertThat(figures).allSatisfy(f -> assertThat(f.period().kind()).isEqualTo(Period.Kind.FISCAL_YEAR_TO_DATE));
        assertThat(figures).noneMatch(f -> "BOOLEAN".equals(f.unit()));
    }

    @Test
    void publicFundsGrowingInEveryStageHolds() {
        // primary 650.00 → 700.00, junior 850.00 → 900.00
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), year2024()));
        assertThat(figures.get("funding.three_growths.per_student_public_funds").holds()).isTrue();
        assertThat(figures.get("funding.per_student.public_funds.junior").value()).isEqualTo(y("900.00"));
        assertThat(figures.get("funding.per_student.expenditure.primary").value()).isEqualTo(y("6100.00"));
    }

    @Test
    void educationShareIsComputedAndItsFallBreaksTheRule() {
        // 2024: 200 / 1000 = 20.00 %; 2025: 198 / 1100 = 18.00 %
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), year2024()));
        assertThat(figures.get("funding.education_share").value()).isEqualTo(y("18.00"));
        assertThat(figures.get("funding.education_share.rises").holds()).isFalse();
    }

    @Test
    void teacherPayNotBelowCivilServantsHolds() {
        assertThat(byKey(FundingRules.compute(year2025(), year2024())).get("funding.teacher_pay.not_below_civil_servants")
                .holds()).isTrue();
    }

    @Test
    void equalPerStudentAmountsPassOnlyTheNeverDecreaseRule() {
        FundingYear flat = new FundingYear(2025, y("100000000"), y("200000000"),
                Map.of("PRIMARY", y("60000000"), "JUNIOR", y("40000000")),
                Map.of("PRIMARY", y("6500000"), "JUNIOR", y("4250000")),
                Map.of("PRIMARY", 10_000L, "JUNIOR", 5_000L), y("500000000"), y("1000000000"), null, null, List.of());
        Map<String, Figure> figures = byKey(FundingRules.compute(flat, year2024()));
        assertThat(figures.get("funding.never_decrease.per_student_general_budget_expenditure").holds()).isTrue();
        assertThat(figures.get("funding.three_growths.per_student_expenditure").holds()).isFalse();
        assertThat(figures.get("funding.never_decrease.general_budget_education_expenditure").holds()).isTrue();
        assertThat(figures.get("funding.teacher_pay.not_below_civil_servants").isPresent()).isFalse();
    }

    @Test
    void missingInputsMakeFiguresAbsentWithAReasonNotZero() {
        FundingYear empty = new FundingYear(2024, null, null, Map.of(), Map.of(), Map.of(), null, null, null, null, List.of());
        Map<String, Figure> figures = byKey(FundingRules.compute(year2025(), empty));
        assertThat(figures.get("funding.three_growths.appropriation_vs_revenue").absentReason())
                .isEqualTo("2024年无政府教育拨款数据，无法比较");
        assertThat(figures.get("funding.three_growths.per_student_public_funds.primary").absentReason())
                .isEqualTo("2024年无小学经费和在校生数据，无法比较");
        assertThat(figures.get("funding.three_growths.per_student_public_funds").absentReason())
                .isEqualTo("没有学段在2024年和2025年均有经费和在校生数据，无法比较");
        assertThat(figures.values()).allSatisfy(f -> assertThat(f.absentReason() == null ? "" : f.absentReason())
                .as(f.key()).doesNotContainPattern("[A-Za-z]"));
        assertThat(figures.get("funding.three_growths.per_student_public_funds").isPresent()).isFalse();
        assertThat(figures.get("funding.education_share.rises").isPresent()).isFalse();
        assertThat(figures.get("funding.education_share").isPresent()).isTrue();
    }

    @Test
    void perStudentAmountsRoundHalfUpToFen() {
        assertThat(FundingRules.perStudent(y("1000"), 3)).isEqualTo(y("333.33"));
        assertThat(FundingRules.perStudent(y("1001"), 8)).isEqualTo(y("125.13"));
        assertThat(FundingRules.growth(y("3"), y("4"))).isEqualTo(y("33.33"));
        assertThat(FundingRules.growth(y("0"), y("4"))).isNull();
    }
}
