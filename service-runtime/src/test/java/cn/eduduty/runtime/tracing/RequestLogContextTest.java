package cn.eduduty.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.runtime.testapp.TestWriteResource;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A request's log lines say which request, trace, caller and region they belong to: the MDC holds
 * the request id (the caller's {@code X-Request-Id}, else a new one, echoed either way), the trace
 * and span ids, the token's subject and the region the path addresses; a JSON line carries them all.
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

    @BeforeEach
    void capture() {
        Logger.getLogger(TestWriteResource.class.getName()).addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger(TestWriteResource.class.getName()).removeHandler(capture);
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

        String id = response.header(RequestLogContext.HEADER);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(lineAbout(subject).getMdc(RequestLogContext.REQUEST_ID)).isEqualTo(id);
    }

    @Test
    void aRequestIdThatIsNotShortAndPlainIsReplaced() {
        String subject = "replaced-" + UUID.randomUUID();
        Response response = write(subject, "x".repeat(65), null);

        assertThat(response.header(RequestLogContext.HEADER)).matches("[0-9a-f-]{36}");
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
