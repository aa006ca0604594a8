package cn.eduduty.registry.bulkimport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import cn.eduduty.registry.school.School;
import cn.eduduty.registry.schoolyear.SchoolYearRules;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.runtime.outbox.Outbox;

/** The staff sheet: replaces the staff aggregates of every (school, school year) that appears, one row each. */
final class StaffSheet extends SchoolYearSheet {

    /** In the order of {@code SchoolYearRequest.StaffRequest}. */
    private static final List<String> COUNTS = List.of("teachers", "newHires", "ruralNewHires", "eligibleForRotation",
            "rotated", "rotatedBackbone", "newHiresPutonghua2B");

    private final Set<String> seen = new LinkedHashSet<>();

    StaffSheet(ImportContext context, SchoolYearQueries years, Outbox outbox, EntityManager em) {
        super(context, years, outbox, em);
    }

    @Override
    public void row(SheetRow row) {
        School school = schoolOf(row);
        Integer year = row.schoolYear("schoolYear");
        int[] counts = row.counts(COUNTS, 100_000);
        if (row.failed() || school == null) {
            return;
        }
        context.errors().addAll(row.number(), SchoolYearRules.checkStaff(counts));
        if (!seen.add(school.code() + "/" + year)) {
            row.error("schoolCode", "学校" + school.code() + " " + year + "学年的教职工数据重复出现");
            return;
        }
        if (touch(school, year, row, false, false) == null || context.errors().any()) {
            return;
        }
        years.replaceStaff(school.code(), year, counts);
    }
}
