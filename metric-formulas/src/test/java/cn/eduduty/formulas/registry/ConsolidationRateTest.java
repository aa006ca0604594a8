package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.entrants;
import static cn.eduduty.formulas.registry.Fixtures.flowsOnly;
import static cn.eduduty.formulas.registry.Fixtures.graduates;
import static cn.eduduty.formulas.registry.Fixtures.transfers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsolidationRateTest {

    private static final String PRIMARY = "registry.primary.consolidation_rate";
    private static final String JUNIOR = "registry.junior.consolidation_rate";
    private static final String NO_COHORT_DATA = "无学校填报数据（巩固率需要该届学生入学以来各学年的数据）";

    /**
     * The primary cohort entering grade 1 in 2019 and graduating from grade 6 in 2024, in two
     * schools, with flows of other cohorts and stages around it.
     *
     * <pre>
     *           A: in  out              B: in  out
     * 2019 g1   60 entrants, 1   2      40 entrants
     * 2020 g2        0   1                  3   0
     * 2021 g3        2   0              (no report)
     * 2022 g4        0   3                  0   2
     * 2023 g5        1   0  (1 dropout) (no report)
     * 2024 g6        0   1, 55 grads        1   0, 41 grads
     * entrants 60 + 40 = 100; in 4 + 4 = 8; out 7 + 2 = 9; cohort 100 + 8 - 9 = 99; graduates 96
     * </pre>
     */
    static List<SchoolYear> primaryCohort() {
        return List.of(
                flowsOnly("A", 2019, new Flow(Stage.PRIMARY, 1, 60, 0, 1, 2, 0), transfers(Stage.PRIMARY, 2, 9, 0)),
                flowsOnly("B", 2019, entrants(Stage.PRIMARY, 1, 40)),
                flowsOnly("A", 2020, transfers(Stage.PRIMARY, 2, 0, 1), entrants(Stage.PRIMARY, 1, 70)),
                flowsOnly("B", 2020, transfers(Stage.PRIMARY, 2, 3, 0)),
                flowsOnly("A", 2021, transfers(Stage.PRIMARY, 3, 2, 0)),
                flowsOnly("A", 2022, transfers(Stage.PRIMARY, 4, 0, 3)),
                flowsOnly("B", 2022, transfers(Stage.PRIMARY, 4, 0, 2)),
                flowsOnly("A", 2023, new Flow(Stage.PRIMARY, 5, 0, 0, 1, 0, 1)),
                flowsOnly("A", YEAR, new Flow(Stage.PRIMARY, 6, 0, 55, 0, 1, 0),
                        entrants(Stage.PRIMARY, 1, 80), transfers(Stage.PRIMARY, 2, 5, 0)),
                flowsOnly("B", YEAR, new Flow(Stage.PRIMARY, 6, 0, 41, 1, 0, 0)),
                flowsOnly("C", YEAR, entrants(Stage.JUNIOR, 7, 100)));
    }

    private static RegistryFigure primaryRate(List<SchoolYear> reports) {
        return Fixtures.figures(Fixtures.region(reports)).get(PRIMARY);
    }

    private static RegistryFigure juniorRate(List<SchoolYear> reports) {
        return Fixtures.figures(Fixtures.region(reports)).get(JUNIOR);
    }

    /**
     * One junior school over a cohort's three years: {@code entryYear}'s flows in 2022, none but an
     * empty grade 8 in 2023, {@code lastYear}'s in 2024.
     */
    private static List<SchoolYear> oneJuniorSchool(Flow entryYear, Flow lastYear) {
        return List.of(
                flowsOnly("J", 2022, entryYear),
                flowsOnly("J", 2023, transfers(Stage.JUNIOR, 8, 0, 0)),
                flowsOnly("J", YEAR, lastYear));
    }

    private static List<SchoolYear> without(List<SchoolYear> reports, int year) {
        return reports.stream().filter(report -> report.year() != year).toList();
    }

    @Test
    void primaryRateFollowsTheCohortWithTransfersInAndOut() {
        // 96*100/99 = 96.9696... -> 96.97
        assertPercent(primaryRate(primaryCohort()), "96.97", 96, 99);
    }

    @Test
    void dropoutsAreLossesAndDoNotAdjustTheCohort() {
        List<SchoolYear> reports = new ArrayList<>(primaryCohort());
        reports.add(flowsOnly("B", 2023, new Flow(Stage.PRIMARY, 5, 0, 0, 0, 0, 10)));
        // still 96 of 99
        assertPercent(primaryRate(reports), "96.97", 96, 99);
    }

    @Test
    void aMissingMiddleYearMakesTheRateAbsent() {
        assertAbsent(primaryRate(without(primaryCohort(), 2021)), "2021—2022学年" + NO_COHORT_DATA);
    }

    @Test
    void aMissingEntryYearMakesTheRateAbsent() {
        assertAbsent(primaryRate(without(primaryCohort(), 2019)), "2019—2020学年" + NO_COHORT_DATA);
    }

    @Test
    void aYearFiledWithNoReportsIsAMissingYear() {
        Map<Integer, List<SchoolYear>> byYear = Fixtures.byYear(without(primaryCohort(), 2022));
        byYear.put(2022, List.of());
        RegionData data = new RegionData(Fixtures.REGION, YEAR, List.of(), byYear, List.of(), null);
        assertAbsent(Fixtures.figures(data).get(PRIMARY), "2022—2023学年" + NO_COHORT_DATA);
    }

    @Test
    void aRateAbove100PercentIsReportedAsComputed() {
        List<SchoolYear> reports = concat(without(primaryCohort(), YEAR), List.of(
                flowsOnly("A", YEAR, new Flow(Stage.PRIMARY, 6, 0, 79, 0, 1, 0)),
                flowsOnly("B", YEAR, new Flow(Stage.PRIMARY, 6, 0, 41, 1, 0, 0))));
        // graduates 79 + 41 = 120 of the same cohort of 99 -> 12000/99 = 121.2121... -> 121.21
        assertPercent(primaryRate(reports), "121.21", 120, 99);
    }

    /** Junior: 2022 grade 7, 2023 grade 8, 2024 grade 9. */
    @Test
    void juniorRateFollowsGrades7To9() {
        List<SchoolYear> reports = List.of(
                flowsOnly("J", 2022, new Flow(Stage.JUNIOR, 7, 150, 0, 2, 4, 3)),
                flowsOnly("K", 2022, entrants(Stage.JUNIOR, 7, 50)),
                flowsOnly("J", 2023, transfers(Stage.JUNIOR, 8, 5, 1), entrants(Stage.JUNIOR, 7, 999)),
                flowsOnly("J", YEAR, new Flow(Stage.JUNIOR, 9, 0, 180, 0, 3, 0), transfers(Stage.JUNIOR, 7, 40, 0)),
                flowsOnly("K", YEAR, graduates(Stage.JUNIOR, 9, 16)));
        // entrants 150 + 50 = 200; net (2 - 4) + (5 - 1) + (0 - 3) = -1; cohort 199
        // graduates 180 + 16 = 196 -> 19600/199 = 98.4924... -> 98.49
        assertPercent(juniorRate(reports), "98.49", 196, 199);
        // the primary rate needs 2019-2021
        assertAbsent(Fixtures.figures(Fixtures.region(reports)).get(PRIMARY),
                "2019—2020、2020—2021、2021—2022学年" + NO_COHORT_DATA);
    }

    @Test
    void juniorRateAbove100PercentWhenMoreGraduateThanEntered() {
        List<SchoolYear> reports = oneJuniorSchool(entrants(Stage.JUNIOR, 7, 100),
                graduates(Stage.JUNIOR, 9, 104));
        // 10400/100 = 104.00
        assertPercent(juniorRate(reports), "104.00", 104, 100);
    }

    @Test
    void isAbsentWithoutEntrantsInTheEntryYear() {
        List<SchoolYear> reports = oneJuniorSchool(transfers(Stage.JUNIOR, 7, 3, 0),
                graduates(Stage.JUNIOR, 9, 3));
        assertAbsent(juniorRate(reports), "2022—2023学年七年级招生数为0或未填报");
    }

    @Test
    void isAbsentWithoutFlowsOfTheGraduatingGrade() {
        List<SchoolYear> reports = oneJuniorSchool(entrants(Stage.JUNIOR, 7, 100),
                entrants(Stage.JUNIOR, 7, 100));
        assertAbsent(juniorRate(reports), "2024—2025学年无九年级毕业生数据");
    }

    @Test
    void isZeroWhenTheGraduatingGradeReportsNoGraduates() {
        List<SchoolYear> reports = oneJuniorSchool(entrants(Stage.JUNIOR, 7, 100),
                graduates(Stage.JUNIOR, 9, 0));
        assertPercent(juniorRate(reports), "0.00", 0, 100);
    }

    @Test
    void isAbsentWhenTransfersOutLeaveNoCohort() {
        List<SchoolYear> reports = oneJuniorSchool(new Flow(Stage.JUNIOR, 7, 3, 0, 0, 5, 0),
                graduates(Stage.JUNIOR, 9, 1));
        // cohort 3 - 5 = -2
        assertAbsent(juniorRate(reports),
                "2022—2023学年入学的该届学生经转入转出调整后人数不为正（招生3人，净转入-5人）");
    }
}
