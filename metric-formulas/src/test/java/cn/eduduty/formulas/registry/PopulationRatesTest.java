package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.report;
import static cn.eduduty.formulas.registry.Fixtures.rooms;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Gross enrolment rates and the enrolment rate of children with disabilities. */
class PopulationRatesTest {

    private static final String PRESCHOOL = "registry.preschool.gross_enrolment_rate";
    private static final String SENIOR = "registry.senior.gross_enrolment_rate";
    private static final String DISABLED = "registry.special.disabled_children_enrolment_rate";

    private static final List<SchoolYear> REPORTS = List.of(
            // preschool 30 + 31 = 61 (one class in a primary school's 附设班 counts too)
            classesOnly("K", YEAR, rooms(Stage.PRESCHOOL, 3, 30)),
            report("P", YEAR, concat(rooms(Stage.PRESCHOOL, 3, 31), rooms(Stage.PRIMARY, 1, 40)), List.of(),
                    new Disability(2, 0, 0, 1), null),
            // senior 45 + vocational 40 = 85
            classesOnly("H", YEAR, rooms(Stage.SENIOR, 10, 45)),
            report("V", YEAR, rooms(Stage.VOCATIONAL, 10, 40), List.of(), new Disability(1, 1, 3, 0), null));

    private static Map<String, RegistryFigure> figures(Population population) {
        return Fixtures.figures(Fixtures.region(List.of(), REPORTS, List.of(), population));
    }

    @Test
    void grossRatesDivideStudentsOfAnyAgeByTheAgeGroup() {
        Population population = new Population(YEAR, Map.of(3, 20, 4, 20, 5, 24, 15, 30, 16, 30, 17, 30), 9);
        Map<String, RegistryFigure> figures = figures(population);
        // 61 / (20 + 20 + 24 = 64) -> 6100/64 = 95.3125 -> 95.31
        assertPercent(figures.get(PRESCHOOL), "95.31", 61, 64);
        // 85 / 90 -> 8500/90 = 94.444... -> 94.44
        assertPercent(figures.get(SENIOR), "94.44", 85, 90);
        // disabled: (2 + 0 + 0 + 1) + (1 + 1 + 3 + 0) = 8 of 9 -> 800/9 = 88.888... -> 88.89
        assertPercent(figures.get(DISABLED), "88.89", 8, 9);
    }

    @Test
    void grossRatesMayExceed100Percent() {
        // 61 / (10 + 10 + 12 = 32) -> 6100/32 = 190.625 -> 190.63
        Population population = new Population(YEAR, Map.of(3, 10, 4, 10, 5, 12, 15, 30, 16, 30, 17, 30), null);
        assertPercent(figures(population).get(PRESCHOOL), "190.63", 61, 32);
    }

    @Test
    void everyPopulationRateIsAbsentWithoutPopulation() {
        Map<String, RegistryFigure> figures = figures(null);
        assertAbsent(figures.get(PRESCHOOL), "无2024年常住人口数据");
        assertAbsent(figures.get(SENIOR), "无2024年常住人口数据");
        assertAbsent(figures.get(DISABLED), "无2024年常住人口数据");
    }

    @Test
    void anotherYearsPopulationIsNotUsed() {
        Population of2023 = new Population(2023, Map.of(3, 20, 4, 20, 5, 24, 15, 30, 16, 30, 17, 30), 9);
        Map<String, RegistryFigure> figures = figures(of2023);
        assertAbsent(figures.get(PRESCHOOL), "无2024年常住人口数据（现有数据为2023年）");
        assertAbsent(figures.get(DISABLED), "无2024年常住人口数据（现有数据为2023年）");
    }

    @Test
    void isAbsentWhenAnAgeOfTheGroupIsMissing() {
        Population population = new Population(YEAR, Map.of(3, 20, 5, 24, 15, 30), 9);
        Map<String, RegistryFigure> figures = figures(population);
        assertAbsent(figures.get(PRESCHOOL), "无2024年4周岁常住人口数据");
        assertAbsent(figures.get(SENIOR), "无2024年16、17周岁常住人口数据");
    }

    @Test
    void isAbsentWhenAnAgeOfTheGroupCountsNoResidents() {
        // a zero for one age is taken as not entered, not as an empty age group
        Population population = new Population(YEAR, Map.of(3, 0, 4, 0, 5, 0, 15, 0, 16, 30, 17, 30), 9);
        Map<String, RegistryFigure> figures = figures(population);
        assertAbsent(figures.get(PRESCHOOL), "2024年3—5周岁常住人口数为0");
        assertAbsent(figures.get(SENIOR), "2024年15周岁常住人口数为0");
    }

    @Test
    void disabledRateIsAbsentWhenChildrenAreNotIdentified() {
        Population population = new Population(YEAR, Map.of(3, 20, 4, 20, 5, 24), null);
        assertAbsent(figures(population).get(DISABLED),
                "未填报2024年已认定的适龄残疾儿童少年数");
    }

    @Test
    void disabledRateIsAbsentWhenNoChildIsIdentified() {
        Population population = new Population(YEAR, Map.of(), 0);
        assertAbsent(figures(population).get(DISABLED), "2024年已认定的适龄残疾儿童少年数为0");
    }

    @Test
    void disabledRateIsAbsentWhenNoSchoolReportedDisabilities() {
        Population population = new Population(YEAR, Map.of(), 5);
        RegionData data = Fixtures.region(List.of(), List.of(classesOnly("P", YEAR, rooms(Stage.PRIMARY, 1, 30))),
                List.of(), population);
        assertAbsent(Fixtures.figures(data).get(DISABLED), "2024—2025学年无学校填报残疾学生数据");
    }

    @Test
    void populationRatesAreAbsentWithoutSchoolDataForTheYear() {
        Population population = new Population(YEAR, Map.of(3, 20, 4, 20, 5, 24, 15, 30, 16, 30, 17, 30), 9);
        RegionData data = Fixtures.region(List.of(), List.of(classesOnly("K", 2023, rooms(Stage.PRESCHOOL, 3, 30))),
                List.of(), population);
        Map<String, RegistryFigure> figures = Fixtures.figures(data);
        assertAbsent(figures.get(PRESCHOOL), "2024—2025学年无学校填报数据");
        assertAbsent(figures.get(SENIOR), "2024—2025学年无学校填报数据");
        assertAbsent(figures.get(DISABLED), "2024—2025学年无学校填报数据");
    }
}
