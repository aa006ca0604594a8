package cn.eduduty.formulas.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rates whose denominator is the population: gross enrolment rates (毛入学率) and the enrolment
 * rate of identified school-age children with disabilities.
 */
final class EnrolmentRates {

    static final Metric PRESCHOOL_GROSS = Metric.catalogued("registry.preschool.gross_enrolment_rate");
    static final Metric SENIOR_GROSS = Metric.catalogued("registry.senior.gross_enrolment_rate");
    static final Metric DISABLED = Metric.catalogued("registry.special.disabled_children_enrolment_rate");

    private EnrolmentRates() {
    }

    /** Preschool students of any age ÷ residents aged 3–5. */
    static Figure preschoolGross(RegionData data) {
        return gross(data, PRESCHOOL_GROSS, EnumSet.of(Stage.PRESCHOOL), 3, 5);
    }

    /** Senior (general) and vocational students of any age ÷ residents aged 15–17. */
    static Figure seniorGross(RegionData data) {
        return gross(data, SENIOR_GROSS, EnumSet.of(Stage.SENIOR, Stage.VOCATIONAL), 15, 17);
    }

    /** Students with disabilities in every placement ÷ identified school-age children with disabilities. */
    static Figure disabledChildren(RegionData data) {
        int year = data.year();
        String noPopulation = noPopulation(data);
        if (noPopulation != null) {
            return DISABLED.absent(noPopulation);
        }
        Integer identified = data.population().identifiedDisabledChildren();
        if (identified == null) {
            return DISABLED.absent("identified school-age disabled children not reported for " + year);
        }
        if (!data.hasDataFor(year)) {
            return DISABLED.absent(Tally.noSchoolYearData(year));
        }
        List<Disability> reported = Tally.reported(data, year, SchoolYear::disability);
        if (reported.isEmpty()) {
            return DISABLED.absent("no school reported students with disabilities for " + year);
        }
        long enrolled = reported.stream().mapToLong(Disability::total).sum();
        return DISABLED.percent(enrolled, identified, "no identified school-age disabled children in " + year);
    }

    private static Figure gross(RegionData data, Metric metric, Set<Stage> stages, int fromAge, int toAge) {
        int year = data.year();
        String noPopulation = noPopulation(data);
        if (noPopulation != null) {
            return metric.absent(noPopulation);
        }
        Map<Integer, Integer> residentsByAge = data.population().residentsByAge();
        List<Integer> missingAges = agesWhere(fromAge, toAge, age -> !residentsByAge.containsKey(age));
        if (!missingAges.isEmpty()) {
            return metric.absent("no resident count for " + ages(missingAges) + " in " + year);
        }
        List<Integer> zeroAges = agesWhere(fromAge, toAge, age -> residentsByAge.get(age) == 0);
        if (!zeroAges.isEmpty()) {
            return metric.absent("resident count is zero for " + ages(zeroAges) + " in " + year);
        }
        if (!data.hasDataFor(year)) {
            return metric.absent(Tally.noSchoolYearData(year));
        }
        long residents = IntStream.rangeClosed(fromAge, toAge).mapToLong(residentsByAge::get).sum();
        long students = Tally.students(Tally.classes(data, year).filter(room -> stages.contains(room.stage())));
        return metric.percent(students, residents, "no residents aged " + fromAge + "–" + toAge + " in " + year);
    }

    private static List<Integer> agesWhere(int fromAge, int toAge, IntPredicate which) {
        return IntStream.rangeClosed(fromAge, toAge).filter(which).boxed().toList();
    }

    private static String ages(List<Integer> ages) {
        return (ages.size() == 1 ? "age " : "ages ")
                + ages.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Why the population cannot be used for the year, or null when it can. */
    private static String noPopulation(RegionData data) {
        Population population = data.population();
        if (population == null) {
            return "no population data for " + data.year();
        }
        if (population.year() != data.year()) {
            return "no population data for " + data.year() + " (population given is for " + population.year() + ")";
        }
        return null;
    }
}
