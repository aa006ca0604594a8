package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.T1;
import static cn.eduduty.formulas.registry.Fixtures.T2;
import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertCount;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.entrants;
import static cn.eduduty.formulas.registry.Fixtures.flowsOnly;
import static cn.eduduty.formulas.registry.Fixtures.graduates;
import static cn.eduduty.formulas.registry.Fixtures.kindergarten;
import static cn.eduduty.formulas.registry.Fixtures.otherLanguageRoom;
import static cn.eduduty.formulas.registry.Fixtures.report;
import static cn.eduduty.formulas.registry.Fixtures.rooms;
import static cn.eduduty.formulas.registry.Fixtures.school;
import static cn.eduduty.formulas.registry.Fixtures.transfers;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;

/**
 * A small county worked through by hand: two townships, three kindergartens (public central in
 * T1, private inclusive "central" in T2, private non-inclusive), two primary schools, a junior
 * middle school, a senior high school and a vocational school, with data for 2022, 2023 and 2024,
 * plus a junior school that closed in 2023. Every figure is checked against the arithmetic in the
 * comments.
 */
class HandMadeCountyTest {

    static final String K1 = "1152270001"; // public kindergarten, township central, T1
    static final String K2 = "1152270002"; // private inclusive kindergarten, flagged central, T2
    static final String K3 = "1152270003"; // private non-inclusive kindergarten, T1
    static final String P1 = "2152270011"; // public primary, T1
    static final String P2 = "2152270012"; // public primary, T2
    static final String J1 = "3152270021"; // public junior middle, T1
    static final String J0 = "3152270020"; // junior middle closed during 2023-2024, not open in 2024
    static final String H1 = "3452270031"; // public senior high
    static final String V1 = "3652270041"; // public vocational

    static RegionData county() {
        List<SchoolFacts> schools = List.of(
                kindergarten(K1, Ownership.PUBLIC, false, true, T1),
                kindergarten(K2, Ownership.PRIVATE, true, true, T2),
                kindergarten(K3, Ownership.PRIVATE, false, false, T1),
                school(P1, SchoolType.PRIMARY, T1),
                school(P2, SchoolType.PRIMARY, T2),
                school(J1, SchoolType.JUNIOR_MIDDLE, T1),
                school(H1, SchoolType.SENIOR_HIGH, T1),
                school(V1, SchoolType.VOCATIONAL, T1));
        Population population = new Population(YEAR,
                Map.of(3, 60, 4, 55, 5, 65, 6, 70, 15, 250, 16, 260, 17, 270, 18, 300), 12);
        return Fixtures.region(schools, concat(year2022(), year2023(), year2024()), List.of(T1, T2), population);
    }

    private static List<SchoolYear> year2022() {
        return List.of(
                // the junior cohort graduating in 2024 enters grade 7; the 2 dropouts do not adjust it
                flowsOnly(J1, 2022, new Flow(Stage.JUNIOR, 7, 210, 0, 3, 5, 2), graduates(Stage.JUNIOR, 9, 180)),
                flowsOnly(J0, 2022, entrants(Stage.JUNIOR, 7, 12)));
    }

    private static List<SchoolYear> year2023() {
        return List.of(
                report(J1, 2023, rooms(Stage.JUNIOR, 7, 70), // an earlier year's class: not counted in 2024
                        List.of(transfers(Stage.JUNIOR, 8, 16, 6), entrants(Stage.JUNIOR, 7, 230),
                                graduates(Stage.JUNIOR, 9, 190))),
                flowsOnly(J0, 2023, transfers(Stage.JUNIOR, 8, 0, 12)), // J0 closes, its 12 pupils move to J1
                report(P1, 2023, rooms(Stage.PRIMARY, 1, 80), List.of()));
    }

