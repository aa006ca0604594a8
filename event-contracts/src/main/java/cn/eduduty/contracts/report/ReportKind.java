package cn.eduduty.contracts.report;

/** The values of {@link ReportGenerated#kind()}: a draft (at due minus lead time, or asked for) or the final report. */
public enum ReportKind {
    DRAFT,
    FINAL
}
