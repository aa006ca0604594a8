package cn.eduduty.indicator.selfevaluation;

import static cn.eduduty.indicator.IndicatorFixtures.publishedFramework;
import static cn.eduduty.indicator.selfevaluation.SelfEvaluationResourceTest.open;
import static cn.eduduty.indicator.selfevaluation.SelfEvaluationResourceTest.rate;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The county decides what it signs: authority, date, 经典做法 and 改进措施, frozen once approved. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SelfEvaluationSigningResourceTest {

    private static final String COUNTY_PRACTICE = "全县推行教师“县管校聘”管理改革，三年来交流轮岗教师312名。";

    static Map<String, Object> practice(String title, String indicatorCode, String text) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", title);
        p.put("indicatorCode", indicatorCode);
        p.put("text", text);
        return p;
    }

    static Map<String, Object> measure(String text, String indicatorCode, String checkCode, String checkSubject) {
        Map<String, Object> m = new HashMap<>();
        m.put("text", text);
        m.put("indicatorCode", indicatorCode);
        m.put("checkCode", checkCode);
        m.put("checkSubject", checkSubject);
        return m;
    }

    /** The choices of a county whose 1.1.1 is FULLY and 4.1.1 BASICALLY. */
    static Map<String, Object> signing() {
        Map<String, Object> body = new HashMap<>();
        body.put("signingAuthority", "示例县人民政府");
        body.put("signingDate", "2025-10-20");
        body.put("notablePractices", List.of(practice("党建引领教育发展", "1.1.1", null),
                practice("县域教师“县管校聘”改革", null, COUNTY_PRACTICE)));
        body.put("improvementMeasures", List.of(
                measure("实施乡村幼儿园教师培训计划，提升保教质量。", "4.1.1", null, null),
                measure("调整支出结构，确保生均一般公共预算教育支出只增不减。", null, "funding-rule-failed",
                        "funding.never_decrease.per_student_general_budget_expenditure"),
                measure("持续改善办学条件。", null, null, null)));
        return body;
    }

    /** A self-evaluation of {@code county} with 1.1.1 FULLY, 4.1.1 BASICALLY, 4.1.2 NOT_APPLICABLE; its id and ETag. */
    static String[] rated(String prefecture, String county, String frameworkCode) {
        String framework = publishedFramework(prefecture, frameworkCode);
        ExtractableResponse<Response> opened = open(framework, county);
        String id = opened.path("id");
        String etag = rate(id, county, "1.1.1", "FULLY", opened.header("ETag"));
        etag = rate(id, county, "4.1.1", "BASICALLY", etag);
        etag = rate(id, county, "4.1.2", "NOT_APPLICABLE", etag);
        return new String[] { id, etag };
    }

    static ExtractableResponse<Response> sign(String role, String region, String id, String etag, Object body,
            int status) {
        var request = Api.as(role, region).body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(status).extract();
    }

    @Test
    void recordsTheCountysChoicesInOrderAndPublishesThemWithTheNewVersion() {
        String[] se = rated("982100", "982101", "S-SIGN");
        String id = se[0];
        try (TopicReader reader = TopicReader.fromNow(Topics.INDICATOR)) {
            ExtractableResponse<Response> signed = sign(COUNTY_EDITOR, "982101", id, se[1], signing(), 200);
            assertThat(signed.header("ETag")).isNotEqualTo(se[1]);
            assertThat((String) signed.path("signingAuthority")).isEqualTo("示例县人民政府");
            assertThat((String) signed.path("recordedBy")).isEqualTo("county-editor@982101");

            Api.as(VIEWER, "982101").get("/api/v1/self-evaluations/" + id).then().statusCode(200)
                    .header("ETag", equalTo(signed.header("ETag")))
                    .body("signing.signingAuthority", equalTo("示例县人民政府"))
                    .body("signing.signingDate", equalTo("2025-10-20"))
                    .body("signing.notablePractices.title", contains("党建引领教育发展", "县域教师“县管校聘”改革"))
                    .body("signing.notablePractices[0].indicatorCode", equalTo("1.1.1"))
                    .body("signing.notablePractices[0].text", nullValue())
                    .body("signing.notablePractices[1].text", equalTo(COUNTY_PRACTICE))
                    .body("signing.improvementMeasures.indicatorCode", contains("4.1.1", null, null))
                    .body("signing.improvementMeasures[1].checkCode", equalTo("funding-rule-failed"))
                    .body("signing.improvementMeasures[1].checkSubject",
                            equalTo("funding.never_decrease.per_student_general_budget_expenditure"));
            Api.as(VIEWER, "982100").queryParam("region", "982100").get("/api/v1/self-evaluations").then()
                    .statusCode(200).body("items[0].signing.signingDate", equalTo("2025-10-20"));

            TopicReader.Received received = reader.await(r -> r.event().subject().equals(id)
                    && r.event().type().equals(EventTypes.SELF_EVALUATION_SIGNING_RECORDED.name()), 1,
                    Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(received, EventTypes.SELF_EVALUATION_SIGNING_RECORDED,
                    "/indicator-service");
            SelfEvaluationSigningRecorded event = EventJson.payload(received.event(),
                    EventTypes.SELF_EVALUATION_SIGNING_RECORDED);
            assertThat(event.signingDate()).isEqualTo(LocalDate.of(2025, 10, 20));
            assertThat(event.version()).isEqualTo(Long.parseLong(signed.header("ETag").replace("\"", "")));
            assertThat(event.notablePractices()).extracting(SelfEvaluationSigningRecorded.NotablePractice::indicatorCode)
                    .containsExactly("1.1.1", null);
            assertThat(event.improvementMeasures()).hasSize(3);
            assertThat(event.recordedBy()).isEqualTo("county-editor@982101");
        }

        // a second PUT replaces the whole set; a system client of the county may write too, and an
        // absent authority leaves the default to the report
        Map<String, Object> fewer = new HashMap<>();
        fewer.put("signingDate", "2026-01-15");
        fewer.put("notablePractices", List.of(practice("新做法", null, "新的文字")));
        String etag = Api.as(VIEWER, "982101").get("/api/v1/self-evaluations/" + id).then().extract().header("ETag");
        sign(SYSTEM, "982101", id, etag, fewer, 200);
        Api.as(VIEWER, "982101").get("/api/v1/self-evaluations/" + id).then()
                .body("signing.signingAuthority", nullValue()).body("signing.notablePractices.title", contains("新做法"))
                .body("signing.improvementMeasures.size()", equalTo(0))
                .body("signing.recordedBy", equalTo("system@982101"));
    }

    @Test
    void aSelfEvaluationWithoutChoicesHasNoSigning() {
        String framework = publishedFramework("982200", "S-SIGN-NONE");
        String id = open(framework, "982201").path("id");
        Api.as(VIEWER, "982201").get("/api/v1/self-evaluations/" + id).then().statusCode(200)
                .body("signing", nullValue());
    }

    @Test
    void onlyTheCountysEditorsAndSystemClientsMayChooseWithTheCurrentVersion() {
        String[] se = rated("982300", "982301", "S-SIGN-SEC");
        String id = se[0];
        Api.anonymous().contentType("application/json").body(signing())
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(401)
                .contentType("application/problem+json");
        sign(COUNTY_EDITOR, "982302", id, se[1], signing(), 404); // another county's: looks missing
        sign(VIEWER, "982301", id, se[1], signing(), 403);
        sign(PREFECTURE_REVIEWER, "982300", id, se[1], signing(), 403);
        sign(COUNTY_EDITOR, "982301", id, null, signing(), 428);
        sign(COUNTY_EDITOR, "982301", id, "\"0\"", signing(), 412);
        Api.as(VIEWER, "982301").get("/api/v1/self-evaluations/" + id).then().body("signing", nullValue());
        sign(COUNTY_EDITOR, "982301", "00000000-0000-4000-8000-000000000000", se[1], signing(), 404);

        String current = sign(COUNTY_EDITOR, "982301", id, se[1], signing(), 200).header("ETag");
        // the ETag it replaced is stale now
        sign(COUNTY_EDITOR, "982301", id, se[1], signing(), 412);
        assertThat(current).isNotEqualTo(se[1]);
    }

    @Test
    void malformedChoicesAreRefusedNamingTheField() {
        String[] se = rated("982400", "982401", "S-SIGN-BAD");
        String id = se[0];
        Map<String, Object> body = signing();
        body.put("notablePractices", List.of(practice(" ", null, "文字"), practice("两者都有", "1.1.1", "文字"),
                practice("过长", null, "字".repeat(5001))));
        body.put("improvementMeasures", List.of(measure("只有主题", null, null, "funding.education_share.rises"),
                measure("坏代码", null, "Funding Rule", null)));
        ExtractableResponse<Response> refused = sign(COUNTY_EDITOR, "982401", id, se[1], body, 400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getList("violations.field", String.class)).contains("notablePractices[0].title",
                "notablePractices[2].text", "improvementMeasures[1].checkCode");

        body = signing();
        body.put("notablePractices", List.of(practice("两者都有", "1.1.1", "文字")));
        body.put("improvementMeasures", List.of(measure("只有主题", null, null, "funding.education_share.rises")));
        Api.as(COUNTY_EDITOR, "982401").header("If-Match", se[1]).body(body)
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("notablePractices[0]", "improvementMeasures[0].checkSubject"));

        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(practice("做法" + i, null, "文字"));
        }
        body = signing();
        body.put("notablePractices", eleven);
        Api.as(COUNTY_EDITOR, "982401").header("If-Match", se[1]).body(body)
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(400)
                .body("violations.field", hasItem("notablePractices"));
        body = signing();
        body.put("signingDate", "2025-13-40");
        Api.as(COUNTY_EDITOR, "982401").header("If-Match", se[1]).body(body)
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(400)
                .body("violations.field", hasItem("signingDate"));
        Api.as(VIEWER, "982401").get("/api/v1/self-evaluations/" + id).then().body("signing", nullValue());
    }

    @Test
    void choicesThatDoNotFitTheFrameworkOrTheRatingsBreakARule() {
        String[] se = rated("982500", "982501", "S-SIGN-RULE");
        String id = se[0];
        Map<String, Object> body = signing();
        body.put("signingDate", "2031-10-20");
        body.put("notablePractices", List.of(practice("可用", "1.1.1", null), practice("不存在", "9.9.9", null),
                practice("不适用", "4.1.2", null)));
        body.put("improvementMeasures", List.of(measure("答完全落实", "1.1.1", null, null)));
        Api.as(COUNTY_EDITOR, "982501").header("If-Match", se[1]).body(body)
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("violations.field", contains("signingDate", "notablePractices[1].indicatorCode",
                        "notablePractices[2].indicatorCode", "improvementMeasures[0].indicatorCode"));
        Api.as(VIEWER, "982501").get("/api/v1/self-evaluations/" + id).then().body("signing", nullValue())
                .header("ETag", equalTo(se[1]));
    }

    @Test
    void submissionRefusesChoicesTheRatingsNoLongerSupport() {
        String[] se = rated("982600", "982601", "S-SIGN-STALE");
        String id = se[0];
        String etag = sign(COUNTY_EDITOR, "982601", id, se[1], signing(), 200).header("ETag");
        // 4.1.1, which a measure answers, is now FULLY
        etag = rate(id, "982601", "4.1.1", "FULLY", etag);
        Api.as(COUNTY_EDITOR, "982601").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(422).body("violations.field", contains("signing.improvementMeasures[0].indicatorCode"));
        Map<String, Object> body = signing();
        body.put("improvementMeasures", List.of(measure("持续改善办学条件。", null, null, null)));
        etag = sign(COUNTY_EDITOR, "982601", id, etag, body, 200).header("ETag");
        Api.as(COUNTY_EDITOR, "982601").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void theChoicesAreFixedOnceSubmittedEditableWhenReturnedAndFrozenOnceApproved() throws Exception {
        String[] se = rated("982700", "982701", "S-SIGN-FRZ");
        String id = se[0];
        String etag = sign(COUNTY_EDITOR, "982701", id, se[1], signing(), 200).header("ETag");
        etag = Api.as(COUNTY_EDITOR, "982701").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(200).extract().header("ETag");
        sign(COUNTY_EDITOR, "982701", id, etag, signing(), 409);
        etag = Api.as(PREFECTURE_REVIEWER, "982700").header("If-Match", etag)
                .body(Map.of("summary", "请调整签署日期。", "comments", List.of()))
                .post("/api/v1/self-evaluations/" + id + "/return").then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = signing();
        body.put("signingDate", "2025-10-28");
        etag = sign(COUNTY_EDITOR, "982701", id, etag, body, 200).header("ETag");
        etag = Api.as(COUNTY_EDITOR, "982701").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(200).extract().header("ETag");
        etag = Api.as(PREFECTURE_REVIEWER, "982700").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/approval")
                .then().statusCode(200).body("signing.signingDate", equalTo("2025-10-28")).extract().header("ETag");

        Api.as(COUNTY_EDITOR, "982701").header("If-Match", etag).body(signing())
                .put("/api/v1/self-evaluations/" + id + "/signing").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("APPROVED"));
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE self_evaluation SET signing_date = '2025-12-31' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("approved");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE self_evaluation SET notable_practices = '[]' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("approved");
        }
        Api.as(VIEWER, "982701").get("/api/v1/self-evaluations/" + id).then()
                .body("signing.signingDate", equalTo("2025-10-28"))
                .body("signing.notablePractices.size()", not(equalTo(0)));
    }
}