    private static List<SchoolYear> year2024() {
        return List.of(
                report(K1, YEAR, concat(rooms(Stage.PRESCHOOL, 1, 25), rooms(Stage.PRESCHOOL, 2, 30),
                        rooms(Stage.PRESCHOOL, 3, 35)), List.of(), null, new Staff(12, 1, 0, 0, 0, 0, 1)),
                report(K2, YEAR, concat(rooms(Stage.PRESCHOOL, 1, 20), rooms(Stage.PRESCHOOL, 2, 20)), List.of()),
                report(K3, YEAR, otherLanguageRoom(Stage.PRESCHOOL, 3, 30), List.of()),
                report(P1, YEAR, concat(
                        rooms(Stage.PRIMARY, 1, 45, 45), rooms(Stage.PRIMARY, 2, 50, 50),
                        rooms(Stage.PRIMARY, 3, 55, 56), rooms(Stage.PRIMARY, 4, 56, 58),
                        rooms(Stage.PRIMARY, 5, 65, 60), rooms(Stage.PRIMARY, 6, 66, 40)),
                        List.of(entrants(Stage.PRIMARY, 1, 90), graduates(Stage.PRIMARY, 6, 100)),
                        new Disability(3, 0, 0, 1), new Staff(40, 3, 0, 30, 4, 1, 3)),
                report(P2, YEAR, concat(
                        rooms(Stage.PRIMARY, 1, 30), rooms(Stage.PRIMARY, 2, 32), rooms(Stage.PRIMARY, 3, 28),
                        rooms(Stage.PRIMARY, 4, 35), rooms(Stage.PRIMARY, 5, 30),
                        otherLanguageRoom(Stage.PRIMARY, 6, 25)),
                        List.of(entrants(Stage.PRIMARY, 1, 30), graduates(Stage.PRIMARY, 6, 24)),
                        new Disability(1, 0, 0, 2), new Staff(15, 2, 2, 12, 2, 0, 1)),
                report(J1, YEAR, concat(
                        rooms(Stage.JUNIOR, 7, 50, 50, 50, 50, 50),
                        rooms(Stage.JUNIOR, 8, 57, 52, 52, 52, 52),
                        rooms(Stage.JUNIOR, 9, 60, 48, 48, 48)),
                        List.of(new Flow(Stage.JUNIOR, 7, 245, 0, 1, 0, 0), // a later cohort: not in the rate
                                transfers(Stage.JUNIOR, 8, 2, 3),             // a later cohort: not in the rate
                                new Flow(Stage.JUNIOR, 9, 0, 200, 2, 1, 1)),
                        new Disability(2, 1, 0, 1), new Staff(45, 3, 1, 38, 2, 0, 2)),
                report(H1, YEAR, concat(
                        rooms(Stage.SENIOR, 10, 56, 66, 50), rooms(Stage.SENIOR, 11, 55, 55, 55),
                        rooms(Stage.SENIOR, 12, 65, 70)),
                        List.of(entrants(Stage.SENIOR, 10, 172), graduates(Stage.SENIOR, 12, 130)),
                        null, new Staff(50, 2, 0, 0, 0, 0, 2)),
                report(V1, YEAR, concat(
                        rooms(Stage.VOCATIONAL, 10, 45, 45), rooms(Stage.VOCATIONAL, 11, 40, 60),
                        otherLanguageRoom(Stage.VOCATIONAL, 12, 50)),
                        List.of(entrants(Stage.VOCATIONAL, 10, 90))));
    }

    private final Map<String, RegistryFigure> figures = Fixtures.figures(county());

    private RegistryFigure figure(String key) {
        assertThat(figures).containsKey(key);
        return figures.get(key);
    }

    @Test
    void countsSchoolsOpenInTheYearByTypeAndOwnership() {
        // K1 public; K2, K3 private; P1, P2; J1; H1; V1. J0 closed and is not among the schools.
        assertCount(figure("registry.schools.kindergarten.public"), 1);
        assertCount(figure("registry.schools.kindergarten.private"), 2);
        assertCount(figure("registry.schools.primary.public"), 2);
        assertCount(figure("registry.schools.junior_middle.public"), 1);
        assertCount(figure("registry.schools.senior_high.public"), 1);
        assertCount(figure("registry.schools.vocational.public"), 1);
        List<String> nonZero = List.of("registry.schools.kindergarten.public", "registry.schools.kindergarten.private",
                "registry.schools.primary.public", "registry.schools.junior_middle.public",
                "registry.schools.senior_high.public", "registry.schools.vocational.public");
        for (SchoolType type : SchoolType.values()) {
            for (Ownership ownership : Ownership.values()) {
                String key = SchoolCounts.key(type, ownership);
                if (!nonZero.contains(key)) {
                    assertCount(figure(key), 0);
                }
            }
        }
        // 1 + 2 + 2 + 1 + 1 + 1 = 8
        assertCount(figure("registry.schools.total"), 8);
        assertThat(figure("registry.schools.kindergarten.private").label()).isEqualTo("幼儿园数（民办）");
        assertThat(figure("registry.schools.total").label()).isEqualTo("学校总数");
    }

