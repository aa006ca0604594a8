package cn.eduduty.report.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.report.rate-limit.*}: how much on-demand generation one region may ask for. */
@ConfigMapping(prefix = "eduduty.report.rate-limit")
public interface RateLimitConfig {

    /**
     * Generations, previews and PDF or Word renderings one region may ask for per {@link #period()},
     * all at once or spread out (a token bucket of this size, refilled evenly over the period).
     */
    @WithDefault("30")
    int perRegion();

    @WithDefault("1m")
    Duration period();
}
