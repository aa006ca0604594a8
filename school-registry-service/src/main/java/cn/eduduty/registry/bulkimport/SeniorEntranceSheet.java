package cn.eduduty.registry.bulkimport;

import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.registry.countyfact.api.SeniorEntranceRequest;

/** The senior-entrance sheet: the county's senior-secondary entrance of each year. */
final class SeniorEntranceSheet extends CountyFactSheet {

    SeniorEntranceSheet(ImportContext context, CountyFactService countyFacts) {
        super(context, countyFacts);
    }

    @Override
    public void row(SheetRow row) {
        Integer year = year(row);
        int max = 10_000_000;
        SeniorEntranceRequest request = new SeniorEntranceRequest(row.integer("juniorGraduates", 0, max),
                row.integer("examTakers", 0, max), row.integer("generalEntrants", 0, max),
                row.integer("vocationalEntrantsInCounty", 0, max), row.integer("vocationalEntrantsOutOfCounty", 0, max),
                row.integer("generalEnrolmentPlan", 0, max));
        record(row, year, request, CountyFactService::check, countyFacts::putSeniorEntrance);
    }
}
