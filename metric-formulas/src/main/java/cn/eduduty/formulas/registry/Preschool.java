package cn.eduduty.formulas.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.eduduty.formulas.PeriodWording;

/**
 * Preschool provision: inclusive coverage by children and by kindergartens, and township
 * central kindergarten coverage. Only schools of type {@link SchoolType#KINDERGARTEN} count as
 * kindergartens; preschool classes attached to other schools are outside these three figures
 * (they do count in the gross enrolment rate).
 */
final class Preschool {

    static final Metric INCLUSIVE_COVERAGE = Metric.catalogued("registry.preschool.inclusive_coverage");
    static final Metric INCLUSIVE_SHARE = Metric.catalogued("registry.preschool.inclusive_kindergarten_share");
    static final Metric TOWNSHIP_COVERAGE =
            Metric.catalogued("registry.preschool.township_central_kindergarten_coverage");

    private Preschool() {
    }

    static List<RegistryFigure> figures(RegionData data) {
        return List.of(inclusiveCoverage(data), inclusiveShare(data), townshipCoverage(data));
    }

    /** Preschool students in public or inclusive private kindergartens ÷ preschool students in all kindergartens. */
    private static RegistryFigure inclusiveCoverage(RegionData data) {
        int year = data.year();
        if (!data.hasDataFor(year)) {
            return INCLUSIVE_COVERAGE.absent(Tally.noSchoolYearData(year));
        }
        Map<String, SchoolFacts> schools = Tally.schoolsByCode(data);
        long inclusiveChildren = 0;
        long allChildren = 0;
        for (SchoolYear report : data.schoolYearsOf(year)) {
            SchoolFacts school = schools.get(report.schoolCode());
            if (school == null || !school.isKindergarten()) {
                continue;
            }
            long children = Tally.students(report.classes().stream().filter(room -> room.stage() == Stage.PRESCHOOL));
            allChildren += children;
            if (school.isPublicOrInclusiveKindergarten()) {
                inclusiveChildren += children;
            }
        }
        return INCLUSIVE_COVERAGE.percent(inclusiveChildren, allChildren, PeriodWording.schoolYear(year) + "无幼儿园填报在园幼儿");
    }

    /** Public or inclusive private kindergartens ÷ all kindergartens. */
    private static RegistryFigure inclusiveShare(RegionData data) {
        List<SchoolFacts> kindergartens = data.schools().stream().filter(SchoolFacts::isKindergarten).toList();
        long inclusive = kindergartens.stream().filter(SchoolFacts::isPublicOrInclusiveKindergarten).count();
        return INCLUSIVE_SHARE.percent(inclusive, kindergartens.size(), PeriodWording.schoolYear(data.year()) + "无在办幼儿园");
    }

    /** Townships of the region with a public central kindergarten ÷ townships of the region. */
    private static RegistryFigure townshipCoverage(RegionData data) {
        Set<String> townships = new LinkedHashSet<>(data.townshipCodes());
        long covered = townships.stream()
                .filter(township -> data.schools().stream().anyMatch(
                        school -> school.isPublicCentralKindergarten() && township.equals(school.townshipCode())))
                .count();
        return TOWNSHIP_COVERAGE.percent(covered, townships.size(),
                "未登记行政区划" + data.regionCode() + "所辖乡镇");
    }
}
