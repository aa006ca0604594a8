package cn.eduduty.report.checks.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.report.checks.narrative.StatedFigure.Verdict;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.ReportPeriods;

/** The stated-figure check over a whole book: statements per indicator, the summary, the messages. */
class NarrativeChecksTest {

    private static Figure figure(String key, String label, String value, String unit) {
        return Figure.present(key, label, new BigDecimal(value), unit, "f", List.of(), List.of());
    }

    private static FigureEngine.Book book(String narrative1, String narrative2, String problem2) {
        List<IndicatorSnapshot> tree = List.of(new IndicatorSnapshot("4", 1, "发展", "c", 1, null),
                new IndicatorSnapshot("4.2", 2, "义务教育", "c", 1, null),
                new IndicatorSnapshot("4.2.3", 3, "大班额", "c", 1, null),
                new IndicatorSnapshot("4.2.4", 3, "巩固", "c", 2, null));
        Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
        ratings.put("4.2.3", new Evaluation.Rated("4.2.3", "FULLY", narrative1, null, null, List.of()));
        ratings.put("4.2.4", new Evaluation.Rated("4.2.4", "BASICALLY", narrative2, problem2, null, List.of()));
        Evaluation evaluation = new Evaluation(UUID.randomUUID(), UUID.randomUUID(), "F", "框架", "督导室", "APPROVED", 3,
                tree, ratings);
        List<Figure> registry = List.of(
                figure("registry.compulsory.large_class_share", "义务教育大班额比例", "0.41", "PERCENT"),
                figure("registry.compulsory.large_classes", "义务教育大班额班数", "5", "COUNT"),
                figure("registry.junior.consolidation_rate", "初中巩固率", "98.13", "PERCENT"));
        return new FigureEngine.Book("990101", 2019,
                new ReportPeriods(2019, 2019, false, 2018, 2019, 2018), Optional.of(evaluation),
                List.of(), List.of(new FigureEngine.YearFigures(2019, registry, List.of())), List.of(), List.of(),
                List.of(), Map.of(), Map.of(), List.of());
    }

    @Test
    void checksEveryNarrativeAndProblemInFrameworkOrderAndSumsThemUp() {
        FigureEngine.Book book = book("全县义务教育学校现有56人以上班额5个，占比0.52%。",
                "初中巩固率达98%以上，2018年大班额7个。", "投入资金480万元。");
        List<NarrativeChecks.Statement> statements = NarrativeChecks.statements(book);
        assertThat(statements).extracting(NarrativeChecks.Statement::indicatorCode, s -> s.figure().verdict())
                .containsExactly(
                        Tuple.tuple("4.2.3", Verdict.MATCH),
                        Tuple.tuple("4.2.3", Verdict.MISMATCH),
                        Tuple.tuple("4.2.4", Verdict.MATCH),
                        Tuple.tuple("4.2.4", Verdict.NO_DATA),
                        Tuple.tuple("4.2.4", Verdict.UNATTRIBUTED));
        NarrativeChecks.Summary summary = NarrativeChecks.summary(statements);
        assertThat(summary).isEqualTo(new NarrativeChecks.Summary(3, 1, 2));
        assertThat(summary.sentence()).isEqualTo("3处数据已自动核对，其中1处与系统数据不一致，2处未能自动核对");
        assertThat(summary.consistent()).isFalse();
        assertThat(NarrativeChecks.checks(statements)).extracting(c -> c.code(), c -> c.subject(), c -> c.message())
                .containsExactly(Tuple.tuple("narrative-figure-mismatch", "4.2.3",
                        "指标4.2.3的叙述“全县义务教育学校现有56人以上班额5个，占比0.52%”与系统数据不一致：文中为0.52%，"
                                + "义务教育大班额比例计算值为0.41%"));
    }

    @Test
    void aSummaryCertifiesOnlyWhenEverythingWasCheckedAndAgrees() {
        assertThat(NarrativeChecks.summary(NarrativeChecks.statements(book("大班额5个。", "初中巩固率98.13%。", null))))
                .satisfies(s -> assertThat(s.consistent()).isTrue())
                .isEqualTo(new NarrativeChecks.Summary(2, 0, 0));
        assertThat(NarrativeChecks.summary(NarrativeChecks.statements(book(null, null, null))))
                .isEqualTo(new NarrativeChecks.Summary(0, 0, 0));
    }

    @Test
    void aLongSentenceIsQuotedAroundItsNumber() {
        String sentence = "近年来，县委县政府高度重视义务教育均衡发展，多措并举化解大班额问题，新建改扩建校舍多处，增加学位数千个，"
                + "通过挖潜扩容、分流学生等方式，全县义务教育学校大班额比例降至0.52%";
        StatedFigure f = NarrativeChecker.check(sentence + "。",
                List.of(figure("registry.compulsory.large_class_share", "义务教育大班额比例", "0.41", "PERCENT"))).get(0);
        assertThat(f.verdict()).isEqualTo(Verdict.MISMATCH);
        String quote = NarrativeChecks.quote(f);
        assertThat(quote).startsWith("……").endsWith("大班额比例降至0.52%").hasSizeLessThanOrEqualTo(NarrativeChecks.QUOTE + 2);
    }

    @Test
    void anEmptyOrMissingTextStatesNothing() {
        assertThat(NarrativeChecker.check(null, List.of())).isEmpty();
        assertThat(NarrativeChecker.check("  ", List.of())).isEmpty();
        assertThat(NarrativeChecker.check("全面消除大班额。", List.of())).isEmpty();
    }
}
