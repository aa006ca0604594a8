package cn.eduduty.registry.bulkimport;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import cn.eduduty.registry.school.School;
import cn.eduduty.registry.schoolyear.SchoolYearRules;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.runtime.outbox.Outbox;

/** The enrolment sheet: replaces the enrolment flows of every (school, school year) that appears, one row per grade. */
final class EnrolmentSheet extends SchoolYearSheet {

    private static final List<String> COUNTS = List.of("entrants", "graduates", "transfersIn", "transfersOut", "dropouts");

    private final ImportBatchWriter writer;
    private final Set<String> seen = new HashSet<>();

    EnrolmentSheet(ImportContext context, SchoolYearQueries years, Outbox outbox, EntityManager em,
            ImportBatchWriter writer) {
        super(context, years, outbox, em);
        this.writer = writer;
    }

    @Override
    public void row(SheetRow row) throws SQLException {
        GradeCells cells = gradeCells(row);
        int[] counts = row.counts(COUNTS, 100_000);
        School school = cells.school();
        if (row.failed() || school == null) {
            return;
        }
        Integer year = cells.year();
        String stage = cells.stage();
        Integer grade = cells.grade();
        context.errors().addAll(row.number(), SchoolYearRules.checkFlow(school.type(), stage, grade, counts[0], counts[1]));
        if (!seen.add(school.code() + "/" + year + "/" + stage + "/" + grade)) {
            row.error("grade", "学校" + school.code() + " " + year + "学年" + row.raw("stage") + grade + "年级重复出现");
            return;
        }
        String key = touch(school, year, row, false, true);
        if (key == null || context.errors().any()) {
            return;
        }
        writer.add(new ImportBatchWriter.NewFlow(school.code(), year, stage, grade, counts[0], counts[1], counts[2],
                counts[3], counts[4]));
    }
}
