package cn.eduduty.indicator.framework;

import static cn.eduduty.indicator.IndicatorFixtures.framework;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FrameworkResourceTest {

    @Test
    void createsADraftThatItsCountiesCanRead() {
        String location = Api.as(PREFECTURE_REVIEWER, "950100").body(framework("T-2025", 2025, "950100"))
                .post("/api/v1/frameworks")
                .then().statusCode(201)
                .header("Location", Matchers.containsString("/api/v1/frameworks/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("createdBy", equalTo("prefecture-reviewer@950100"))
                .extract().header("Location");

        Api.as(COUNTY_EDITOR, "950101").get(location).then().statusCode(200).body("code", equalTo("T-2025"));
        Api.as(VIEWER, "950201").get(location).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesASecondFrameworkWithTheSameCodeAndYear() {
        Api.as(SYSTEM, "950300").body(framework("T-DUP", 2025, "950300")).post("/api/v1/frameworks")
                .then().statusCode(201);
        Api.as(SYSTEM, "950300").body(framework("T-DUP", 2025, "950300")).post("/api/v1/frameworks")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:conflict"));
    }

    @Test
    void rejectsInvalidFieldsNamingEachOne() {
        Map<String, Object> body = framework("has space", 1999, "95030");
        body.remove("issuer");
        Api.as(SYSTEM, "950000").body(body).post("/api/v1/frameworks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("evaluationYear"))
                .body("violations.field", hasItem("issuer"))
                .body("violations.field", hasItem("regionCode"));
    }

    @Test
    void listsTheFrameworksOfARegionByYear() {
        Api.as(SYSTEM, "950400").body(framework("L-2024", 2024, "950400")).post("/api/v1/frameworks").then().statusCode(201);
        Api.as(SYSTEM, "950400").body(framework("L-2025", 2025, "950400")).post("/api/v1/frameworks").then().statusCode(201);
        Api.as(VIEWER, "950400").queryParam("region", "950400").get("/api/v1/frameworks")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items[0].evaluationYear", equalTo(2025));
        Api.as(VIEWER, "950400").queryParam("region", "950400").queryParam("year", 2024).get("/api/v1/frameworks")
                .then().body("totalItems", equalTo(1)).body("items[0].code", equalTo("L-2024"));
        Api.as(VIEWER, "950400").get("/api/v1/frameworks").then().statusCode(400)
                .body("violations.field", hasItem("region"));
    }

    @Test
    void refusesMissingTokensCountyAuthorsAndForeignRegions() {
        Api.anonymous().body(framework("X", 2025, "950500")).post("/api/v1/frameworks").then().statusCode(401);
        Api.anonymous().queryParam("region", "950500").get("/api/v1/frameworks").then().statusCode(401);
        Api.as(COUNTY_EDITOR, "950501").body(framework("X", 2025, "950500")).post("/api/v1/frameworks")
                .then().statusCode(403);
        Api.as(PREFECTURE_REVIEWER, "950600").body(framework("X", 2025, "950500")).post("/api/v1/frameworks")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(VIEWER, "950600").queryParam("region", "950500").get("/api/v1/frameworks").then().statusCode(403);
    }
}
