package cn.eduduty.report.deadline;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DeadlineResourceTest {

    static Map<String, Object> deadline(String region, String due, String lead) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("reportYear", 2025);
        body.put("dueAt", due);
        body.put("draftLeadTime", lead);
        return body;
    }

    @Test
    void registersAPrefectureDeadlineWithItsDraftTime() {
        String location = Api.as(PREFECTURE_REVIEWER, "960100")
                .body(deadline("960100", "2099-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/deadlines/"))
                .body("dueAt", equalTo("2099-03-31T09:00:00Z"))
                .body("draftAt", equalTo("2099-03-24T09:00:00Z"))
                .extract().header("Location");
        Api.as(VIEWER, "960101").get(location).then().statusCode(200);
        // another prefecture's deadline looks missing
        Api.as(VIEWER, "960201").get(location).then().statusCode(404);
        Api.as(VIEWER, "960100").get(location).then().statusCode(200).body("regionCode", equalTo("960100"));
        Api.as(VIEWER, "960100").queryParam("region", "960100").get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aCountyReadsTheDeadlinesThatApplyToItAndNoOthers() {
        Api.as(PREFECTURE_REVIEWER, "961100").body(deadline("961100", "2099-04-30T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(201);
        Api.as(PREFECTURE_REVIEWER, "961100").body(deadline("961102", "2099-04-15T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(201);
        // the county's staff may not list the prefecture's deadlines, which include other counties'
        Api.as(COUNTY_EDITOR, "961101").queryParam("region", "961100").get("/api/v1/deadlines").then().statusCode(403);
        // ...but read the one that applies to their county, the prefecture's
        Api.as(COUNTY_EDITOR, "961101").queryParam("region", "961101").queryParam("applying", true)
                .queryParam("year", 2025).get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].regionCode", equalTo("961100"))
                .body("items[0].dueAt", equalTo("2099-04-30T09:00:00Z"));
        // a county with a deadline of its own meets both, soonest first; a sibling county's is not among them
        Api.as(VIEWER, "961102").queryParam("region", "961102").queryParam("applying", true).get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.regionCode", Matchers.contains("961102", "961100"));
        Api.as(VIEWER, "961101").queryParam("region", "961101").queryParam("applying", true).get("/api/v1/deadlines")
                .then().statusCode(200).body("items.regionCode", Matchers.contains("961100"));
        // without applying, the county's own and below: none
        Api.as(VIEWER, "961101").queryParam("region", "961101").get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(0));
        // another prefecture's staff see none of it, and may not ask for this county's
        Api.as(VIEWER, "961201").queryParam("region", "961201").queryParam("applying", true).get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(0));
        Api.as(VIEWER, "961201").queryParam("region", "961101").queryParam("applying", true).get("/api/v1/deadlines")
                .then().statusCode(403);
    }

    @Test
    void refusesASecondDeadlineForTheSameRegionAndYear() {
        Api.as(PREFECTURE_REVIEWER, "960200").body(deadline("960201", "2099-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(201).body("draftLeadTime", equalTo("PT0S"));
        Api.as(PREFECTURE_REVIEWER, "960200").body(deadline("960201", "2099-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(409).contentType("application/problem+json");
        // another due time does not make it another deadline: one a year, so no one can queue more
        Api.as(SYSTEM, "960200").body(deadline("960201", "2099-04-30T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(409);
        Map<String, Object> nextYear = deadline("960201", "2099-04-30T17:00:00+08:00", null);
        nextYear.put("reportYear", 2026);
        Api.as(PREFECTURE_REVIEWER, "960200").body(nextYear).post("/api/v1/deadlines").then().statusCode(201);
    }

    @Test
    void countyEditorsMayNotSetDeadlinesEvenForTheirOwnCounty() {
        Api.as(COUNTY_EDITOR, "960501").body(deadline("960501", "2099-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:forbidden"));
        Api.as(COUNTY_EDITOR, "960501").queryParam("region", "960501").get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(0));
        Api.as(PREFECTURE_REVIEWER, "960500").body(deadline("960501", "2099-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(201);
        Api.as(COUNTY_EDITOR, "960501").queryParam("region", "960501").get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aDeadlineDueInThePastIsRefusedUnlessTheSystemBackfillsIt() {
        String past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
        Api.as(PREFECTURE_REVIEWER, "960600").body(deadline("960601", past, null)).post("/api/v1/deadlines")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("violations.field", hasItem("dueAt"));
        Api.as(PREFECTURE_REVIEWER, "960600").queryParam("region", "960601").get("/api/v1/deadlines")
                .then().body("totalItems", equalTo(0));
        Api.as(SYSTEM, "960600").body(deadline("960601", past, null)).post("/api/v1/deadlines")
                .then().statusCode(201).body("createdBy", containsString("960600"));
    }

    @Test
    void anotherRegionsDeadlineAnswersExactlyAsAMissingOne() {
        String id = Api.as(PREFECTURE_REVIEWER, "960700").body(deadline("960700", "2099-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
        String unknown = UUID.randomUUID().toString();
        JsonPath hidden = Api.as(PREFECTURE_REVIEWER, "960800").get("/api/v1/deadlines/" + id)
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        JsonPath missing = Api.as(PREFECTURE_REVIEWER, "960800").get("/api/v1/deadlines/" + unknown)
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        Assertions.assertThat(hidden.getString("detail"))
                .isEqualTo(missing.getString("detail").replace(unknown, id)).doesNotContain("960700");
        Assertions.assertThat(hidden.getMap("")).containsOnlyKeys(missing.getMap("").keySet());
        Api.as(VIEWER, "960701").get("/api/v1/deadlines/" + id).then().statusCode(200);
    }

    @Test
    void rejectsInvalidDeadlinesNamingTheField() {
        // a township has no report (a province, a prefecture and a county have)
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960301001", "2099-03-31T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("regionCode"));
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960300", "2099-03-31T17:00:00+08:00", "-P1D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("draftLeadTime"));
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960300", "tomorrow", "P1D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("dueAt"));
    }

    @Test
    void refusesMissingTokensViewersAndForeignRegions() {
        Api.anonymous().body(deadline("960400", "2099-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(401);
        Api.as(VIEWER, "960400").body(deadline("960400", "2099-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(403);
        Api.as(COUNTY_EDITOR, "960401").body(deadline("960400", "2099-03-31T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(403).contentType("application/problem+json");
        // a region-addressed refusal names nothing beyond what was sent
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960400", "2099-03-31T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(403)
                .body("detail", Matchers.not(containsString("960300")));
    }
}
