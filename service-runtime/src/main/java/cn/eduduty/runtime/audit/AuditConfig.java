package cn.eduduty.runtime.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.audit.*}: how long the audit trail is kept and how it is written. */
@ConfigMapping(prefix = "eduduty.audit")
public interface AuditConfig {

    /** Rows older than this are purged (at least 180 days; the database refuses less). */
    @WithDefault("P180D")
    Duration retention();

    /** How often the purge runs. */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Longest a record waits in memory before it is written. */
    @WithDefault("100ms")
    Duration flushInterval();

    /** Records held in memory while the database is slow or away; beyond it they are counted as lost. */
    @WithDefault("100000")
    int queueCapacity();
}
