package cn.eduduty.report.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.ReportPeriods;

/** Each check fires on a crafted case and stays silent on the clean one. */
class ConsistencyChecksTest {

    private static Figure percent(String key, String label, String value) {
        return Figure.present(key, label, new BigDecimal(value), "PERCENT", "f", List.of(), List.of());
    }

    private static Figure rule(String key, boolean holds) {
        return Figure.present(key, key, holds ? BigDecimal.ONE : BigDecimal.ZERO, "BOOLEAN", "rule", List.of(), List.of());
    }

    /** A clean county: rules hold, FULLY 1.1.1 meets its bound metric, the narrative states it correctly. */
    private static final class Case {
        final List<Figure> registry = new ArrayList<>(List.of(
                percent("registry.compulsory.large_class_share", "义务教育大班额比例", "3.25"),
                percent("registry.primary.consolidation_rate", "小学巩固率", "99.10")));
        final List<Figure> funding = new ArrayList<>(List.of(rule("funding.education_share.rises", true)));
        String rating = "FULLY";
        String narrative = "大班额比例持续下降，义务教育大班额比例为3.25%，低于标准。";
        String problem;
        String status = "APPROVED";
        boolean rated = true;
        List<String> closed = List.of();

        List<Check> run() {
            List<IndicatorSnapshot> tree = List.of(new IndicatorSnapshot("1", 1, "条件", "c", 1, null),
                    new IndicatorSnapshot("1.1", 2, "办学", "c", 1, null),
                    new IndicatorSnapshot("1.1.1", 3, "大班额", "c", 1, new IndicatorSnapshot.Metric(
                            "registry.compulsory.large_class_share", "LE", new BigDecimal("5"), "PERCENT")));
            Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
            if (rated) {
                ratings.put("1.1.1", new Evaluation.Rated("1.1.1", rating, narrative, problem, null, List.of()));
            }
            Evaluation evaluation = new Evaluation(UUID.randomUUID(), UUID.randomUUID(), "F", "框架", "督导室", status, 3,
                    tree, ratings);
            FigureEngine.Book book = new FigureEngine.Book("990101", 2025,
                    new ReportPeriods(2025, 2025, false, 2024, 2025, 2024), Optional.of(evaluation),
                    List.of(), List.of(new FigureEngine.YearFigures(2025, registry, funding)), List.of(), closed, List.of(), Map.of(),
                    Map.of(), List.of());
            return ConsistencyChecks.run(book);
        }
    }

    @Test
    void aCleanCountyRaisesNothing() {
        assertThat(new Case().run()).isEmpty();
    }

    @Test
    void aFailedFundingRuleIsAnError() {
        Case c = new Case();
        c.funding.set(0, rule("funding.education_share.rises", false));
        assertThat(c.run()).extracting(Check::code, Check::severity, Check::subject)
                .containsExactly(Tuple.tuple("funding-rule-failed", Check.Severity.ERROR,
                        "funding.education_share.rises"));
    }

    @Test
    void anUncomputableRuleIsNotReportedAsFailed() {
        Case c = new Case();
        c.funding.set(0, Figure.absent("funding.education_share.rises", "x", "BOOLEAN", "rule", "no fiscal context"));
        assertThat(c.run()).isEmpty();
    }

    @Test
    void fullyWhileTheMetricMissesItsThresholdIsAnError() {
        Case c = new Case();
        c.registry.set(0, percent("registry.compulsory.large_class_share", "义务教育大班额比例", "5.01"));
        c.narrative = "全面消除大班额。";
        assertThat(c.run()).extracting(Check::code, Check::severity).containsExactly(
                Tuple.tuple("rating-contradicts-metric", Check.Severity.ERROR));
        // on the threshold itself (≤ 5) it is met
        c.registry.set(0, percent("registry.compulsory.large_class_share", "义务教育大班额比例", "5.00"));
        assertThat(c.run()).isEmpty();
    }

    @Test
    void notWhileTheMetricPassesIsAWarning() {
        Case c = new Case();
        c.rating = "NOT";
        c.narrative = "仍有大班额。";
        assertThat(c.run()).extracting(Check::code, Check::severity).containsExactly(
                Tuple.tuple("rating-contradicts-metric", Check.Severity.WARNING));
    }

