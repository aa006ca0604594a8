package cn.eduduty.runtime.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} an event carries from the write that recorded it to the consumer
 * that applies it (CloudEvents' Distributed Tracing extension). Written and read with
 * OpenTelemetry's W3C propagator, so the format is W3C's and nothing else.
 */
public final class TraceContext {

    /** The name of the CloudEvents attribute, of the Kafka header and of the HTTP header alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The {@code traceparent} of the span current on this thread; empty when there is none (no request, tracing off). */
    public static Optional<String> current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * The context whose span a consumer's span is a child of: the remote span {@code traceparent}
     * names, or the root context (a trace of its own) when the value is absent or not W3C's.
     */
    public static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, VALUE);
        SpanContext remote = Span.fromContext(extracted).getSpanContext();
        return remote.isValid() ? extracted : Context.root();
    }
}
