package cn.eduduty.report.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;

class CountyFactFiguresTest {

    private static final String COUNTY = "990101";

    static SeniorEntranceRecorded entrance(String county, int year, Integer examTakers, int general, int vocIn, int vocOut) {
        return new SeniorEntranceRecorded(county, year, 3120, examTakers, general, vocIn, vocOut, 1650, 0);
    }

    static TeacherRecruitmentRecorded recruitment(String county, int year, int recruited, int rural) {
        return new TeacherRecruitmentRecorded(county, year, recruited, rural, 0);
    }

    static TrainingInstitutionsRecorded training(String county, int year, List<TrainingInstitutionsRecorded.Kind> kinds) {
        return new TrainingInstitutionsRecorded(county, year, kinds, 24, null, 0);
    }

    static CountyFacts county(List<SeniorEntranceRecorded> e, List<TeacherRecruitmentRecorded> r,
            List<TrainingInstitutionsRecorded> t) {
        return CountyFacts.of(COUNTY, List.of(COUNTY), e, r, t);
    }

    static Map<String, Figure> byKey(List<Figure> figures) {
        return figures.stream().collect(Collectors.toMap(Figure::key, f -> f));
    }

    static SchoolYear school(String code, int year, int generalEntrants, int vocationalEntrants) {
        return new SchoolYear(code, year, List.of(new ClassRoom(Stage.SENIOR, 10, 50, true)),
                List.of(new Flow(Stage.SENIOR, 10, generalEntrants, 0, 0, 0, 0),
                        new Flow(Stage.VOCATIONAL, 10, vocationalEntrants, 0, 0, 0, 0)),
                null, null);
    }

    @Test
    void theRecordedEntranceGivesThePuZhiRatioWithOutOfCountyVocationalEntrants() {
        CountyFacts facts = county(List.of(entrance(COUNTY, 2025, 3050, 1620, 780, 410)), List.of(), List.of());
        // the schools' flows would say 1620 : 780; the county's own record adds the 410 outside the county
        Map<String, Figure> f = byKey(CountyFactFigures.compute(facts, 2025, 2025, List.of(school("3499010101", 2025, 1620, 780))));

        Figure ratio = f.get(CountyFactFigures.RATIO_KEY);
        assertThat(ratio.value()).isEqualByComparingTo("1.36"); // 1620 ÷ 1190
        assertThat(ratio.unit()).isEqualTo("RATIO");
        assertThat(ratio.formula()).contains("县级填报").contains("2025年秋季").contains("县外");
        assertThat(ratio.inputs()).extracting(Figure.Input::name)
                .containsExactly("普通高中招生数", "县内中职学校招生数", "县外中职学校招生数");
        assertThat(ratio.sources()).containsExactly(new Figure.Source("school-registry-service", "senior-entrance", "990101/2025"));
        Figure share = f.get(CountyFactFigures.SHARE_KEY);
        assertThat(share.value()).isEqualByComparingTo("42.35"); // 1190 × 100 ÷ 2810
        assertThat(share.label()).isEqualTo(MetricCatalogue.find(CountyFactFigures.SHARE_KEY).orElseThrow().label());

        assertThat(f.get("registry.entrance.exam_takers").value()).isEqualByComparingTo("3050");
        assertThat(f.get("registry.entrance.vocational_entrants").value()).isEqualByComparingTo("1190");
        assertThat(f.get("registry.entrance.vocational_entrants_out_of_county").value()).isEqualByComparingTo("410");
        assertThat(f.get("registry.entrance.general_enrolment_plan").value()).isEqualByComparingTo("1650");
        assertThat(f.get("registry.entrance.general_entrants").label()).isEqualTo("普通高中招生数");
    }

    @Test
    void withoutARecordedEntranceTheRatioFallsBackToTheSchoolsGradeTenFlowsAndSaysSo() {
        CountyFacts facts = county(List.of(entrance(COUNTY, 2024, null, 1, 1, 1)), List.of(), List.of());
        Map<String, Figure> f = byKey(CountyFactFigures.compute(facts, 2025, 2025,
                List.of(school("3499010101", 2025, 600, 300), school("3699010102", 2025, 0, 100),
                        school("3499010101", 2024, 9999, 1))));

        Figure ratio = f.get(CountyFactFigures.RATIO_KEY);
        assertThat(ratio.value()).isEqualByComparingTo("1.50"); // 600 : 400, the 2024 school year left out
        assertThat(ratio.formula()).contains("2所学校2025学年高一招生数").contains("未录入2025年秋季高中阶段招生数据");
        assertThat(ratio.sources()).extracting(Figure.Source::entity).containsExactly("school-years");
        assertThat(f.get(CountyFactFigures.SHARE_KEY).value()).isEqualByComparingTo("40.00");
        assertThat(f.get("registry.entrance.exam_takers").isPresent()).isFalse();
        assertThat(f.get("registry.entrance.exam_takers").absentReason()).isEqualTo("未录入2025年秋季高中阶段招生数据");
    }

