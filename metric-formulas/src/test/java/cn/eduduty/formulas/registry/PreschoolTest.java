package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.T1;
import static cn.eduduty.formulas.registry.Fixtures.T2;
import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.kindergarten;
import static cn.eduduty.formulas.registry.Fixtures.rooms;
import static cn.eduduty.formulas.registry.Fixtures.school;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PreschoolTest {

    private static final String COVERAGE = "registry.preschool.inclusive_coverage";
    private static final String SHARE = "registry.preschool.inclusive_kindergarten_share";
    private static final String TOWNSHIPS = "registry.preschool.township_central_kindergarten_coverage";

    private static final String T3 = "522701102";
    private static final String T4 = "522701103";
    private static final String ELSEWHERE = "522702100";

    @Test
    void townshipCoverageCountsOnlyPublicCentralKindergartensOfTheListedTownships() {
        List<SchoolFacts> schools = List.of(
                kindergarten("K1", Ownership.PUBLIC, false, true, T1),   // counts for T1
                kindergarten("K1b", Ownership.PUBLIC, true, true, T1),   // a second one: T1 still counts once
                kindergarten("K2", Ownership.PRIVATE, true, true, T2),   // T2's only central one is private
                kindergarten("K3", Ownership.PUBLIC, true, false, T3),   // public, not central
                new SchoolFacts("P4", "小学", SchoolType.PRIMARY, Ownership.PUBLIC, true, true, Area.RURAL, T4),
                kindergarten("K9", Ownership.PUBLIC, true, true, ELSEWHERE), // not a township of the region
                kindergarten("K0", Ownership.PUBLIC, true, true, null));
        // townships T1..T4 (T1 listed twice) -> 4; covered: T1 -> 100/4 = 25.00
        RegionData data = Fixtures.region(schools, List.of(), List.of(T1, T2, T3, T4, T1), null);
        assertPercent(Fixtures.figures(data).get(TOWNSHIPS), "25.00", 1, 4);
    }

    @Test
    void townshipCoverageIsAbsentWithoutTownships() {
        RegionData data = Fixtures.region(List.of(kindergarten("K1", Ownership.PUBLIC, false, true, T1)), List.of(),
                List.of(), null);
        assertAbsent(Fixtures.figures(data).get(TOWNSHIPS), "未登记行政区划522701所辖乡镇");
    }

    @Test
    void inclusiveCoverageCountsChildrenInPublicAndInclusivePrivateKindergartens() {
        List<SchoolFacts> schools = List.of(
                kindergarten("KP", Ownership.PUBLIC, false, false, T1),   // public: inclusive whatever the flag
                kindergarten("KI", Ownership.PRIVATE, true, false, T1),
                kindergarten("KN", Ownership.PRIVATE, false, false, T2),
                school("P", SchoolType.PRIMARY, T2));
        List<SchoolYear> reports = List.of(
                classesOnly("KP", YEAR, rooms(Stage.PRESCHOOL, 1, 20, 30)),
                classesOnly("KI", YEAR, rooms(Stage.PRESCHOOL, 2, 30)),
                classesOnly("KN", YEAR, rooms(Stage.PRESCHOOL, 3, 20)),
                // a preschool class attached to a primary school is not a kindergarten's
                classesOnly("P", YEAR, concat(rooms(Stage.PRESCHOOL, 3, 25), rooms(Stage.PRIMARY, 1, 40))),
                // a report from a code that is not among the open schools cannot be classified
                classesOnly("X", YEAR, rooms(Stage.PRESCHOOL, 3, 15)));
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(schools, reports, List.of(T1, T2), null));
        // (50 + 30) of (50 + 30 + 20 = 100) -> 80.00
        assertPercent(figures.get(COVERAGE), "80.00", 80, 100);
        // 2 of 3 kindergartens -> 66.67 (the primary school is not a kindergarten)
        assertPercent(figures.get(SHARE), "66.67", 2, 3);
        // all 5 preschool classes count as classes and in-school children: 20+30+30+20+25+15 = 140
        Fixtures.assertCount(figures.get("registry.students.preschool"), 140);
    }

    @Test
    void coverageIsAbsentWithoutKindergartens() {
        RegionData data = Fixtures.region(List.of(school("P", SchoolType.PRIMARY, T1)),
                List.of(classesOnly("P", YEAR, rooms(Stage.PRESCHOOL, 3, 25))), List.of(T1), null);
        Map<String, RegistryFigure> figures = Fixtures.figures(data);
        assertAbsent(figures.get(COVERAGE), "2024—2025学年无幼儿园填报在园幼儿");
        assertAbsent(figures.get(SHARE), "2024—2025学年无在办幼儿园");
        assertPercent(figures.get(TOWNSHIPS), "0.00", 0, 1);
    }

    @Test
    void shareByCountNeedsNoClassData() {
        List<SchoolFacts> schools = List.of(
                kindergarten("K1", Ownership.PRIVATE, false, false, T1),
                kindergarten("K2", Ownership.PRIVATE, false, false, T1),
                kindergarten("K3", Ownership.PRIVATE, true, false, T1));
        Map<String, RegistryFigure> figures = Fixtures.figures(Fixtures.region(schools, List.of(), List.of(T1), null));
        // 1 of 3 -> 33.33
        assertPercent(figures.get(SHARE), "33.33", 1, 3);
        assertAbsent(figures.get(COVERAGE), "2024—2025学年无学校填报数据");
    }
}
