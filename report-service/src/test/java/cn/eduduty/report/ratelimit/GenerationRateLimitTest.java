package cn.eduduty.report.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.deadline.DeadlineScheduler;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * On-demand generation is rate-limited per region (here 3 per hour, so no token comes back while
 * the test runs): the fourth request of a county is 429 with Retry-After, another county is
 * unaffected, and neither the deadline scheduler nor a system client is limited.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestProfile(GenerationRateLimitTest.ThreePerHour.class)
class GenerationRateLimitTest {

    public static class ThreePerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the profiled key too: application.properties sets a generous %test bound for the other tests
            return Map.of("eduduty.report.rate-limit.per-region", "3", "%test.eduduty.report.rate-limit.per-region", "3",
                    "eduduty.report.rate-limit.period", "1h");
        }
    }

    private static final String PREFECTURE = "990800";
    private static final String COUNTY = "990801";
    private static final String OTHER = "990802";

    @Inject
    ReadModelEvents events;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    EntityManager em;

    @BeforeEach
    void counties() throws Exception {
        events.loadOnce(PREFECTURE, COUNTY, OTHER);
    }

    private static ExtractableResponse<Response> preview(String role, String region) {
        return Api.as(role, region).queryParam("region", region).queryParam("year", 2025)
                .get("/api/v1/reports/preview").then().extract();
    }

    private static ExtractableResponse<Response> generate(String role, String tokenRegion, String region) {
        return Api.as(role, tokenRegion).contentType("application/json").body(Map.of("region", region, "year", 2025))
                .post("/api/v1/reports").then().extract();
    }

    @Test
    void aRegionOverItsRateGets429WithRetryAfterWhileOthersAndTheSchedulerGoOn() {
        assertThat(preview(Api.COUNTY_EDITOR, COUNTY).statusCode()).isEqualTo(200);
        assertThat(generate(Api.COUNTY_EDITOR, COUNTY, COUNTY).statusCode()).isEqualTo(201);
        assertThat(preview(Api.VIEWER, COUNTY).statusCode()).isEqualTo(200);

        // the county's bucket is empty: every on-demand kind of work is refused, with when to retry
        for (ExtractableResponse<Response> refused : List.of(preview(Api.COUNTY_EDITOR, COUNTY),
                generate(Api.COUNTY_EDITOR, COUNTY, COUNTY))) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("type")).isEqualTo("urn:eduduty:problem:too-many-requests");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        }
        // a system client is not limited; the county may still read what exists, but not render it to PDF, Word or Excel
        String id = generate(Api.SYSTEM, PREFECTURE, COUNTY).path("id");
        assertThat(id).isNotNull();
        Api.as(Api.VIEWER, COUNTY).queryParam("format", "json").get("/api/v1/reports/" + id).then().statusCode(200);
        Api.as(Api.VIEWER, COUNTY).queryParam("format", "html").get("/api/v1/reports/" + id).then().statusCode(200);
        for (String costly : List.of("pdf", "docx", "xlsx")) {
            Api.as(Api.VIEWER, COUNTY).queryParam("format", costly).get("/api/v1/reports/" + id).then().statusCode(429)
                    .header("Retry-After", Matchers.notNullValue());
        }
        // refusals stay refusals: no token is still 401, another county's token still 403
        Api.anonymous().queryParam("region", COUNTY).queryParam("year", 2025).get("/api/v1/reports/preview").then()
                .statusCode(401);
        Api.as(Api.COUNTY_EDITOR, OTHER).queryParam("region", COUNTY).queryParam("year", 2025)
                .get("/api/v1/reports/preview").then().statusCode(403);

        // another county is unaffected
        assertThat(generate(Api.COUNTY_EDITOR, OTHER, OTHER).statusCode()).isEqualTo(201);

        // deadline-driven generation is never limited: the scheduler generates the county's final
        String deadline = Api.as(Api.SYSTEM, PREFECTURE).contentType("application/json")
                .body(Map.of("regionCode", COUNTY, "reportYear", 2025,
                        "dueAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
        scheduler.tick();
        scheduler.tick();
        List<?> finals = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM report_snapshot WHERE deadline_id = :d AND kind = 'FINAL' AND trigger = 'DEADLINE'")
                .setParameter("d", UUID.fromString(deadline)).getResultList());
        assertThat(finals).hasSize(1);
        // and the county is still limited afterwards
        Api.as(Api.COUNTY_EDITOR, COUNTY).queryParam("region", COUNTY).queryParam("year", 2025)
                .get("/api/v1/reports/preview").then().statusCode(429).body("status", equalTo(429));
    }
}
