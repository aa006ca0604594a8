package cn.eduduty.report.snapshot;

import java.time.LocalDate;

import cn.eduduty.report.figures.ReportPeriods;

/**
 * What a request or a deadline sets for a report beyond region and year: the periods to evaluate
 * (defaults for those left out) and, for a prefecture's roll-up, the signing authority and the date
 * printed on it. A county's report takes its signing from the county's self-evaluation.
 */
public record ReportOptions(ReportPeriods.Choice periods, String signingAuthority, LocalDate signingDate) {

    public static final ReportOptions DEFAULTS = new ReportOptions(ReportPeriods.Choice.DEFAULTS, null, null);

    public ReportOptions {
        periods = ReportPeriods.Choice.orDefaults(periods);
    }
}
