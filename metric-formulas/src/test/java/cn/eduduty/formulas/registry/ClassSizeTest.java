package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertCount;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.rooms;
import static cn.eduduty.formulas.registry.Fixtures.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClassSizeTest {

    @Test
    void compulsorySharesHaveOneDenominatorAcrossPrimaryAndJunior() {
        // primary 55, 56; junior 65, 66, 40 -> 5 compulsory classes
        // large: 56, 65 = 2 -> 200/5 = 40.00 (per stage it would be 1/2 and 1/3)
        // super: 66 = 1 -> 100/5 = 20.00
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(List.of(
                classesOnly("P", YEAR, rooms(Stage.PRIMARY, 3, 55, 56)),
                classesOnly("J", YEAR, concat(rooms(Stage.JUNIOR, 8, 65, 66), rooms(Stage.JUNIOR, 9, 40))))));
        assertPercent(figures.get("registry.compulsory.large_class_share"), "40.00", 2, 5);
        assertPercent(figures.get("registry.compulsory.super_large_class_share"), "20.00", 1, 5);
        assertCount(figures.get("registry.compulsory.large_classes"), 2);
        assertCount(figures.get("registry.compulsory.super_large_classes"), 1);
    }

    @Test
    void aNineYearSchoolCountsInBothStages() {
        // one school, primary 56 and 30, junior 30 -> 1 large of 3 -> 100/3 = 33.33
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(
                List.of(school("N", SchoolType.NINE_YEAR, Fixtures.T1)),
                List.of(classesOnly("N", YEAR, concat(rooms(Stage.PRIMARY, 6, 56, 30), rooms(Stage.JUNIOR, 7, 30)))),
                List.of(), null));
        assertPercent(figures.get("registry.compulsory.large_class_share"), "33.33", 1, 3);
        assertCount(figures.get("registry.classes.primary"), 2);
        assertCount(figures.get("registry.classes.junior"), 1);
        assertCount(figures.get("registry.students.primary"), 86);
        assertCount(figures.get("registry.schools.nine_year.public"), 1);
    }

    @Test
    void seniorSharesCountGeneralSeniorClassesOnly() {
        // senior 56, 66, 30, 30 -> large 1/4, super 1/4 = 25.00 each;
        // vocational 60, 70 and the primary 80 are outside the senior denominator
        // compulsory: one primary class of 80 -> large 0/1 = 0.00, super 1/1 = 100.00
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(List.of(
                classesOnly("H", YEAR, rooms(Stage.SENIOR, 11, 56, 66, 30, 30)),
                classesOnly("V", YEAR, rooms(Stage.VOCATIONAL, 11, 60, 70)),
                classesOnly("P", YEAR, rooms(Stage.PRIMARY, 1, 80)))));
        assertPercent(figures.get("registry.senior.large_class_share"), "25.00", 1, 4);
        assertPercent(figures.get("registry.senior.super_large_class_share"), "25.00", 1, 4);
        assertPercent(figures.get("registry.compulsory.large_class_share"), "0.00", 0, 1);
        assertPercent(figures.get("registry.compulsory.super_large_class_share"), "100.00", 1, 1);
    }

    @Test
    void sharesWithoutClassesOfTheirStagesAreAbsentWhileCountsAreZero() {
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(List.of(
                classesOnly("K", YEAR, rooms(Stage.PRESCHOOL, 1, 70)))));
        String noCompulsory = "2024—2025学年无小学和初中教学班";
        assertAbsent(figures.get("registry.compulsory.large_class_share"), noCompulsory);
        assertAbsent(figures.get("registry.compulsory.super_large_class_share"), noCompulsory);
        assertCount(figures.get("registry.compulsory.large_classes"), 0);
        assertCount(figures.get("registry.compulsory.super_large_classes"), 0);
        assertAbsent(figures.get("registry.senior.large_class_share"), "2024—2025学年无普通高中教学班");
        assertAbsent(figures.get("registry.senior.super_large_class_share"), "2024—2025学年无普通高中教学班");
        assertCount(figures.get("registry.classes.primary"), 0);
        assertCount(figures.get("registry.classes.preschool"), 1);
    }

    @Test
    void commonLanguageCoverageIsAbsentWhenTheYearsReportsListNoClasses() {
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(List.of(
                Fixtures.flowsOnly("P", YEAR, Fixtures.entrants(Stage.PRIMARY, 1, 30)))));
        assertAbsent(figures.get("registry.language.common_language_class_coverage"), "2024—2025学年无教学班");
    }

    @Test
    void withoutDataForTheYearClassFiguresAreAbsentButSchoolCountsRemain() {
        // data for 2023 only; the year computed is 2024
        RegionData data = Fixtures.region(List.of(school("P", SchoolType.PRIMARY, Fixtures.T1)),
                List.of(classesOnly("P", 2023, rooms(Stage.PRIMARY, 1, 60))), List.of(), null);
        Map<String, RegistryFigure> figures = Fixtures.figures(data);
        for (String key : List.of("registry.classes.primary", "registry.students.primary",
                "registry.compulsory.large_class_share", "registry.compulsory.super_large_class_share",
                "registry.compulsory.large_classes", "registry.compulsory.super_large_classes",
                "registry.senior.large_class_share", "registry.senior.super_large_class_share",
                "registry.language.common_language_class_coverage", "registry.senior.vocational_entrant_share",
                "registry.senior.general_vocational_ratio", "registry.preschool.inclusive_coverage")) {
            assertAbsent(figures.get(key), "2024—2025学年无学校填报数据");
        }
        assertCount(figures.get("registry.schools.primary.public"), 1);
        assertCount(figures.get("registry.schools.total"), 1);
        assertThat(figures).hasSize(57);
    }
}
