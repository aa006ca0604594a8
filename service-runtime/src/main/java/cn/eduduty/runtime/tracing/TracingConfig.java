package cn.eduduty.runtime.tracing;

import java.util.Locale;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * {@code eduduty.tracing.*}: whether spans leave the service. Only the two names below are taken,
 * exactly as written: {@link NoSpanExport} steps aside on any value but {@code none}, so a
 * misspelt "off" must stop the service at start rather than send spans to a collector.
 */
@ConfigMapping(prefix = "eduduty.tracing")
public interface TracingConfig {

    String EXPORTER = "eduduty.tracing.exporter";

    /** {@code none} (spans are made, for ids in logs and events, but not exported) or {@code otlp}. */
    @WithDefault(NoSpanExport.NONE)
    @WithConverter(Exporter.Strict.class)
    Exporter exporter();

    enum Exporter {
        NONE, OTLP;

        /** The setting's value: {@code none} or {@code otlp}, lower case; anything else is refused. */
        public static final class Strict implements Converter<Exporter> {
            @Override
            public Exporter convert(String value) {
                for (Exporter exporter : values()) {
                    if (exporter.name().toLowerCase(Locale.ROOT).equals(value)) {
                        return exporter;
                    }
                }
                throw new IllegalArgumentException(EXPORTER + " (EDUDUTY_TRACING_EXPORTER) is \"" + value
                        + "\"; it must be none (spans are not exported) or otlp (spans go to"
                        + " quarkus.otel.exporter.otlp.endpoint), in lower case");
            }
        }
    }
}
