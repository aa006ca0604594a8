package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservabilityFilesTest {

    @Test
    void findsTheSeriesOfAnExpressionAndNotItsFunctionsLabelsOrVariables() {
        assertThat(ObservabilityFiles.seriesIn("""
                histogram_quantile(0.95, sum by (service, le) (rate(http_server_requests_seconds_bucket{service=~"$service", \
                uri!~"/q/.*"}[$__rate_interval])))""")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(ObservabilityFiles.seriesIn("""
                max by (service) (eduduty_deadline_jobs{state="due"}) > 0
                and on (service) sum by (service) (eduduty_deadline_jobs_running offset 1h) == 0"""))
                .containsExactly("eduduty_deadline_jobs", "eduduty_deadline_jobs_running");
        assertThat(ObservabilityFiles.seriesIn("sum(rate(a_total[5m])) by (le) / ignoring(x) group_left b * 1e3"))
                .containsExactly("a_total", "b");
        assertThat(ObservabilityFiles.seriesIn("up{service=~\"indicator-service|report-service\"} == 0"))
                .containsExactly("up");
    }

    @Test
    void readsSampleNamesFromAMetricsPage() {
        assertThat(ObservabilityFiles.exposed("""
                # HELP eduduty_outbox_unsent Outbox events committed but not yet acknowledged
                # TYPE eduduty_outbox_unsent gauge
                eduduty_outbox_unsent 0.0
                http_server_requests_seconds_bucket{le="0.01",method="GET"} 3
                """)).containsExactly("eduduty_outbox_unsent", "http_server_requests_seconds_bucket");
    }

    @Test
    void metricsTxtAttributesExactlyTheSeriesTheRulesAndTheDashboardRead() {
        assertThat(ObservabilityFiles.exposedBy().keySet())
                .as("metrics.txt against the series of rules.yml and dashboard.json")
                .containsExactlyInAnyOrderElementsOf(ObservabilityFiles.referencedSeries());
    }
}
