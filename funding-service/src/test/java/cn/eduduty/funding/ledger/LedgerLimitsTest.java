package cn.eduduty.funding.ledger;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The bounds on what a caller of the ledger controls: lines per posting and the body's size. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LedgerLimitsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** A balanced posting of {@code count} lines of one yuan each. */
    static Map<String, Object> postingOf(String voucher, int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(i % 2 == 0 ? LedgerResourceTest.line("5002", "debit", "1") : LedgerResourceTest.line("1002", "credit", "1"));
        }
        return LedgerResourceTest.posting(voucher, "2025-03-01", lines);
    }

    @Test
    void refusesAPostingOfMoreThanAThousandLinesNamingTheRuleAndBooksOneOfAThousand() {
        Api.as(COUNTY_EDITOR, "990251").header("Idempotency-Key", "too-many").body(postingOf("记-1", 1002))
                .post("/api/v1/counties/990251/postings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("detail", containsString("posting-max-lines"))
                .body("violations[0].field", equalTo("lines"));
        Api.as(VIEWER, "990251").queryParam("fiscalYear", 2025).get("/api/v1/counties/990251/postings")
                .then().body("totalItems", equalTo(0));

        assertThat(LedgerResourceTest.book("990251", "just-enough", postingOf("记-1", 1000)).statusCode()).isEqualTo(201);
        Api.as(VIEWER, "990251").queryParam("fiscalYear", 2025).get("/api/v1/counties/990251/postings")
                .then().body("totalItems", equalTo(1)).body("items[0].lines.size()", equalTo(1000));
    }

    @Test
    void refusesAJsonBodyOverOneMebibyteWithAProblemBeforeReadingIt() {
        String padded = "{\"fiscalYear\":2025,\"bookingDate\":\"2025-03-01\",\"voucherNumber\":\"记-2\"" + " ".repeat(1_100_000)
                + ",\"lines\":[]}";
        Api.as(COUNTY_EDITOR, "990252").header("Idempotency-Key", "big").body(padded)
                .post("/api/v1/counties/990252/postings").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:content-too-large"))
                .body("violations[0].field", equalTo("body"));
        // just under the bound is read and judged on its content
        String under = "{\"fiscalYear\":2025,\"bookingDate\":\"2025-03-01\",\"voucherNumber\":\"记-2\"" + " ".repeat(1_000_000)
                + ",\"lines\":[]}";
        Api.as(COUNTY_EDITOR, "990252").header("Idempotency-Key", "big").body(under)
                .post("/api/v1/counties/990252/postings").then().statusCode(400)
                .body("violations[0].field", equalTo("lines"));
    }

    @Test
    void refusesAnOversizedBodySentWithoutALengthToo() throws Exception {
        byte[] body = ("{\"fiscalYear\":2025" + " ".repeat(1_200_000) + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/counties/990253/postings"))
                .header("Authorization", "Bearer " + Tokens.of(COUNTY_EDITOR, "990253"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "chunked")
                // an input stream of unknown length goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("content-too-large");
    }
}
