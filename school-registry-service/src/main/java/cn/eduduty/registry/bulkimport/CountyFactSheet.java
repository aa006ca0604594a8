package cn.eduduty.registry.bulkimport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.eduduty.registry.countyfact.CountyFactService;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * What the sheets of the county's own facts share: one row per year, each recorded through
 * {@link CountyFactService} (its rules, its events), replacing whatever the year held.
 */
abstract class CountyFactSheet implements SheetHandler {

    final ImportContext context;
    final CountyFactService countyFacts;
    /** The county's years recorded by the sheet. */
    private final Set<Integer> years = new LinkedHashSet<>();

    CountyFactSheet(ImportContext context, CountyFactService countyFacts) {
        this.context = context;
        this.countyFacts = countyFacts;
    }

    /** The row's year, or null (with an error when it is not one, or appeared before). */
    Integer year(SheetRow row) {
        Integer year = row.integer("year", 1990, 2100);
        if (year != null && years.contains(year)) {
            row.fail("year", year + " appears twice");
            return null;
        }
        return year;
    }

    /** Records the fact unless the sheet has errors so far; field violations become errors of the row. */
    void record(SheetRow row, int year, List<Violation> violations, Runnable save) {
        context.errors().addAll(row.number(), violations);
        if (row.failed() || !violations.isEmpty()) {
            return;
        }
        years.add(year);
        if (!context.errors().any()) {
            save.run(); // replaces whatever was recorded for the year, as a sheet replaces its rows
        }
    }

    @Override
    public ImportSummary summary(long rows) {
        return new ImportSummary(context.kind().path(), rows, 0, 0, 0, years.size(), false);
    }
}
