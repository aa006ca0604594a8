package cn.eduduty.runtime.testapp;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The spans the test application finished, kept in memory for the tests to look at. */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter recordedSpans() {
        return InMemorySpanExporter.create();
    }
}
