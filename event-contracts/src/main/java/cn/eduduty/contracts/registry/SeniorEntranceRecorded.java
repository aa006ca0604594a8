package cn.eduduty.contracts.registry;

/**
 * Where a county's junior graduates of the summer of {@code year} went in the autumn of that year
 * (高中阶段招生): general high schools of the county, secondary vocational schools in and outside
 * the county, with the exam takers (中考人数) and the general high schools' enrolment plan (指标数).
 * A county fact, not a school's: entrants to vocational schools outside the county belong to no
 * school of the registry.
 *
 * @param juniorGraduates      初中毕业生数; null when not recorded
 * @param examTakers           中考人数; null when not recorded
 * @param generalEnrolmentPlan 普通高中招生计划（指标数）; null when not recorded
 */
public record SeniorEntranceRecorded(
        String regionCode,
        int year,
        Integer juniorGraduates,
        Integer examTakers,
        int generalEntrants,
        int vocationalEntrantsInCounty,
        int vocationalEntrantsOutOfCounty,
        Integer generalEnrolmentPlan,
        long version) {
}
