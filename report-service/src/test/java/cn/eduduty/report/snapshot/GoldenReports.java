package cn.eduduty.report.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.ConsistencyChecks;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.figures.RatingFigures;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.runtime.inbox.Inbox;

/**
 * A small fixed book for golden-file tests, built without the database: a county with two areas
 * and four third-level indicators (完全落实 with a misstated number, 基本落实 with a problem and a
 * measure, 尚未落实 bound to a failing rule, 不适用) and one left unrated; three years of registry and
 * funding figures with an absent value, a failed and an undecidable rule, a part year of money; a
 * fixed clock and fixed read positions. The county, prefecture and province reports composed from
 * it are what {@code ReportComposerGoldenTest} and the renderer goldens compare.
 */
public final class GoldenReports {

    public static final String COUNTY = "990101";
    public static final String OTHER_COUNTY = "990102";
    public static final String PREFECTURE = "990100";
    public static final String PROVINCE = "990000";
    public static final Instant GENERATED_AT = Instant.parse("2019-10-15T02:00:00Z");
    public static final String GENERATED_BY = "golden-test";

    private static final UUID EVALUATION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID FRAMEWORK = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final Instant EVENT_TIME = Instant.parse("2019-10-14T08:30:00Z");

    private GoldenReports() {
    }

    /** The county's report, composed as the generator composes it. */
    public static ReportContent county() {
        FigureEngine.Book book = countyBook(COUNTY, true);
        List<NarrativeChecks.Statement> stated = NarrativeChecks.statements(book);
        List<Check> checks = ConsistencyChecks.run(book, stated);
        return ReportComposer.county(book, checks, stated, "测试县", "FINAL", GENERATED_AT, GENERATED_BY, countySignature());
    }

    /** The same county's report as a draft, without the county's own practices. */
    public static ReportContent countyDraft() {
        FigureEngine.Book book = countyBook(COUNTY, true);
        List<NarrativeChecks.Statement> stated = NarrativeChecks.statements(book);
        List<Check> checks = ConsistencyChecks.run(book, stated);
        return ReportComposer.county(book, checks, stated, "测试县", "DRAFT", GENERATED_AT, GENERATED_BY,
                new ReportComposer.Signature("测试县人民政府", LocalDate.of(2019, 10, 15), List.of(), List.of(),
                        List.of("practices", "measures")));
    }

    /** The prefecture's roll-up over the county and a second county without a self-evaluation. */
    public static ReportContent prefecture() {
        FigureEngine.Book book = countyBook(PREFECTURE, false);
        return ReportComposer.prefecture(book, List.of(), "测试市", counties(), "FINAL", GENERATED_AT, GENERATED_BY,
                rollUpSignature("测试市人民政府"));
    }

    /** The province's roll-up: one prefecture line, then its counties. */
    public static ReportContent province() {
        FigureEngine.Book book = countyBook(PROVINCE, false);
        ReportContent.CountyRow line = ReportComposer.countyRow(countyBook(PREFECTURE, false), List.of(), "测试市");
        List<ReportContent.CountyRow> counties = counties();
        ReportContent.CountyRow prefecture = new ReportContent.CountyRow(line.regionCode(), line.regionName(), null,
                line.figures(), counties.stream().mapToInt(ReportContent.CountyRow::checksFailed).sum());
        return ReportComposer.province(book, List.of(), "测试省", List.of(prefecture), counties, "DRAFT", GENERATED_AT,
                GENERATED_BY, rollUpSignature("测试省人民政府"));
    }

    private static List<ReportContent.CountyRow> counties() {
        FigureEngine.Book county = countyBook(COUNTY, true);
        FigureEngine.Book other = countyBook(OTHER_COUNTY, false);
        return List.of(ReportComposer.countyRow(county, ConsistencyChecks.run(county), "测试县"),
                ReportComposer.countyRow(other, ConsistencyChecks.run(other), "山区县"));
    }

    private static ReportComposer.Signature countySignature() {
        return new ReportComposer.Signature("测试县人民政府", LocalDate.of(2019, 10, 15),
                List.of("（一）集团化办学促进城乡均衡。以城区优质学校为龙头组建5个教育集团。"),
                List.of("小学巩固率：加强控辍保学，落实联控联保责任"), List.of());
    }

    private static ReportComposer.Signature rollUpSignature(String authority) {
        return new ReportComposer.Signature(authority, LocalDate.of(2019, 10, 20), List.of(), List.of(),
                List.of("date"));
    }

