package cn.eduduty.registry.bulkimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.registry.school.School;
import cn.eduduty.registry.schoolyear.SchoolYearService;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.runtime.outbox.Outbox;

/**
 * What the sheets of school-year data (classes, enrolment, staff) share: rows name a school of the
 * county and a school year; the first row of a (school, year) makes room for the sheet's part of it;
 * once all rows are stored, each (school, year) touched is published whole, in batches of
 * {@value #EVENT_BATCH}.
 */
abstract class SchoolYearSheet implements SheetHandler {

    static final int EVENT_BATCH = 200;

    final ImportContext context;
    final SchoolYearQueries years;
    private final Outbox outbox;
    private final EntityManager em;
    /** (school, year) touched, with the number of its last class. */
    final Map<String, Integer> touched = new LinkedHashMap<>();

    SchoolYearSheet(ImportContext context, SchoolYearQueries years, Outbox outbox, EntityManager em) {
        this.context = context;
        this.years = years;
        this.outbox = outbox;
        this.em = em;
    }

    /** The county's school the row names, or null (with an error when the code is not one). */
    School schoolOf(SheetRow row) {
        String code = row.text("schoolCode", "^\\d{10}$", "应为10位学校标识码");
        if (code == null) {
            return null;
        }
        School school = context.schools().get(code);
        if (school == null) {
            row.error("schoolCode", "学校" + code + "不是本县（" + context.county() + "）的学校");
        }
        return school;
    }

    /** The cells of a row that names one grade of a school year (classes, enrolment); any may be null. */
    record GradeCells(School school, Integer year, String stage, Integer grade) {
    }

    /** Reads the row's school, school year, stage and grade, in that order (errors as each cell's reader). */
    GradeCells gradeCells(SheetRow row) {
        return new GradeCells(schoolOf(row), row.schoolYear("schoolYear"), row.choice("stage"),
                row.integer("grade", 1, 12));
    }

    /**
     * The key of (school, year), preparing the year for the sheet's rows when it is touched first
     * (and the sheet has no error so far); null, with an error, when the school was not open then.
     */
    String touch(School school, int year, SheetRow row, boolean replaceClasses, boolean replaceFlows) {
        if (!school.openIn(year)) {
            row.error("schoolYear", "学校" + school.code() + "在" + year + "年9月1日未开办");
            return null;
        }
        String key = school.code() + "/" + year;
        if (!touched.containsKey(key)) {
            touched.put(key, 0);
            if (!context.errors().any()) {
                years.prepareForImport(school.code(), school.countyCode(), year, replaceClasses, replaceFlows,
                        context.principal());
            }
        }
        return key;
    }

    /** Publishes every (school, year) touched, as stored now. */
    @Override
    public void finish() {
        Map<Integer, List<String>> byYear = new HashMap<>();
        for (String key : touched.keySet()) {
            String[] parts = key.split("/");
            byYear.computeIfAbsent(Integer.parseInt(parts[1]), y -> new ArrayList<>()).add(parts[0]);
        }
        byYear.forEach((year, codes) -> {
            for (int i = 0; i < codes.size(); i += EVENT_BATCH) {
                for (SchoolYearResponse data : years.ofSchools(codes.subList(i, Math.min(codes.size(), i + EVENT_BATCH)),
                        year)) {
                    School school = context.schools().get(data.schoolCode());
                    outbox.publish(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "school-year", data.schoolCode() + "/" + year,
                            school.countyCode(), SchoolYearService.event(data, school), context.principal());
                }
                em.flush();
                em.clear();
            }
        });
    }

    @Override
    public ImportSummary summary(long rows) {
        return new ImportSummary(context.kind().path(), rows, 0, 0, touched.size(), 0, false);
    }
}
