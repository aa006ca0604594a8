package cn.eduduty.indicator.selfevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.indicator.selfevaluation.api.ImprovementMeasure;
import cn.eduduty.indicator.selfevaluation.api.NotablePractice;
import cn.eduduty.runtime.problem.Problem.Violation;

class SigningRulesTest {

    private static final Set<String> THIRD_LEVEL = Set.of("1.1.1", "4.1.1", "4.1.2", "4.1.3");
    private static final Map<String, SigningRules.Rated> RATINGS = Map.of(
            "1.1.1", new SigningRules.Rated(Rating.FULLY, "党组织建设扎实。"),
            "4.1.1", new SigningRules.Rated(Rating.BASICALLY, "毛入园率达到87.5%。"),
            "4.1.2", new SigningRules.Rated(Rating.NOT_APPLICABLE, ""),
            "4.1.3", new SigningRules.Rated(Rating.FULLY, " "));

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    private static List<Violation> references(LocalDate date, List<NotablePractice> practices,
            List<ImprovementMeasure> measures) {
        return SigningRules.references("", 2025, date, practices, measures, THIRD_LEVEL, RATINGS);
    }

    @Test
    void aPracticeNamesExactlyOneOfAnIndicatorAndItsOwnText() {
        List<Violation> violations = SigningRules.shape(List.of(new NotablePractice("甲", "1.1.1", null),
                new NotablePractice("乙", null, "自己的文字"), new NotablePractice("丙", "1.1.1", "两者都有"),
                new NotablePractice("丁", null, null)), List.of());
        assertThat(fields(violations)).containsExactly("notablePractices[2]", "notablePractices[3]");
    }

    @Test
    void aMeasureAnswersOneProblemAtMost() {
        List<Violation> violations = SigningRules.shape(List.of(), List.of(
                new ImprovementMeasure("措施", null, null, null),
                new ImprovementMeasure("措施", "4.1.1", null, null),
                new ImprovementMeasure("措施", null, "funding-rule-failed", "funding.education_share.rises"),
                new ImprovementMeasure("措施", null, "funding-rule-failed", null),
                new ImprovementMeasure("措施", "4.1.1", "funding-rule-failed", null),
                new ImprovementMeasure("措施", null, null, "funding.education_share.rises")));
        assertThat(fields(violations)).containsExactly("improvementMeasures[4]", "improvementMeasures[5].checkSubject");
    }

    @Test
    void theSigningDateLiesInTheEvaluationYearOrTheNext() {
        assertThat(references(LocalDate.of(2025, 10, 20), List.of(), List.of())).isEmpty();
        assertThat(references(LocalDate.of(2026, 3, 1), List.of(), List.of())).isEmpty();
        assertThat(references(null, List.of(), List.of())).isEmpty();
        assertThat(fields(references(LocalDate.of(2024, 12, 31), List.of(), List.of()))).containsExactly("signingDate");
        assertThat(fields(references(LocalDate.of(2027, 1, 1), List.of(), List.of()))).containsExactly("signingDate");
    }

    @Test
    void aPracticeUsesTheNarrativeOfAThirdLevelIndicatorRatedOnce() {
        List<Violation> violations = references(null, List.of(
                new NotablePractice("可用", "1.1.1", null),
                new NotablePractice("基本落实也可", "4.1.1", null),
                new NotablePractice("不存在", "9.9.9", null),
                new NotablePractice("非三级", "4.1", null),
                new NotablePractice("不适用", "4.1.2", null),
                new NotablePractice("无叙述", "4.1.3", null),
                new NotablePractice("重复", "1.1.1", null),
                new NotablePractice("自己的文字", null, "文字")), List.of());
        assertThat(fields(violations)).containsExactly("notablePractices[2].indicatorCode",
                "notablePractices[3].indicatorCode", "notablePractices[4].indicatorCode",
                "notablePractices[5].indicatorCode", "notablePractices[6].indicatorCode");
        assertThat(violations.get(4).message()).contains("已用于前面的经典做法");
    }

    @Test
    void anUnratedIndicatorHasNoNarrativeToUse() {
        List<Violation> violations = SigningRules.references("signing.", 2025, null,
                List.of(new NotablePractice("未评", "1.1.1", null)), List.of(), THIRD_LEVEL, Map.of());
        assertThat(fields(violations)).containsExactly("signing.notablePractices[0].indicatorCode");
        assertThat(violations.get(0).message()).contains("尚未评价");
    }

    @Test
    void aMeasureTiedToAnIndicatorAnswersAWeakRating() {
        List<Violation> violations = references(null, List.of(), List.of(
                new ImprovementMeasure("答基本落实", "4.1.1", null, null),
                new ImprovementMeasure("答完全落实", "1.1.1", null, null),
                new ImprovementMeasure("答不适用", "4.1.2", null, null),
                new ImprovementMeasure("答不存在", "9.9.9", null, null),
                new ImprovementMeasure("答检查", null, "funding-rule-failed", null),
                new ImprovementMeasure("自由文字", null, null, null)));
        assertThat(fields(violations)).containsExactly("improvementMeasures[1].indicatorCode",
                "improvementMeasures[2].indicatorCode", "improvementMeasures[3].indicatorCode");
        assertThat(violations.get(0).message()).contains("评为完全落实");
    }
}
