package cn.eduduty.contracts;

/** One topic per owning service, keyed and partitioned by region code. */
public final class Topics {
    public static final String INDICATOR = "indicator.events";
    public static final String REGISTRY = "registry.events";
    public static final String FUNDING = "funding.events";
    public static final String REPORT = "report.events";

    private Topics() {
    }
}
