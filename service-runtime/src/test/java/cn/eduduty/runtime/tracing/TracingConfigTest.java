package cn.eduduty.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code eduduty.tracing.exporter} takes {@code none} or {@code otlp} and refuses anything else at start. */
class TracingConfigTest {

    @ParameterizedTest
    @ValueSource(strings = { "none", "otlp" })
    void takesTheTwoNames(String value) {
        assertThat(exporter(value).exporter().name()).isEqualToIgnoringCase(value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "NONE", "None", "off", "false", "OTLP", "jaeger" })
    void refusesAnythingElseNamingTheSetting(String value) {
        assertThatThrownBy(() -> exporter(value))
                .hasStackTraceContaining("eduduty.tracing.exporter (EDUDUTY_TRACING_EXPORTER) is \"" + value + "\"")
                .hasStackTraceContaining("must be none");
    }

    @Test
    void isNoneWhenNotSet() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TracingConfig.class).build();
        assertThat(config.getConfigMapping(TracingConfig.class).exporter()).isEqualTo(TracingConfig.Exporter.NONE);
    }

    private static TracingConfig exporter(String value) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TracingConfig.class)
                .withDefaultValue(TracingConfig.EXPORTER, value).build();
        return config.getConfigMapping(TracingConfig.class);
    }
}
