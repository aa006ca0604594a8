package cn.eduduty.runtime.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.inbox.*}: how far a consuming service trusts and retries the owners' events. */
@ConfigMapping(prefix = "eduduty.inbox")
public interface InboxConfig {

    /**
     * Whether this process consumes the owners' topics. Off only for an instance that must not take
     * part in the consumer group, such as a scratch read model rebuilt by resync alone.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Attempts at applying an event before it is parked. Failures the database reports as
     * transient (connection lost, serialization, shutdown) do not count: the event is not at fault.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * The largest step an event's version may take over the version the consumer holds for the
     * same row (a row it does not hold yet counts as version 0). An owner's versions grow by one
     * per change, so a larger step is an event the owner could not have produced; it is parked.
     */
    @WithDefault("1000")
    long maxVersionJump();
}
