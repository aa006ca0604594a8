package cn.eduduty.report.journal;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The spans report-service finished in its tests, kept in memory for EventTraceTest to look at. */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter recordedSpans() {
        return InMemorySpanExporter.create();
    }
}