    @Test
    void countsClassesAndStudentsByStageOfTheYearOnly() {
        // preschool: K1 3 classes (25+30+35 = 90), K2 2 (20+20 = 40), K3 1 (30) -> 6 classes, 160 children
        assertCount(figure("registry.classes.preschool"), 6);
        assertCount(figure("registry.students.preschool"), 160);
        // primary: P1 12 classes, 45+45+50+50+55+56+56+58+65+60+66+40 = 646; P2 6 classes,
        // 30+32+28+35+30+25 = 180 -> 18 classes, 826 (P1's 2023 class of 80 is not counted)
        assertCount(figure("registry.classes.primary"), 18);
        assertCount(figure("registry.students.primary"), 826);
        // junior: 5 + 5 + 4 = 14 classes; 5*50 + (57+4*52) + (60+3*48) = 250 + 265 + 204 = 719
        // (J1's 2023 class of 70 is not counted)
        assertCount(figure("registry.classes.junior"), 14);
        assertCount(figure("registry.students.junior"), 719);
        // senior: 3 + 3 + 2 = 8; (56+66+50) + 3*55 + (65+70) = 172 + 165 + 135 = 472
        assertCount(figure("registry.classes.senior"), 8);
        assertCount(figure("registry.students.senior"), 472);
        // vocational: 2 + 2 + 1 = 5; 90 + 100 + 50 = 240
        assertCount(figure("registry.classes.vocational"), 5);
        assertCount(figure("registry.students.vocational"), 240);
        assertCount(figure("registry.classes.special"), 0);
        assertCount(figure("registry.students.special"), 0);
        assertThat(figure("registry.classes.primary").label()).isEqualTo("小学教学班数");
        assertThat(figure("registry.students.primary").label()).isEqualTo("小学在校生数");
        assertThat(figure("registry.students.preschool").label()).isEqualTo("在园幼儿数");
    }

    @Test
    void largeClassSharesSpanPrimaryAndJuniorWithBoundariesAt56And66() {
        // compulsory classes: 18 primary + 14 junior = 32 (one denominator across both stages)
        // 56-65: P1 56, 56, 58, 65, 60 (not 55, not 66) + J1 57, 60 = 7 -> 7*100/32 = 21.875 -> 21.88
        assertPercent(figure("registry.compulsory.large_class_share"), "21.88", 7, 32);
        // 66+: P1 66 = 1 -> 100/32 = 3.125 -> 3.13 (half-up)
        assertPercent(figure("registry.compulsory.super_large_class_share"), "3.13", 1, 32);
        assertCount(figure("registry.compulsory.large_classes"), 7);
        assertCount(figure("registry.compulsory.super_large_classes"), 1);
        // senior (general only; V1's class of 60 is vocational): 8 classes; 56, 65 large; 66, 70 super
        // 2*100/8 = 25.00 each
        assertPercent(figure("registry.senior.large_class_share"), "25.00", 2, 8);
        assertPercent(figure("registry.senior.super_large_class_share"), "25.00", 2, 8);
    }

    @Test
    void juniorConsolidationFollowsTheCohortThroughClosedSchoolsAndTransfers() {
        // entrants grade 7 in 2022: J1 210 + J0 12 = 222
        // transfers: grade 7 2022 J1 +3 -5 = -2; grade 8 2023 J1 +16 -6 = +10, J0 -12;
        //            grade 9 2024 J1 +2 -1 = +1 -> net -2 + 10 - 12 + 1 = -3
        // cohort 222 - 3 = 219 (dropouts not subtracted); graduates 2024 = 200
        // 200*100/219 = 91.3242... -> 91.32
        assertPercent(figure("registry.junior.consolidation_rate"), "91.32", 200, 219);
    }

