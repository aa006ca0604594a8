package cn.eduduty.registry.bulkimport;

import java.sql.SQLException;

import jakarta.persistence.EntityManager;

import cn.eduduty.registry.school.School;
import cn.eduduty.registry.schoolyear.SchoolYearRules;
import cn.eduduty.registry.schoolyear.SchoolYearQueries;
import cn.eduduty.runtime.outbox.Outbox;

/** The classes sheet: replaces the class roster of every (school, school year) that appears, one row per class. */
final class ClassSheet extends SchoolYearSheet {

    private final ImportBatchWriter writer;

    ClassSheet(ImportContext context, SchoolYearQueries years, Outbox outbox, EntityManager em, ImportBatchWriter writer) {
        super(context, years, outbox, em);
        this.writer = writer;
    }

    @Override
    public void row(SheetRow row) throws SQLException {
        GradeCells cells = gradeCells(row);
        Integer students = row.integer("students", 0, SchoolYearRules.MAX_CLASS_SIZE);
        boolean commonLanguage = row.bool("commonLanguage", true);
        School school = cells.school();
        if (row.failed() || school == null) {
            return;
        }
        context.errors().addAll(row.number(),
                SchoolYearRules.checkClass(school.type(), cells.stage(), cells.grade(), students));
        String key = touch(school, cells.year(), row, true, false);
        if (key == null || context.errors().any()) {
            return;
        }
        int no = touched.merge(key, 1, Integer::sum);
        writer.add(new ImportBatchWriter.NewClass(school.code(), cells.year(), no, cells.stage(), cells.grade(), students,
                commonLanguage));
    }
}
