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
        if (row.failed()) {
            return;
        }
        String county = context.county();
        record(row, year, CountyFactService.check(request),
                () -> countyFacts.putTeacherRecruitment(county, year, request,
                        countyFacts.storedTag("TEACHER_RECRUITMENT", county, year), context.principal()));
    }
}
