package cn.eduduty.report.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * report-service applies an owner's event in a span of the trace of the write that caused it: the
 * event's {@code traceparent} (as funding-service's relay sends it) is the parent of the apply span.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class EventTraceTest {

    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void appliesAnOwnersEventInTheTraceOfTheWriteThatCausedIt() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String writeSpan = "00f067aa0ba902b7";
        String id = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(EventTypes.FISCAL_CONTEXT_RECORDED));
        event.put("id", id).put("traceparent", "00-" + traceId + "-" + writeSpan + "-01");
        TopicWriter.send(Topics.FUNDING, event.get("regioncode").asText(), event.toString());

        SpanData apply = awaitSpan(id);
        assertThat(apply.getName()).isEqualTo("apply " + EventTypes.FISCAL_CONTEXT_RECORDED.name());
        assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(apply.getTraceId()).isEqualTo(traceId);
        assertThat(apply.getParentSpanId()).isEqualTo(writeSpan);
        assertThat(apply.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(Topics.FUNDING);
    }

    private SpanData awaitSpan(String eventId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> span = spans.getFinishedSpanItems().stream()
                    .filter(s -> eventId.equals(s.getAttributes().get(MESSAGE_ID))).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span applied event " + eventId + " within 60 s");
    }
}