    @Test
    void withNeitherSourceOrNoVocationalEntrantsTheRatioIsAbsentInChinese() {
        CountyFacts none = county(List.of(), List.of(), List.of());
        Figure ratio = byKey(CountyFactFigures.compute(none, 2025, 2025)).get(CountyFactFigures.RATIO_KEY);
        assertThat(ratio.isPresent()).isFalse();
        assertThat(ratio.absentReason()).isEqualTo("未录入2025年秋季高中阶段招生数据；各校2025学年数据也未录入");

        CountyFacts noVocational = county(List.of(entrance(COUNTY, 2025, 10, 500, 0, 0)), List.of(), List.of());
        Map<String, Figure> f = byKey(CountyFactFigures.compute(noVocational, 2025, 2025));
        assertThat(f.get(CountyFactFigures.RATIO_KEY).absentReason()).isEqualTo("2025年秋季中职学校招生数为0，无法计算普职比");
        assertThat(f.get(CountyFactFigures.SHARE_KEY).value()).isEqualByComparingTo("0.00");
    }

    @Test
    void optionalEntranceCountsAreAbsentWhenNotRecorded() {
        CountyFacts facts = county(List.of(new SeniorEntranceRecorded(COUNTY, 2025, null, null, 100, 50, 10, null, 0)),
                List.of(), List.of());
        Map<String, Figure> f = byKey(CountyFactFigures.compute(facts, 2025, 2025));
        assertThat(f.get("registry.entrance.exam_takers").absentReason()).isEqualTo("2025年秋季未录入中考人数");
        assertThat(f.get("registry.entrance.general_enrolment_plan").absentReason())
                .isEqualTo("2025年秋季未录入普通高中招生计划（指标数）");
        assertThat(f.get("registry.entrance.general_entrants").value()).isEqualByComparingTo("100");
    }

    @Test
    void recruitmentOfTheYearAndCumulativeOverAPeriodLabelledWithIt() {
        CountyFacts facts = county(List.of(), List.of(recruitment(COUNTY, 2017, 120, 80), recruitment(COUNTY, 2018, 95, 70),
                recruitment(COUNTY, 2019, 126, 88)), List.of());
        Map<String, Figure> f = byKey(CountyFactFigures.compute(facts, 2019, 2019));
        assertThat(f.get("registry.recruitment.teachers").value()).isEqualByComparingTo("126");
        assertThat(f.get("registry.recruitment.rural_teachers").value()).isEqualByComparingTo("88");

        Figure cumulative = CountyFactFigures.cumulative(facts, 2017, 2019);
        assertThat(cumulative.key()).isEqualTo("registry.recruitment.teachers_cumulative");
        assertThat(cumulative.label()).isEqualTo("2017年以来累计补充教师数");
        assertThat(cumulative.value()).isEqualByComparingTo("341");
        assertThat(cumulative.inputs()).extracting(Figure.Input::name)
                .containsExactly("2017年补充教师数", "2018年补充教师数", "2019年补充教师数");
        assertThat(cumulative.formula()).isEqualTo("2017年至2019年各年补充教师数之和（逐年县级填报，累计数计算得出）");
        assertThat(cumulative.sources()).hasSize(3);
        assertThat(CountyFactFigures.ruralCumulative(facts, 2018, 2019).value()).isEqualByComparingTo("158");
        assertThat(CountyFactFigures.ruralCumulative(facts, 2018, 2019).label()).isEqualTo("2018年以来累计补充农村学校教师数");
    }

