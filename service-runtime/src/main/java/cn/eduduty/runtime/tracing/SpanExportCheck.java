package cn.eduduty.runtime.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Reads {@link TracingConfig} at start, so a value other than {@code none} or {@code otlp} stops
 * the service there (with the converter's message) instead of silently exporting, and says where
 * spans go when they are exported.
 */
@ApplicationScoped
class SpanExportCheck {

    private static final Logger LOG = Logger.getLogger(SpanExportCheck.class);

    private final TracingConfig config;
    private final String endpoint;

    SpanExportCheck(TracingConfig config,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint", defaultValue = "http://localhost:4317") String endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    void start(@Observes StartupEvent event) {
        if (config.exporter() == TracingConfig.Exporter.OTLP) {
            LOG.infof("Spans are exported over OTLP to %s", endpoint);
        }
    }
}
