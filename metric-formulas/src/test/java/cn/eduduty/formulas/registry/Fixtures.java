package cn.eduduty.formulas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small builders for hand-made counties, and assertions on figures. */
final class Fixtures {

    static final int YEAR = 2024;
    static final String REGION = "522701";
    static final String T1 = "522701100";
    static final String T2 = "522701101";

    private Fixtures() {
    }

    static SchoolFacts kindergarten(String code, Ownership ownership, boolean inclusive, boolean central, String township) {
        return new SchoolFacts(code, "幼儿园 " + code, SchoolType.KINDERGARTEN, ownership, inclusive, central, Area.TOWN,
                township);
    }

    /** A public school of {@code type} in {@code township}. */
    static SchoolFacts school(String code, SchoolType type, String township) {
        return new SchoolFacts(code, "学校 " + code, type, Ownership.PUBLIC, false, false, Area.RURAL, township);
    }

    /** Classes taught in the national common language, one per size. */
    static List<ClassRoom> rooms(Stage stage, int grade, int... sizes) {
        return Arrays.stream(sizes).mapToObj(size -> new ClassRoom(stage, grade, size, true)).toList();
    }

    /** One class not taught in the national common language. */
    static List<ClassRoom> otherLanguageRoom(Stage stage, int grade, int students) {
        return List.of(new ClassRoom(stage, grade, students, false));
    }

    static Flow entrants(Stage stage, int grade, int entrants) {
        return new Flow(stage, grade, entrants, 0, 0, 0, 0);
    }

    static Flow graduates(Stage stage, int grade, int graduates) {
        return new Flow(stage, grade, 0, graduates, 0, 0, 0);
    }

    static Flow transfers(Stage stage, int grade, int in, int out) {
        return new Flow(stage, grade, 0, 0, in, out, 0);
    }

    static SchoolYear report(String code, int year, List<ClassRoom> classes, List<Flow> flows) {
        return new SchoolYear(code, year, classes, flows, null, null);
    }

    static SchoolYear report(String code, int year, List<ClassRoom> classes, List<Flow> flows, Disability disability,
            Staff staff) {
        return new SchoolYear(code, year, classes, flows, disability, staff);
    }

    static SchoolYear flowsOnly(String code, int year, Flow... flows) {
        return report(code, year, List.of(), List.of(flows));
    }

    static SchoolYear classesOnly(String code, int year, List<ClassRoom> classes) {
        return report(code, year, classes, List.of());
    }

    static SchoolYear staffOnly(String code, int year, Staff staff) {
        return report(code, year, List.of(), List.of(), null, staff);
    }

    static Map<Integer, List<SchoolYear>> byYear(List<SchoolYear> reports) {
        Map<Integer, List<SchoolYear>> byYear = new TreeMap<>();
        for (SchoolYear report : reports) {
            byYear.computeIfAbsent(report.year(), year -> new ArrayList<>()).add(report);
        }
        return byYear;
    }

    static RegionData region(List<SchoolFacts> schools, List<SchoolYear> reports, List<String> townships,
            Population population) {
        return new RegionData(REGION, YEAR, schools, byYear(reports), townships, population);
    }

    /** A region of {@link #YEAR} with only school-year reports. */
    static RegionData region(List<SchoolYear> reports) {
        return region(List.of(), reports, List.of(), null);
    }

    static Map<String, RegistryFigure> figures(RegionData data) {
        return RegistryStatistics.byKey(RegistryStatistics.compute(data));
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    static void assertCount(RegistryFigure figure, long expected) {
        assertThat(figure.absentReason()).as(figure.key()).isNull();
        assertThat(figure.unit()).as(figure.key()).isEqualTo(RegistryFigure.COUNT);
        assertThat(figure.value()).as(figure.key()).isEqualTo(BigDecimal.valueOf(expected));
        assertThat(figure.numerator()).isNull();
        assertThat(figure.denominator()).isNull();
    }

    /** A present percentage with exactly this value (two decimals) and these counts. */
    static void assertPercent(RegistryFigure figure, String expected, long numerator, long denominator) {
        assertThat(figure.absentReason()).as(figure.key()).isNull();
        assertThat(figure.unit()).as(figure.key()).isEqualTo(RegistryFigure.PERCENT);
        assertThat(figure.value()).as(figure.key()).isEqualTo(new BigDecimal(expected));
        assertThat(figure.numerator()).as(figure.key() + " numerator").isEqualTo(BigDecimal.valueOf(numerator));
        assertThat(figure.denominator()).as(figure.key() + " denominator").isEqualTo(BigDecimal.valueOf(denominator));
    }

    static void assertAbsent(RegistryFigure figure, String reason) {
        assertThat(figure.value()).as(figure.key()).isNull();
        assertThat(figure.numerator()).isNull();
        assertThat(figure.denominator()).isNull();
        assertThat(figure.absentReason()).as(figure.key()).isEqualTo(reason);
    }
}