    @Test
    void aCumulativeWithAMissingYearIsAbsentNamingTheYearsNeverASumOfSome() {
        CountyFacts facts = county(List.of(), List.of(recruitment(COUNTY, 2017, 120, 80), recruitment(COUNTY, 2019, 126, 88)),
                List.of());
        Figure cumulative = CountyFactFigures.cumulative(facts, 2016, 2019);
        assertThat(cumulative.isPresent()).isFalse();
        assertThat(cumulative.absentReason()).isEqualTo("2016年、2018年补充教师数据未录入，不计算累计数");
        assertThat(byKey(CountyFactFigures.compute(facts, 2018, 2018)).get("registry.recruitment.teachers").absentReason())
                .isEqualTo("未录入2018年补充教师数据");
        assertThatThrownBy(() -> CountyFactFigures.cumulative(facts, 2020, 2019)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingInstitutionsByKindWithTheirGovernanceCounts() {
        CountyFacts facts = county(List.of(), List.of(), List.of(training(COUNTY, 2021, List.of(
                new TrainingInstitutionsRecorded.Kind("SUBJECT", 40, 6, 0, 12, 34),
                new TrainingInstitutionsRecorded.Kind("ARTS", 18, 21, 4, 2, 1),
                new TrainingInstitutionsRecorded.Kind("SPORTS", 5, 7, 2, 0, 0)))));
        Map<String, Figure> f = byKey(CountyFactFigures.compute(facts, 2021, 2021));
        assertThat(f.get("registry.training.institutions").value()).isEqualByComparingTo("34");
        assertThat(f.get("registry.training.institutions").formula()).contains("计入：学科类、艺术类、体育类");
        assertThat(f.get("registry.training.institutions.subject").value()).isEqualByComparingTo("6");
        assertThat(f.get("registry.training.institutions.subject").inputs()).extracting(Figure.Input::name)
                .containsExactly("年初机构数", "审批登记", "整改", "取缔关停");
        assertThat(f.get("registry.training.institutions.science").absentReason()).isEqualTo("2021年未录入科技类校外培训机构数据");
        assertThat(f.get("registry.training.subject_reduction_rate").value()).isEqualByComparingTo("85.00"); // 34 ÷ 40
        assertThat(f.get("registry.training.approved").value()).isEqualByComparingTo("6");
        assertThat(f.get("registry.training.rectified").value()).isEqualByComparingTo("14");
        assertThat(f.get("registry.training.closed").value()).isEqualByComparingTo("35");
        assertThat(f.get("registry.training.inspections").value()).isEqualByComparingTo("24");
        assertThat(f.get("registry.training.complaints_handled").absentReason()).isEqualTo("2021年未录入校外培训投诉举报办结数");
        assertThat(f.get("registry.training.closed").label()).isEqualTo("取缔关停校外培训机构数");
    }

    @Test
    void everyFigureIsCataloguedAndEveryWordOfItIsChinese() {
        CountyFacts empty = county(List.of(), List.of(), List.of());
        CountyFacts full = county(List.of(entrance(COUNTY, 2025, 3050, 1620, 780, 410)),
                List.of(recruitment(COUNTY, 2025, 10, 5)), List.of(training(COUNTY, 2025, List.of(
                        new TrainingInstitutionsRecorded.Kind("OTHER", 0, 1, 1, 0, 0)))));
        for (CountyFacts facts : List.of(empty, full)) {
            List<Figure> figures = CountyFactFigures.compute(facts, 2025, 2025);
            assertThat(figures).hasSize(9 + 2 + 12);
            for (Figure figure : figures) {
                String words = figure.label() + figure.formula() + (figure.absentReason() == null ? "" : figure.absentReason())
                        + figure.inputs().stream().map(Figure.Input::name).collect(Collectors.joining());
                assertThat(words).as(figure.key()).doesNotContainPattern("[A-Za-z]");
                if (!figure.key().equals(CountyFactFigures.RATIO_KEY)) {
                    assertThat(MetricCatalogue.contains(figure.key())).as(figure.key()).isTrue();
                }
                assertThat(figure.isPresent() || figure.absentReason() != null).isTrue();
            }
        }
        assertThat(byKey(CountyFactFigures.compute(full, 2025, 2025)).get("registry.training.subject_reduction_rate")
                .absentReason()).isEqualTo("2025年未录入学科类校外培训机构数据");
    }

    @Test
    void aRegionOfSeveralCountiesSumsOnlyYearsEveryCountyRecorded() {
        CountyFacts prefecture = CountyFacts.of("990100", List.of("990101", "990102"),
                List.of(entrance("990101", 2025, 3000, 1000, 500, 100), entrance("990102", 2025, null, 400, 200, 100)),
                List.of(recruitment("990101", 2024, 10, 5)), List.of());
        Map<String, Figure> f = byKey(CountyFactFigures.compute(prefecture, 2025, 2024));
        assertThat(f.get(CountyFactFigures.RATIO_KEY).value()).isEqualByComparingTo("1.56"); // 1400 : 900
        assertThat(f.get(CountyFactFigures.RATIO_KEY).sources()).hasSize(2);
        assertThat(f.get("registry.entrance.exam_takers").absentReason()).isEqualTo("2025年秋季未录入中考人数");
        assertThat(f.get("registry.recruitment.teachers").absentReason())
                .isEqualTo("2024年补充教师数据仅有1个县（市、区）录入（共2个），不作合计");
        assertThat(CountyFactFigures.cumulative(prefecture, 2024, 2024).absentReason())
                .isEqualTo("2024年补充教师数据未录入（需全部2个县（市、区）录入），不计算累计数");
    }
}
