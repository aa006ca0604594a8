package cn.eduduty.registry.bulkimport;

import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentRequest;

/** The teacher-recruitment sheet: the teachers the county recruited each year. */
final class TeacherRecruitmentSheet extends CountyFactSheet {

    TeacherRecruitmentSheet(ImportContext context, CountyFactService countyFacts) {
        super(context, countyFacts);
    }

    @Override
    public void row(SheetRow row) {
        Integer year = year(row);
        TeacherRecruitmentRequest request = new TeacherRecruitmentRequest(row.integer("recruited", 0, 1_000_000),
                row.integer("ruralRecruited", 0, 1_000_000));
        record(row, year, request, CountyFactService::check, countyFacts::putTeacherRecruitment);
    }
}
