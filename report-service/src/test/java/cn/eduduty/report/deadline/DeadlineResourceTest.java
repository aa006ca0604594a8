package cn.eduduty.report.deadline;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

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
                .body(deadline("960100", "2026-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/deadlines/"))
                .body("dueAt", equalTo("2026-03-31T09:00:00Z"))
                .body("draftAt", equalTo("2026-03-24T09:00:00Z"))
                .extract().header("Location");
        Api.as(VIEWER, "960101").get(location).then().statusCode(200);
        Api.as(VIEWER, "960201").get(location).then().statusCode(403);
        Api.as(VIEWER, "960100").get(location).then().statusCode(200).body("regionCode", equalTo("960100"));
        Api.as(VIEWER, "960100").queryParam("region", "960100").get("/api/v1/deadlines")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void refusesTheSameDeadlineTwice() {
        Api.as(COUNTY_EDITOR, "960201").body(deadline("960201", "2026-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(201).body("draftLeadTime", equalTo("PT0S"));
        Api.as(COUNTY_EDITOR, "960201").body(deadline("960201", "2026-03-31T17:00:00+08:00", null))
                .post("/api/v1/deadlines").then().statusCode(409);
    }

    @Test
    void rejectsInvalidDeadlinesNamingTheField() {
        Api.as(PREFECTURE_REVIEWER, "960000").body(deadline("960000", "2026-03-31T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("regionCode"));
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960300", "2026-03-31T17:00:00+08:00", "-P1D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("draftLeadTime"));
        Api.as(PREFECTURE_REVIEWER, "960300").body(deadline("960300", "tomorrow", "P1D"))
                .post("/api/v1/deadlines").then().statusCode(400).body("violations.field", hasItem("dueAt"));
    }

    @Test
    void refusesMissingTokensViewersAndForeignRegions() {
        Api.anonymous().body(deadline("960400", "2026-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(401);
        Api.as(VIEWER, "960400").body(deadline("960400", "2026-03-31T17:00:00+08:00", "P7D")).post("/api/v1/deadlines")
                .then().statusCode(403);
        Api.as(COUNTY_EDITOR, "960401").body(deadline("960400", "2026-03-31T17:00:00+08:00", "P7D"))
                .post("/api/v1/deadlines").then().statusCode(403).contentType("application/problem+json");
    }
}
