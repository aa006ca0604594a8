package cn.eduduty.registry.bulkimport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
            row.fail("year", year + "年重复出现");
            return null;
        }
        return year;
    }

    /** How a sheet records its fact: one of {@link CountyFactService}'s puts. */
    @FunctionalInterface
    interface Put<R> {
        void put(String county, int year, R request, String ifMatch, String principal);
    }

    /**
     * Records the row's fact unless a cell failed or the sheet has errors so far; the fact's rule
     * violations become errors of the row. The fact replaces whatever the year held (the sheet
     * quotes the stored version as If-Match).
     */
    <R> void record(SheetRow row, Integer year, R request, Function<R, List<Violation>> check, Put<R> put) {
        if (row.failed()) {
            return;
        }
        List<Violation> violations = check.apply(request);
        context.errors().addAll(row.number(), violations);
        if (!violations.isEmpty()) {
            return;
        }
        years.add(year);
        if (!context.errors().any()) {
            String county = context.county();
            put.put(county, year, request, countyFacts.storedTag(context.kind().name(), county, year), context.principal());
        }
    }

    @Override
    public ImportSummary summary(long rows) {
        return new ImportSummary(context.kind().path(), rows, 0, 0, 0, years.size(), false);
    }
}