    /** The book of {@code region}: the same figures everywhere, the self-evaluation only where asked. */
    static FigureEngine.Book countyBook(String region, boolean evaluated) {
        ReportPeriods periods = new ReportPeriods(2019, 2019, false, 2018, 2019, 2018);
        Optional<Evaluation> evaluation = evaluated ? Optional.of(evaluation(region)) : Optional.empty();
        List<Figure> ratings = evaluation.map(RatingFigures::compute).orElse(List.of()).stream()
                .map(f -> f.withProvenance(List.of(), "indicator.events 0:42").in(Period.evaluationYear(2019))).toList();
        List<FigureEngine.YearFigures> years = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            years.add(new FigureEngine.YearFigures(2019 - step, registry(region, step), funding(region, step)));
        }
        List<Figure> yearToDate = List.of(
                money("funding.year_to_date.general_budget_education_expenditure", "2019年1—6月一般公共预算教育支出",
                        "5120300.50", region, 2019).in(Period.fiscalYearToDate(2019, LocalDate.of(2019, 6, 30))),
                money("funding.year_to_date.primary", "2019年1—6月小学教育支出", "2011000", region, 2019)
                        .in(Period.fiscalYearToDate(2019, LocalDate.of(2019, 6, 30))));
        List<Inbox.Position> positions = List.of(
                new Inbox.Position(Topics.REGISTRY, 0, 1284, EVENT_TIME, EVENT_TIME),
                new Inbox.Position(Topics.FUNDING, 0, 97, EVENT_TIME.minusSeconds(3600), EVENT_TIME),
                new Inbox.Position(Topics.INDICATOR, 0, 42, null, EVENT_TIME));
        return new FigureEngine.Book(region, 2019, periods, evaluation, ratings, years, yearToDate,
                evaluated ? List.of("99010109") : List.of(), List.of(), Map.of(2019, 60, 2018, 59, 2017, 58),
                Map.of(2018, 120L, 2017, 110L, 2016, 101L), positions);
    }

    private static Evaluation evaluation(String region) {
        List<IndicatorSnapshot> tree = List.of(
                new IndicatorSnapshot("1", 1, "教育公平与质量", "c", 1, null),
                new IndicatorSnapshot("1.1", 2, "义务教育", "c", 1, null),
                new IndicatorSnapshot("1.1.1", 3, "义务教育大班额", "消除大班额", 1, new IndicatorSnapshot.Metric(
                        "registry.compulsory.large_class_share", "LE", new BigDecimal("5"), "PERCENT")),
                new IndicatorSnapshot("1.1.2", 3, "小学巩固率", "控辍保学", 2, new IndicatorSnapshot.Metric(
                        "registry.primary.consolidation_rate", "GE", new BigDecimal("99"), "PERCENT")),
                new IndicatorSnapshot("2", 1, "教育投入保障", "c", 2, null),
                new IndicatorSnapshot("2.1", 2, "经费投入", "c", 1, null),
                new IndicatorSnapshot("2.1.1", 3, "教师工资不低于公务员", "工资", 1, new IndicatorSnapshot.Metric(
                        "funding.teacher_pay.not_below_civil_servants", "EQ", BigDecimal.ONE, "BOOLEAN")),
                new IndicatorSnapshot("2.1.2", 3, "教育费附加", "足额征收", 2, null),
                new IndicatorSnapshot("2.1.3", 3, "校外培训机构治理", "治理", 3, null));
        Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
        ratings.put("1.1.1", new Evaluation.Rated("1.1.1", "FULLY",
                "通过新建、改扩建学校，全县义务教育大班额比例降至2.50%，低于5%的标准", null, null,
                List.of(new RatingRecorded.Evidence("学校名录", null, "registry.schools.total"))));
        ratings.put("1.1.2", new Evaluation.Rated("1.1.2", "BASICALLY", "小学巩固率为98.20%。", "个别乡村学校学生流失",
                "加强控辍保学", List.of()));
        ratings.put("2.1.1", new Evaluation.Rated("2.1.1", "NOT", "", "教师平均工资低于公务员平均工资。", null, List.of()));
        ratings.put("2.1.2", new Evaluation.Rated("2.1.2", "NOT_APPLICABLE", "本县不征收教育费附加。", null, null,
                List.of()));
        return new Evaluation(EVALUATION, FRAMEWORK, "GOLDEN-2019", "县级人民政府履行教育职责评价指标体系", "测试省教育督导委员会",
                "APPROVED", 7, tree, ratings);
    }

    private static List<Figure> registry(String region, int step) {
        int schoolYear = 2019 - step;
        int completed = 2018 - step;
        List<Figure> figures = new ArrayList<>();
        figures.add(count("registry.schools.total", "学校总数", 60 - step, "schools", region, schoolYear)
                .in(Period.schoolYear(schoolYear)));
        figures.add(count("registry.students.primary", "小学在校生数", 8120 - 35 * step, "school-years", region, schoolYear)
                .in(Period.schoolYear(schoolYear)));
        Figure large = step == 2
                ? Figure.absent("registry.compulsory.large_class_share", "义务教育大班额比例", "PERCENT",
                        "56人及以上班级数 ÷ 义务教育班级总数 × 100%", "尚未录入" + Period.schoolYearLabel(schoolYear) + "班级数据")
                : percent("registry.compulsory.large_class_share", "义务教育大班额比例", step == 0 ? "2.83" : "3.10",
                        region, schoolYear);
        figures.add(large.withProvenance(List.of(), "registry.events 0:1284").in(Period.schoolYear(schoolYear)));
        figures.add(percent("registry.primary.consolidation_rate", "小学巩固率", new String[] { "98.20", "97.90", "97.50" }[step],
                region, completed).in(Period.completedSchoolYear(completed)));
        figures.add(count("registry.entrance.general_entrants", "普通高中招生数", 800 - 20 * step, "county-facts", region,
                2019 - step).in(Period.entrance(2019 - step)));
        figures.add(count("registry.recruitment.teachers", "补充教师数", step == 2 ? 0 : 30 - 5 * step, "county-facts",
                region, 2019 - step).in(Period.calendarYear(2019 - step)));
        return figures;
    }

    private static List<Figure> funding(String region, int step) {
        int fiscal = 2018 - step;
        List<Figure.Source> postings = List.of(new Figure.Source("funding-service", "postings", region + "/" + fiscal));
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.present("funding.never_decrease.general_budget_education_expenditure",
                "一般公共预算教育支出逐年只增不减", BigDecimal.ONE, "BOOLEAN", "本年一般公共预算教育支出 ≥ 上年", List.of(), postings));
        figures.add(Figure.present("funding.teacher_pay.not_below_civil_servants", "教师平均工资收入水平不低于当地公务员",
                BigDecimal.ZERO, "BOOLEAN", "教师平均工资 ≥ 公务员平均工资", List.of(),
                List.of(new Figure.Source("funding-service", "fiscal-context", region + "/" + fiscal))));
        figures.add(Figure.absent("funding.education_surcharge.collected", "教育费附加足额征收并用于教育", "BOOLEAN",
                "教育费附加征收额 = 应征额", "尚未录入" + fiscal + "年度教育费附加征收数据，无法判断"));
        figures.add(money("funding.amount.appropriation", "教育拨款", new String[] { "9900145", "9556032", "9100000" }[step],
                region, fiscal));
        figures.add(Figure.present("funding.education_share", "教育支出占一般公共预算支出比例",
                new BigDecimal(new String[] { "21.30", "20.95", "20.10" }[step]), "PERCENT",
                fiscal + "年；教育支出 ÷ 一般公共预算支出 × 100%", List.of(),
                List.of(new Figure.Source("funding-service", "fiscal-context", region + "/" + fiscal))));
        figures.replaceAll(f -> f.withProvenance(List.of(), "funding.events 0:97").in(Period.fiscalYear(fiscal)));
        return figures;
    }

    private static Figure count(String key, String label, int value, String entity, String region, int year) {
        return Figure.present(key, label, BigDecimal.valueOf(value), "COUNT", label + "（" + year + "）", List.of(),
                List.of(new Figure.Source("school-registry-service", entity, region + "/" + year)))
                .withProvenance(List.of(), "registry.events 0:1284");
    }

    private static Figure percent(String key, String label, String value, String region, int year) {
        return Figure.present(key, label, new BigDecimal(value), "PERCENT", "分子 ÷ 分母 × 100%",
                List.of(new Figure.Input("numerator", new BigDecimal("283")), new Figure.Input("denominator",
                        new BigDecimal("10000"))),
                List.of(new Figure.Source("school-registry-service", "school-years", region + "/" + year)))
                .withProvenance(List.of(), "registry.events 0:1284");
    }

    private static Figure money(String key, String label, String yuan, String region, int year) {
        return Figure.present(key, label, new BigDecimal(yuan), "YUAN", "按功能科目汇总的记账凭证金额", List.of(),
                List.of(new Figure.Source("funding-service", "postings", region + "/" + year)))
                .withProvenance(List.of(), "funding.events 0:97");
    }
}
