package cn.eduduty.contracts.funding;

/** A county closed a fiscal year: no posting goes into it any more. */
public record FiscalYearClosed(
        String regionCode,
        int fiscalYear,
        long postings,
        String closedBy) {
}
