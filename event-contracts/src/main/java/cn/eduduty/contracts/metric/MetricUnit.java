package cn.eduduty.contracts.metric;

/** The unit a metric's value is expressed in. */
public enum MetricUnit {
    /** A percentage, 0–100 (a rate or a share), two decimals in reports. */
    PERCENT,
    /** A count of schools, classes, people. */
    COUNT,
    /** Yuan, decimal. */
    YUAN,
    /** A ratio of two counts, e.g. the 普职比 1.36 (written 1.36:1), two decimals. */
    RATIO,
    /** A rule that holds (1) or fails (0). */
    BOOLEAN
}
