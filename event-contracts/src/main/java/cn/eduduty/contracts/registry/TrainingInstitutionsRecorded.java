package cn.eduduty.contracts.registry;

import java.util.List;

/**
 * A county's off-campus training institutions (校外培训机构) in calendar year {@code year}, by kind,
 * and the governance work of the year (规范校外培训).
 *
 * @param kinds             at most one entry per kind, in the order SUBJECT, ARTS, SPORTS, SCIENCE, OTHER
 * @param inspections       检查次数 (专项检查、联合执法); null when not recorded
 * @param complaintsHandled 受理并办结的投诉举报件数; null when not recorded
 */
public record TrainingInstitutionsRecorded(
        String regionCode,
        int year,
        List<Kind> kinds,
        Integer inspections,
        Integer complaintsHandled,
        long version) {

    /**
     * One kind of institution.
     *
     * @param kind       SUBJECT 学科类, ARTS 艺术, SPORTS 体育, SCIENCE 科技, OTHER 其他
     * @param atStart    机构数 on 1 January
     * @param atEnd      机构数 on 31 December
     * @param approved   newly registered or approved during the year (审批登记)
     * @param rectified  ordered to rectify (整改)
     * @param closed     closed down or banned (取缔、关停), licensed or not
     */
    public record Kind(String kind, int atStart, int atEnd, int approved, int rectified, int closed) {
    }
}
