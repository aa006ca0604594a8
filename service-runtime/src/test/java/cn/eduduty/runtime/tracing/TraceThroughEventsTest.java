package cn.eduduty.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.runtime.testapp.Database;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import cn.eduduty.testsupport.TopicReader.Received;
import cn.eduduty.testsupport.TopicWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One write followed through the events: the trace context a caller sends with a write is kept
 * with the outbox row, travels on the Kafka record (the envelope's {@code traceparent} and the
 * header), and the consumer applies the event in a span of that trace, a child of the write's span.
 * A record admission refuses takes neither its name nor its parent from the envelope.
 *
 * <p>The test application is named as report-service, which may write only its own topic and read
 * only the owners' topics; so the event it writes is read back from {@code report.events} and its
 * trace context handed on in a registry event, as the registry's relay would have sent it.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TraceThroughEventsTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String REGISTRY = "/school-registry-service";
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.kafka.destination.partition");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theTraceOfAWriteReachesTheSpanThatAppliesItsEvent() {
        String region = "930301";
        String traceId = hex(16);
        String callerSpan = hex(8);
        String subject = "traced-" + UUID.randomUUID();
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            String id = Api.as(Api.COUNTY_EDITOR, region)
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .post("/api/v1/regions/{region}/test-writes?subject={subject}", region, subject)
                    .then().statusCode(201).extract().path("id");

            // the outbox row: the caller's trace, and as parent the span of the write in this service
            String stored = (String) Database.rows("SELECT traceparent FROM outbox WHERE id = ?", UUID.fromString(id))
                    .get(0).get("traceparent");
            assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            String writeSpan = stored.substring(36, 52);
            assertThat(writeSpan).isNotEqualTo(callerSpan);
            SpanData write = awaitSpan("the write's span", s -> s.getSpanId().equals(writeSpan));
            assertThat(write.getTraceId()).isEqualTo(traceId);
            assertThat(ancestors(write)).as("the write's span descends from the caller's").contains(callerSpan);

            // the Kafka record: the envelope's attribute and the header
            Received received = reader.await(TopicReader.subject(subject), 1, WITHIN).get(0);
            assertThat(received.event().traceparent()).isEqualTo(stored);
            assertThat(received.traceparent()).isEqualTo(stored);

            // the consumer: its span of applying the event is a child of the write's span
            UUID applied = send(region, "traced-apply", received.event().traceparent());
            SpanData apply = awaitSpan("the span applying " + applied, s -> applied.toString().equals(
                    s.getAttributes().get(MESSAGE_ID)));
            assertThat(apply.getName()).isEqualTo("apply " + EventTypes.REGION_CHANGED.name());
            assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(apply.getTraceId()).isEqualTo(traceId);
            assertThat(apply.getParentSpanId()).isEqualTo(writeSpan);
        }
    }

    @Test
    void anEventWithoutTraceContextIsAppliedInATraceOfItsOwn() {
        UUID applied = send("930302", "untraced", null);
        SpanData apply = awaitSpan("the span applying " + applied, s -> applied.toString().equals(
                s.getAttributes().get(MESSAGE_ID)));
        assertThat(apply.getParentSpanContext().isValid()).isFalse();
        assertThat(Database.count("SELECT count(*) FROM applied_event WHERE event_id = ?", applied)).isEqualTo(1);
    }

    @Test
    void aWriteWithoutTraceContextStartsATraceThatItsEventCarries() {
        String subject = "untraced-write-" + UUID.randomUUID();
        String id = Api.as(Api.COUNTY_EDITOR, "930303")
                .post("/api/v1/regions/{region}/test-writes?subject={subject}", "930303", subject)
                .then().statusCode(201).extract().path("id");
        String stored = (String) Database.rows("SELECT traceparent FROM outbox WHERE id = ?", UUID.fromString(id))
                .get(0).get("traceparent");
        assertThat(stored).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aRecordRefusedAtAdmissionNamesNeitherItsSpanNorItsParent() {
        String region = "930304";
        String forgedTrace = hex(16);
        // the registry's topic, but not the registry's source: refused by admission and parked
        send(region, "forged-trace", "00-" + forgedTrace + "-" + hex(8) + "-01", "/funding-service");
        UUID next = send(region, "after-forged-trace", null);
        SpanData after = awaitSpan("the span applying " + next, s -> next.toString().equals(
                s.getAttributes().get(MESSAGE_ID)));

        // the same key, so the same partition, one offset before
        SpanData refused = find(s -> after.getAttributes().get(PARTITION).equals(s.getAttributes().get(PARTITION))
                && Long.valueOf(after.getAttributes().get(OFFSET) - 1).equals(s.getAttributes().get(OFFSET)))
                .orElseThrow(() -> new AssertionError("no span for the refused record"));
        assertThat(refused.getName()).isEqualTo("apply " + Topics.REGISTRY);
        assertThat(refused.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
        assertThat(refused.getAttributes().get(MESSAGE_ID)).isNull();
        assertThat(find(s -> s.getTraceId().equals(forgedTrace))).as("spans in the forged trace").isEmpty();
    }

    /** A {@code registry.region.changed} event as the registry's relay sends it, with {@code traceparent} if not null. */
    private static UUID send(String region, String subject, String traceparent) {
        return send(region, subject, traceparent, REGISTRY);
    }

    /** The same event from {@code source}, which only the registry's own is on its topic. */
    private static UUID send(String region, String subject, String traceparent, String source) {
        UUID id = UUID.randomUUID();
        ObjectNode data = EventJson.mapper().createObjectNode().put("code", region).put("name", subject)
                .put("level", "COUNTY").put("parentCode", region.substring(0, 4) + "00").put("version", 1);
        TopicWriter.send(Topics.REGISTRY, region, EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(),
                source, EventTypes.REGION_CHANGED.name(), subject, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "application/json", EventTypes.REGION_CHANGED.dataschema(), region, data, traceparent)));
        return id;
    }

    private SpanData awaitSpan(String what, Predicate<SpanData> which) {
        Database.await(what + " finished", WITHIN, () -> find(which).isPresent());
        return find(which).orElseThrow();
    }

    private Optional<SpanData> find(Predicate<SpanData> which) {
        return spans.getFinishedSpanItems().stream().filter(which).findFirst();
    }

    /** The span ids above {@code span}, nearest first, as far as the spans finished here and the caller's reach. */
    private List<String> ancestors(SpanData span) {
        List<String> ids = new ArrayList<>();
        for (String parent = span.getParentSpanId(); ; ) {
            ids.add(parent);
            String current = parent;
            Optional<SpanData> next = find(s -> s.getSpanId().equals(current));
            if (next.isEmpty() || !next.get().getParentSpanContext().isValid()) {
                return ids;
            }
            parent = next.get().getParentSpanId();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as invalid
        return HexFormat.of().formatHex(random);
    }
}
