package cn.eduduty.runtime.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.security.token.*}: what a bearer token must satisfy beyond its signature. */
@ConfigMapping(prefix = "eduduty.security.token")
public interface TokenConfig {

    /** The longest lifetime ({@code exp − iat}) a token may have; a longer one is refused with 401. */
    @WithDefault("PT12H")
    Duration maxLifetime();
}
