package cn.eduduty.report.resync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eduduty.resync.*}: the rebuild of an empty read model at start. */
@ConfigMapping(prefix = "eduduty.resync")
public interface ResyncConfig {

    AtStart atStart();

    /** {@code eduduty.resync.at-start.*}: off unless both the regions and the token file are set. */
    interface AtStart {

        /** The regions rebuilt at start, e.g. {@code 990100}. */
        Optional<List<String>> regions();

        /** A file holding the system token presented to the owners (read at each attempt). */
        Optional<Path> tokenFile();

        /** Pause before another attempt after a failed one. */
        @WithDefault("60s")
        Duration retryDelay();
    }
}
