package cn.eduduty.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ApiSecurityAcceptance;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, attacked as {@link ApiSecurityAcceptance} says. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /**
     * A report snapshot generated for the county (loaded as {@link TestCounty}), and a deadline its prefecture set for it (due far
     * ahead, so that the scheduler generates nothing while the tests run).
     */
    @Inject
    ReadModelEvents events;

    @Override
    protected Map<String, Map<String, String>> seed() {
        // the read model knows no county until the owners' events for it arrive
        try {
            events.county("930100", ownCounty()).load();
        } catch (Exception e) {
            throw new IllegalStateException("loading the county into the read model", e);
        }
        String report = Api.as(Api.COUNTY_EDITOR, ownCounty()).body(Map.of("region", ownCounty(), "year", 2025))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        String deadline = Api.as(Api.SYSTEM, "930100")
                .body(Map.of("regionCode", ownCounty(), "reportYear", 2025,
                        "dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusYears(5).toString()))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
        return Map.of("/api/v1/reports/{id}", Map.of("id", report), "/api/v1/deadlines/{id}", Map.of("id", deadline));
    }

    /** A parked event exists only when a consumed event cannot be applied; the API creates none. */
    @Override
    protected Set<String> unseededIds() {
        return Set.of("POST /api/v1/inbox/parked/{id}/reapply");
    }

    /** How far the read model has read the owners' topics: one position for the whole country. */
    @Override
    protected Set<String> nationalReads() {
        return Set.of("GET /api/v1/read-positions");
    }

    /** Checking a narrative's stated figures stores nothing. */
    @Override
    protected Set<String> computations() {
        return Set.of("POST /api/v1/narrative-checks");
    }
}
