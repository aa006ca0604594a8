package cn.eduduty.runtime.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Keeps finished spans in the service: no exporter, unless an OTLP endpoint is configured
 * ({@code quarkus.otel.exporter.otlp.endpoint} or {@code quarkus.otel.exporter.otlp.traces.endpoint}).
 *
 * <p>Quarkus makes an OTLP exporter to {@code http://localhost:4317} when no other span exporter is
 * a bean, so without this one every service, test and demo would try to reach a collector that is
 * not there. Spans are made all the same: their ids are in the log lines and travel with events.
 * The bean is looked up only while neither endpoint is set (or is set to {@value #NONE}); once one
 * is, it steps aside and Quarkus' OTLP exporter sends there.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoSpanExport.NONE, lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoSpanExport.NONE,
        lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {

    static final String NONE = "none";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
