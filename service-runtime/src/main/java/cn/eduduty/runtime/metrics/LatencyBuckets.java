package cn.eduduty.runtime.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the request timer ({@code http.server.requests}, Prometheus
 * {@code http_server_requests_seconds_bucket}), so that the dashboard and alerts can compute latency
 * percentiles over every replica with {@code histogram_quantile}. A fixed handful of buckets from 10 ms
 * to 10 s rather than Micrometer's full percentile histogram (about 70 buckets per series): the
 * request timer already has a series per method, route, status and outcome.
 */
@Singleton
public class LatencyBuckets {

    static final double[] HTTP = Stream.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerRequests() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(HTTP).build().merge(config);
            }
        };
    }
}
