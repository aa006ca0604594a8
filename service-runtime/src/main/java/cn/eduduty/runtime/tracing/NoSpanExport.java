package cn.eduduty.runtime.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Keeps finished spans in the service: no exporter, unless {@code eduduty.tracing.exporter=otlp}
 * (then Quarkus' OTLP exporter sends them to {@code quarkus.otel.exporter.otlp.endpoint}).
 *
 * <p>Quarkus makes an OTLP exporter to {@code http://localhost:4317} whenever no other span exporter
 * is a bean, and it gives the endpoint that value by default, so "an endpoint is set" cannot be
 * told from "nothing is set"; without this bean every service, test and demo would try to reach a
 * collector that is not there. Spans are made all the same: their ids are in the log lines and
 * travel with events. The bean is looked up only while the switch says {@value #NONE} (or is
 * absent); set to {@code otlp}, it steps aside and the OTLP exporter takes over. Any other value
 * is refused at start ({@link TracingConfig}), since this lookup compares the raw text.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "eduduty.tracing.exporter", stringValue = NoSpanExport.NONE, lookupIfMissing = true)
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
