package cn.eduduty.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.runtime.inbox.InboxConsumer;
import cn.eduduty.runtime.testapp.Database;
import cn.eduduty.runtime.testapp.TestWriteResource;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A request's log lines say which request, trace, caller and region they belong to: the MDC holds
 * the request id (the caller's {@code X-Request-Id}, else a new one, echoed either way), the trace
 * and span ids, the token's subject and the region the path addresses; a JSON line carries them all.
 * None of it outlives its request: a later request on the same thread, or the inbox consumer's
 * lines, carry nothing of an earlier caller.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RequestLogContextTest {

    private static final String REGION = "930401";
    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord line = (ExtLogRecord) record;
            line.copyAll(); // the MDC as it is now, on the request's thread
            lines.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static final Logger CONSUMER = Logger.getLogger(InboxConsumer.class.getName());
    private Level consumerLevel;

    @BeforeEach
    void capture() {
        Logger.getLogger(TestWriteResource.class.getName()).addHandler(capture);
        // the consumer's "Applied ..." line is DEBUG
        consumerLevel = CONSUMER.getLevel();
        CONSUMER.setLevel(Level.FINE);
        CONSUMER.addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger(TestWriteResource.class.getName()).removeHandler(capture);
        CONSUMER.removeHandler(capture);
        CONSUMER.setLevel(consumerLevel);
    }

    @Test
    void aRequestsLogLineCarriesItsRequestIdTraceCallerAndRegion() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + UUID.randomUUID().toString().substring(0, 4);
        String subject = "logged-" + UUID.randomUUID();
        Response response = write(subject, "req-" + subject.substring(7, 15), "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(response.header(RequestLogContext.HEADER)).isEqualTo("req-" + subject.substring(7, 15));
        ExtLogRecord line = lineAbout(subject);
        assertThat(line.getMdc(RequestLogContext.REQUEST_ID)).isEqualTo("req-" + subject.substring(7, 15));
        assertThat(line.getMdc("traceId")).isEqualTo(traceId);
        assertThat(line.getMdc("spanId")).matches("[0-9a-f]{16}");
        assertThat(line.getMdc(RequestLogContext.SUBJECT)).isEqualTo(Api.COUNTY_EDITOR + "@" + REGION);
        assertThat(line.getMdc(RequestLogContext.REGION)).isEqualTo(REGION);

        JsonNode json = EventJson.mapper().readTree(new JsonFormatter().format(line));
        assertThat(json.path("message").asText()).contains(subject);
        JsonNode mdc = json.path("mdc");
        assertThat(mdc.path("traceId").asText()).isEqualTo(traceId);
        assertThat(mdc.path("requestId").asText()).isEqualTo("req-" + subject.substring(7, 15));
        assertThat(mdc.path("subject").asText()).isEqualTo(Api.COUNTY_EDITOR + "@" + REGION);
        assertThat(mdc.path("region").asText()).isEqualTo(REGION);
    }

    @Test
    void aRequestWithoutARequestIdGetsOneAndItIsEchoed() {
        String subject = "unnamed-" + UUID.randomUUID();
        Response response = write(subject, null, null);

        assertThat(response.headers().getValues(RequestLogContext.HEADER)).as("one request id, not two").hasSize(1);
        String id = response.header(RequestLogContext.HEADER);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(lineAbout(subject).getMdc(RequestLogContext.REQUEST_ID)).isEqualTo(id);
    }

    @Test
    void aRequestIdThatIsNotShortAndPlainIsReplaced() {
        String subject = "replaced-" + UUID.randomUUID();
        Response response = write(subject, "x".repeat(65), null);

        assertThat(response.headers().getValues(RequestLogContext.HEADER)).hasSize(1);
        assertThat(response.header(RequestLogContext.HEADER)).matches("[0-9a-f-]{36}");
        assertThat(lineAbout(subject).getMdc(RequestLogContext.REQUEST_ID)).isEqualTo(response.header(RequestLogContext.HEADER));
        assertThat(write("replaced-" + UUID.randomUUID(), "a b\"c", null).header(RequestLogContext.HEADER))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aRefusedRequestEchoesItsRequestIdToo() {
        Response response = Api.anonymous().header(RequestLogContext.HEADER, "refused-1")
                .post("/api/v1/regions/{region}/test-writes?subject=x", REGION);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header(RequestLogContext.HEADER)).isEqualTo("refused-1");
    }

    @Test
    void nothingOfARequestLeaksIntoTheNextRequestOnTheSameThread() {
        // a caller's write to region X, then an anonymous request to a path naming no region, in turns
        // until an anonymous one has run on a thread a write ran on (it takes a round or two)
        Set<String> writeThreads = new HashSet<>();
        List<ExtLogRecord> anonymous = new ArrayList<>();
        for (int i = 0; i < 20 && anonymous.stream().noneMatch(l -> writeThreads.contains(l.getThreadName())); i++) {
            String first = "first-" + UUID.randomUUID();
            write(first, "first-request", null);
            writeThreads.add(lineAbout(first).getThreadName());
            String subject = "anonymous-" + UUID.randomUUID();
            Api.anonymous().get("/api/v1/test-pings?subject={subject}", subject).then().statusCode(204);
            anonymous.add(lineAbout(subject));
        }
        assertThat(anonymous).extracting(ExtLogRecord::getThreadName)
                .as("threads of the anonymous requests, the writes ran on " + writeThreads).containsAnyElementsOf(writeThreads);
        for (ExtLogRecord line : anonymous) {
            assertThat(line.getMdc(RequestLogContext.SUBJECT)).as("subject of " + line.getMessage()).isNull();
            assertThat(line.getMdc(RequestLogContext.REGION)).as("region of " + line.getMessage()).isNull();
            assertThat(line.getMdc(RequestLogContext.REQUEST_ID)).isNotEqualTo("first-request").isNotNull();
        }

        // another caller on a path naming no region: their own subject, and their token's region
        // (taken only when nothing else set one, so a region left over would show here)
        String second = "second-" + UUID.randomUUID();
        Api.as(Api.VIEWER, "930402").get("/api/v1/test-pings/mine?subject={subject}", second).then().statusCode(204);
        ExtLogRecord line = lineAbout(second);
        assertThat(line.getMdc(RequestLogContext.SUBJECT)).isEqualTo(Api.VIEWER + "@930402");
        assertThat(line.getMdc(RequestLogContext.REGION)).isEqualTo("930402");
        assertThat(line.getMdc(RequestLogContext.REQUEST_ID)).isNotEqualTo("first-request");
    }

    @Test
    void theInboxConsumersLinesCarryNoRequestsCaller() {
        write("before-consumer-" + UUID.randomUUID(), "before-consumer", null);
        String region = "930403";
        UUID id = UUID.randomUUID();
        ObjectNode data = EventJson.mapper().createObjectNode().put("code", region).put("name", "log-context")
                .put("level", "COUNTY").put("parentCode", "930400").put("version", 1);
        TopicWriter.send(Topics.REGISTRY, region, EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION,
                id.toString(), "/school-registry-service", EventTypes.REGION_CHANGED.name(), "log-context",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "application/json",
                EventTypes.REGION_CHANGED.dataschema(), region, data, null)));

        Database.await("the consumer's line about " + id, Duration.ofSeconds(60),
                () -> lines.stream().anyMatch(l -> l.getFormattedMessage().startsWith("Applied ")
                        && l.getFormattedMessage().contains(id.toString())));
        ExtLogRecord applied = lineAbout(id.toString());
        assertThat(applied.getMdc("traceId")).matches("[0-9a-f]{32}");
        assertThat(applied.getMdc(RequestLogContext.SUBJECT)).isNull();
        assertThat(applied.getMdc(RequestLogContext.REGION)).isNull();
        assertThat(applied.getMdc(RequestLogContext.REQUEST_ID)).isNull();
    }

    private static Response write(String subject, String requestId, String traceparent) {
        RequestSpecification request = Api.as(Api.COUNTY_EDITOR, REGION);
        if (requestId != null) {
            request.header(RequestLogContext.HEADER, requestId);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        Response response = request.post("/api/v1/regions/{region}/test-writes?subject={subject}", REGION, subject);
        assertThat(response.statusCode()).isEqualTo(201);
        return response;
    }

    private ExtLogRecord lineAbout(String subject) {
        return lines.stream().filter(l -> l.getFormattedMessage().contains(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line about " + subject + " among " + lines.size()));
    }
}