    @Test
    void primaryConsolidationIsAbsentWithoutTheCohortYears() {
        // the 2024 primary graduates entered in 2019; the county has data for 2022-2024 only
        assertAbsent(figure("registry.primary.consolidation_rate"),
                "2019—2020、2020—2021、2021—2022学年无学校填报数据（巩固率需要该届学生入学以来各学年的数据）");
    }

    @Test
    void grossEnrolmentRatesCountStudentsOfAnyAgeOverTheOfficialAgeGroup() {
        // preschool: 160 / (60 + 55 + 65 = 180) -> 16000/180 = 88.888... -> 88.89
        assertPercent(figure("registry.preschool.gross_enrolment_rate"), "88.89", 160, 180);
        // senior: (472 + 240 = 712) / (250 + 260 + 270 = 780) -> 71200/780 = 91.282... -> 91.28
        assertPercent(figure("registry.senior.gross_enrolment_rate"), "91.28", 712, 780);
    }

    @Test
    void preschoolCoverageCountsPublicAndInclusivePrivateKindergartens() {
        // children: K1 public 90 + K2 inclusive 40 = 130 of 160 -> 13000/160 = 81.25
        assertPercent(figure("registry.preschool.inclusive_coverage"), "81.25", 130, 160);
        // kindergartens: K1, K2 of K1, K2, K3 -> 200/3 = 66.666... -> 66.67
        assertPercent(figure("registry.preschool.inclusive_kindergarten_share"), "66.67", 2, 3);
        // T1 has K1 (public, central); T2's only central kindergarten K2 is private -> 1 of 2 = 50.00
        assertPercent(figure("registry.preschool.township_central_kindergarten_coverage"), "50.00", 1, 2);
    }

    @Test
    void seniorEntrantsGiveTheVocationalShareAndTheGeneralToVocationalRatio() {
        // grade-10 entrants 2024: general H1 172, vocational V1 90
        // vocational share 90*100/262 = 34.351... -> 34.35
        assertPercent(figure("registry.senior.vocational_entrant_share"), "34.35", 90, 262);
        // ratio 172/90 = 1.9111... -> 1.91
        RegistryFigure ratio = figure("registry.senior.general_vocational_ratio");
        assertThat(ratio.unit()).isEqualTo(RegistryFigure.RATIO);
        assertThat(ratio.value()).isEqualTo(new BigDecimal("1.91"));
        assertThat(ratio.numerator()).isEqualTo(BigDecimal.valueOf(172));
        assertThat(ratio.denominator()).isEqualTo(BigDecimal.valueOf(90));
        assertThat(ratio.definition()).startsWith("普通高中招生数 ÷ 中职学校招生数");
    }

    @Test
    void disabledChildrenEnrolmentSumsEveryPlacement() {
        // P1 3+0+0+1 = 4, P2 1+0+0+2 = 3, J1 2+1+0+1 = 4 -> 11 of 12 identified
        // 1100/12 = 91.666... -> 91.67
        assertPercent(figure("registry.special.disabled_children_enrolment_rate"), "91.67", 11, 12);
    }

    @Test
    void commonLanguageCoverageIsOverAllClassesOfAllStages() {
        // classes 6 + 18 + 14 + 8 + 5 = 51; not in the common language: K3's, P2's grade 6, V1's grade 12
        // 48*100/51 = 94.117... -> 94.12
        assertPercent(figure("registry.language.common_language_class_coverage"), "94.12", 48, 51);
    }

    @Test
    void teacherFiguresSumTheSchoolsThatReportedStaff() {
        // reported by K1, P1, P2, J1, H1 (V1, K2, K3 did not report)
        // headcount 12 + 40 + 15 + 45 + 50 = 162
        assertCount(figure("registry.teachers.headcount"), 162);
        // new hires 1 + 3 + 2 + 3 + 2 = 11; rural 0 + 0 + 2 + 1 + 0 = 3
        assertCount(figure("registry.teachers.new_hires"), 11);
        assertCount(figure("registry.teachers.rural_new_hires"), 3);
        // rotated 0 + 4 + 2 + 2 + 0 = 8 of eligible 0 + 30 + 12 + 38 + 0 = 80 -> 10.00
        assertPercent(figure("registry.teachers.rotation_share"), "10.00", 8, 80);
        // backbone 1 of 8 rotated -> 100/8 = 12.50
        assertPercent(figure("registry.teachers.backbone_rotation_share"), "12.50", 1, 8);
        // Putonghua 2B+ 1 + 3 + 1 + 2 + 2 = 9 of 11 -> 900/11 = 81.818... -> 81.82
        assertPercent(figure("registry.teachers.new_hire_putonghua_share"), "81.82", 9, 11);
        // rural 3 of 11 -> 300/11 = 27.2727... -> 27.27
        assertPercent(figure("registry.teachers.rural_new_hire_share"), "27.27", 3, 11);
    }

