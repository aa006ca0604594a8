package cn.eduduty.report.resync;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.owners.*}: where the owners' APIs are that a resync reads, and how long it waits for them. */
@ConfigMapping(prefix = "eduduty.owners")
public interface OwnersConfig {

    /** indicator-service's base URL, e.g. {@code http://localhost:8081}. */
    String indicatorUrl();

    /** school-registry-service's base URL, e.g. {@code http://localhost:8082}. */
    String registryUrl();

    /** funding-service's base URL, e.g. {@code http://localhost:8083}. */
    String fundingUrl();

    /** How long a connection to an owner may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long one answer of an owner may take. */
    @WithDefault("30s")
    Duration readTimeout();
}
