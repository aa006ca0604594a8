package cn.eduduty.formulas.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.eduduty.formulas.PeriodWording;

/** Sums over the school years of a region; all counts are summed as longs. */
final class Tally {

    private Tally() {
    }

    static Stream<ClassRoom> classes(RegionData data, int year) {
        return data.schoolYearsOf(year).stream().flatMap(schoolYear -> schoolYear.classes().stream());
    }

    static List<ClassRoom> classesOf(RegionData data, int year, Stage first, Stage... more) {
        Set<Stage> stages = EnumSet.of(first, more);
        return classes(data, year).filter(room -> stages.contains(room.stage())).toList();
    }

    static long count(List<ClassRoom> classes, Predicate<ClassRoom> which) {
        return classes.stream().filter(which).count();
    }

    static long students(Stream<ClassRoom> classes) {
        return classes.mapToLong(ClassRoom::students).sum();
    }

    static List<Flow> flows(RegionData data, int year, Stage stage, int grade) {
        return data.schoolYearsOf(year).stream()
                .flatMap(schoolYear -> schoolYear.flows().stream())
                .filter(flow -> flow.isOf(stage, grade))
                .toList();
    }

    static long sum(List<Flow> flows, ToIntFunction<Flow> field) {
        return flows.stream().mapToLong(field::applyAsInt).sum();
    }

    /** The non-null values of {@code field} over the school years of {@code year}. */
    static <T> List<T> reported(RegionData data, int year, Function<SchoolYear, T> field) {
        return data.schoolYearsOf(year).stream().map(field).filter(Objects::nonNull).toList();
    }

    static Map<String, SchoolFacts> schoolsByCode(RegionData data) {
        return data.schools().stream().collect(Collectors.toMap(SchoolFacts::code, Function.identity()));
    }

    /** "2024—2025学年无学校填报数据". */
    static String noSchoolYearData(int year) {
        return PeriodWording.schoolYear(year) + "无学校填报数据";
    }
}
