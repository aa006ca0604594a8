package cn.eduduty.formulas.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import cn.eduduty.formulas.PeriodWording;

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
    static RegistryFigure preschoolGross(RegionData data) {
        return gross(data, PRESCHOOL_GROSS, EnumSet.of(Stage.PRESCHOOL), 3, 5);
    }

    /** Senior (general) and vocational students of any age ÷ residents aged 15–17. */
    static RegistryFigure seniorGross(RegionData data) {
        return gross(data, SENIOR_GROSS, EnumSet.of(Stage.SENIOR, Stage.VOCATIONAL), 15, 17);
    }

    /** Students with disabilities in every placement ÷ identified school-age children with disabilities. */
    static RegistryFigure disabledChildren(RegionData data) {
        int year = data.year();
        String noPopulation = noPopulation(data);
        if (noPopulation != null) {
            return DISABLED.absent(noPopulation);
        }
        Integer identified = data.population().identifiedDisabledChildren();
        if (identified == null) {
            return DISABLED.absent("未填报" + PeriodWording.year(year) + "已认定的适龄残疾儿童少年数");
        }
        if (!data.hasDataFor(year)) {
            return DISABLED.absent(Tally.noSchoolYearData(year));
        }
        List<Disability> reported = Tally.reported(data, year, SchoolYear::disability);
        if (reported.isEmpty()) {
            return DISABLED.absent(PeriodWording.schoolYear(year) + "无学校填报残疾学生数据");
        }
        long enrolled = reported.stream().mapToLong(Disability::total).sum();
        return DISABLED.percent(enrolled, identified, PeriodWording.year(year) + "已认定的适龄残疾儿童少年数为0");
    }

    private static RegistryFigure gross(RegionData data, Metric metric, Set<Stage> stages, int fromAge, int toAge) {
        int year = data.year();
        String noPopulation = noPopulation(data);
        if (noPopulation != null) {
            return metric.absent(noPopulation);
        }
        Map<Integer, Integer> residentsByAge = data.population().residentsByAge();
        List<Integer> missingAges = agesWhere(fromAge, toAge, age -> !residentsByAge.containsKey(age));
        if (!missingAges.isEmpty()) {
            return metric.absent("无" + PeriodWording.year(year) + PeriodWording.ages(missingAges) + "常住人口数据");
        }
        List<Integer> zeroAges = agesWhere(fromAge, toAge, age -> residentsByAge.get(age) == 0);
        if (!zeroAges.isEmpty()) {
            return metric.absent(PeriodWording.year(year) + PeriodWording.ages(zeroAges) + "常住人口数为0");
        }
        if (!data.hasDataFor(year)) {
            return metric.absent(Tally.noSchoolYearData(year));
        }
        long residents = IntStream.rangeClosed(fromAge, toAge).mapToLong(residentsByAge::get).sum();
        long students = Tally.students(Tally.classes(data, year).filter(room -> stages.contains(room.stage())));
        return metric.percent(students, residents,
                PeriodWording.year(year) + PeriodWording.ages(fromAge, toAge) + "常住人口数为0");
    }

    private static List<Integer> agesWhere(int fromAge, int toAge, IntPredicate which) {
        return IntStream.rangeClosed(fromAge, toAge).filter(which).boxed().toList();
    }

    /** Why the population cannot be used for the year, or null when it can. */
    private static String noPopulation(RegionData data) {
        Population population = data.population();
        if (population == null) {
            return "无" + PeriodWording.year(data.year()) + "常住人口数据";
        }
        if (population.year() != data.year()) {
            return "无" + PeriodWording.year(data.year()) + "常住人口数据（现有数据为" + PeriodWording.year(population.year()) + "）";
        }
        return null;
    }
}