    @Test
    void givesEveryFigureInAStableOrder() {
        List<String> keys = RegistryStatistics.compute(county()).stream().map(RegistryFigure::key).toList();
        List<String> expected = new ArrayList<>();
        for (SchoolType type : SchoolType.values()) {
            for (Ownership ownership : Ownership.values()) {
                expected.add(SchoolCounts.key(type, ownership));
            }
        }
        expected.add("registry.schools.total");
        for (String stage : List.of("preschool", "primary", "junior", "senior", "vocational", "special")) {
            expected.add("registry.classes." + stage);
        }
        for (String stage : List.of("preschool", "primary", "junior", "senior", "vocational", "special")) {
            expected.add("registry.students." + stage);
        }
        expected.addAll(List.of(
                "registry.compulsory.large_class_share", "registry.compulsory.super_large_class_share",
                "registry.compulsory.large_classes", "registry.compulsory.super_large_classes",
                "registry.senior.large_class_share", "registry.senior.super_large_class_share",
                "registry.primary.consolidation_rate", "registry.junior.consolidation_rate",
                "registry.preschool.gross_enrolment_rate", "registry.senior.gross_enrolment_rate",
                "registry.preschool.inclusive_coverage", "registry.preschool.inclusive_kindergarten_share",
                "registry.preschool.township_central_kindergarten_coverage",
                "registry.senior.vocational_entrant_share", "registry.senior.general_vocational_ratio",
                "registry.special.disabled_children_enrolment_rate",
                "registry.language.common_language_class_coverage",
                "registry.teachers.headcount", "registry.teachers.new_hires", "registry.teachers.rural_new_hires",
                "registry.teachers.rotation_share", "registry.teachers.backbone_rotation_share",
                "registry.teachers.new_hire_putonghua_share", "registry.teachers.rural_new_hire_share"));
        // 20 + 1 + 6 + 6 + 24 = 57
        assertThat(keys).hasSize(57).containsExactlyElementsOf(expected);
    }

    @Test
    void cataloguedFiguresUseTheCatalogueLabelUnitAndDefinition() {
        List<RegistryFigure> catalogued = figures.values().stream().filter(f -> MetricCatalogue.contains(f.key())).toList();
        for (RegistryFigure figure : catalogued) {
            MetricDefinition definition = MetricCatalogue.find(figure.key()).orElseThrow();
            assertThat(figure.label()).isEqualTo(definition.label());
            assertThat(figure.definition()).isEqualTo(definition.definition());
            assertThat(figure.unit()).isEqualTo(definition.unit().name());
        }
        // every registry.* key of the catalogue is computed here: 4 preschool, 4 compulsory, 4 senior,
        // 1 special, 1 language, 4 teachers shares and rates (18), and the counts and the ratio a
        // report states: 1 school total, 6 class and 6 student counts, 2 large-class counts, the
        // 普职比, 3 teacher counts (19)
        assertThat(catalogued).extracting(RegistryFigure::key).containsExactlyInAnyOrderElementsOf(
                MetricCatalogue.all().stream().map(MetricDefinition::key)
                        .filter(key -> key.startsWith("registry."))
                        // the county's own facts (entrance, recruitment, training institutions) are not per-school
                        // data: report-service's CountyFactFigures computes them
                        .filter(key -> !key.matches("registry\\.(entrance|recruitment|training)\\..*")).toList());
        assertThat(catalogued).hasSize(37);
        assertThat(figure("registry.compulsory.large_class_share").label()).isEqualTo("义务教育大班额比例");
    }

    @Test
    void everyFigureOfTheCountyIsPresentExceptThePrimaryConsolidationRate() {
        assertThat(figures.values().stream().filter(f -> !f.isPresent()).map(RegistryFigure::key))
                .containsExactly("registry.primary.consolidation_rate");
    }
}