    @Test
    void aStatedShareThatDisagreesAtItsPrecisionIsAnErrorQuotingTheSentence() {
        Case c = new Case();
        c.narrative = "义务教育大班额比例为3.5%。";
        assertThat(c.run()).extracting(Check::code, Check::severity, Check::subject).containsExactly(
                Tuple.tuple("narrative-figure-mismatch", Check.Severity.ERROR, "1.1.1"));
        // 3.25 rounds to 3.3 at one decimal: stated as 3.3% it agrees
        c.narrative = "义务教育大班额比例为3.3%。";
        assertThat(c.run()).isEmpty();
        // a share of something the system does not compute is not compared (it is counted as unchecked)
        c.narrative = "义务教育大班额比例逐年下降，全县共有学校一百二十所，其中农村学校占比达到了61%。";
        assertThat(c.run()).isEmpty();
        // everyday words count as well as labels
        c.registry.set(1, percent("registry.primary.consolidation_rate", "小学阶段巩固率", "99.10"));
        c.narrative = "小学六年巩固率98.00%。";
        assertThat(c.run()).extracting(Check::code, Check::message).containsExactly(Tuple.tuple(
                "narrative-figure-mismatch",
                "指标1.1.1的叙述“小学六年巩固率98.00%”与系统数据不一致：文中为98.00%，小学阶段巩固率计算值为99.10%"));
    }

    @Test
    void theIssuesSentenceIsFlaggedForItsShareAndNotForItsCount() {
        Case c = new Case();
        c.registry.set(0, percent("registry.compulsory.large_class_share", "义务教育大班额比例", "0.41"));
        c.registry.add(Figure.present("registry.compulsory.large_classes", "义务教育大班额班数", new BigDecimal("5"),
                "COUNT", "f", List.of(), List.of()));
        c.narrative = "全县义务教育学校现有56人以上班额5个，占比0.52%。";
        assertThat(c.run()).extracting(Check::message).containsExactly(
                "指标1.1.1的叙述“全县义务教育学校现有56人以上班额5个，占比0.52%”与系统数据不一致：文中为0.52%，"
                        + "义务教育大班额比例计算值为0.41%");
        c.narrative = "全县义务教育学校现有56人以上班额6个，占比0.41%。";
        assertThat(c.run()).extracting(Check::message).containsExactly(
                "指标1.1.1的叙述“全县义务教育学校现有56人以上班额6个，占比0.41%”与系统数据不一致：文中为6个，"
                        + "义务教育大班额班数计算值为5个");
    }

    @Test
    void aLongerNameIsNotReadAsTheShorterOneInsideIt() {
        Case c = new Case();
        c.registry.add(percent("registry.compulsory.super_large_class_share", "义务教育超大班额比例", "0.00"));
        c.narrative = "义务教育超大班额比例为0.00%，大班额比例为3.25%。";
        assertThat(c.run()).isEmpty();
        c.narrative = "义务教育超大班额比例为0.00%，大班额比例为4%。";
        assertThat(c.run()).extracting(Check::message).containsExactly(
                "指标1.1.1的叙述“义务教育超大班额比例为0.00%，大班额比例为4%”与系统数据不一致：文中为4%，义务教育大班额比例计算值为3.25%");
    }

    @Test
    void aProblemTextIsCheckedLikeTheNarrative() {
        Case c = new Case();
        c.rating = "BASICALLY";
        c.problem = "仍有大班额，大班额比例为5%。";
        assertThat(c.run()).extracting(Check::code).containsExactly("narrative-figure-mismatch");
    }

    @Test
    void registryAnomaliesAreReported() {
        Case c = new Case();
        c.registry.set(1, percent("registry.primary.consolidation_rate", "小学巩固率", "101.20"));
        c.closed = List.of("3199010104");
        assertThat(c.run()).extracting(Check::code, Check::subject).containsExactly(
                Tuple.tuple("consolidation-above-100", "registry.primary.consolidation_rate"),
                Tuple.tuple("closed-school-with-students", "3199010104"));
    }

    @Test
    void anIncompleteOrUnapprovedEvaluationIsReported() {
        Case c = new Case();
        c.rated = false;
        c.status = "SUBMITTED";
        assertThat(c.run()).extracting(Check::code).containsExactly("evaluation-not-approved", "indicator-not-rated");
        // the report's reader sees the status in Chinese, not the API's code
        assertThat(c.run().get(0).message()).isEqualTo("自评尚未经市级审核通过（当前状态：已提交）");
    }
}
