package cn.eduduty.indicator.selfevaluation;

import static cn.eduduty.indicator.IndicatorFixtures.publishedFramework;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationApproved;
import cn.eduduty.indicator.IndicatorFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A county rates itself against a published framework; its prefecture reviews. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SelfEvaluationResourceTest {

    private static final String SOURCE = "/indicator-service";

    static Map<String, Object> rating(String rating) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("narrative", "全县学前三年毛入园率达到92.4%。");
        // a figure and a document, as in the golden samples of indicator.rating.recorded
        body.put("evidence", List.of(Map.of("title", "毛入园率", "figureKey", "registry.preschool.gross_enrolment_rate"),
                Map.of("title", "县学前教育第四期行动计划", "uri", "https://example.gov.cn/docs/preschool-plan.pdf")));
        if (rating.equals("BASICALLY") || rating.equals("NOT")) {
            body.put("problem", "乡村幼儿园保教质量不高。");
            body.put("improvement", "实施乡村幼儿园教师培训计划。");
        }
        return body;
    }

    /** Opens a self-evaluation for {@code county} and returns its id and ETag. */
    static ExtractableResponse<Response> open(String framework, String county) {
        return Api.as(COUNTY_EDITOR, county).body(Map.of("frameworkId", framework, "regionCode", county))
                .post("/api/v1/self-evaluations").then().statusCode(201).extract();
    }

    /** Records a rating and returns the self-evaluation's new ETag. */
    static String rate(String id, String county, String code, String rating, String etag) {
        return Api.as(COUNTY_EDITOR, county).header("If-Match", etag).body(rating(rating))
                .put("/api/v1/self-evaluations/" + id + "/ratings/" + code)
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void goesThroughTheWholeReviewWorkflowEmittingOneEventPerChange() throws Exception {
        String framework = publishedFramework("980100", "S-FLOW");
        try (TopicReader reader = TopicReader.fromNow(Topics.INDICATOR)) {
            ExtractableResponse<Response> opened = open(framework, "980101");
            String id = opened.path("id");
            assertThat((String) opened.path("status")).isEqualTo("DRAFT");
            assertThat((Integer) opened.path("year")).isEqualTo(2025);

            String etag = rate(id, "980101", "1.1.1", "FULLY", opened.header("ETag"));
            etag = rate(id, "980101", "4.1.1", "BASICALLY", etag);
            etag = rate(id, "980101", "4.1.2", "NOT_APPLICABLE", etag);
            etag = Api.as(COUNTY_EDITOR, "980101").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                    .body("allowedActions", hasItems("return", "approve")).extract().header("ETag");
            etag = Api.as(PREFECTURE_REVIEWER, "980100").header("If-Match", etag)
                    .body(Map.of("summary", "请补充佐证材料。", "comments", List.of(Map.of("indicatorCode", "4.1.1",
                            "comment", "毛入园率请与统计报表核对。"))))
                    .post("/api/v1/self-evaluations/" + id + "/return")
                    .then().statusCode(200).body("status", equalTo("RETURNED")).extract().header("ETag");
            Api.as(VIEWER, "980101").get("/api/v1/self-evaluations/" + id + "/comments").then().statusCode(200)
                    .body("size()", equalTo(2)).body("[1].indicatorCode", equalTo("4.1.1")).body("[0].round", equalTo(1));
            etag = rate(id, "980101", "4.1.1", "FULLY", etag);
            etag = Api.as(SYSTEM, "980101").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                    .then().statusCode(200).extract().header("ETag");
            Api.as(PREFECTURE_REVIEWER, "980100").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/approval")
                    .then().statusCode(200).body("status", equalTo("APPROVED"))
                    .body("approvedBy", equalTo("prefecture-reviewer@980100")).body("allowedActions", hasSize(0));

            List<TopicReader.Received> events = reader.await(r -> r.event().subject().startsWith(id), 9, Duration.ofSeconds(30));
            events = reader.settle(r -> r.event().subject().startsWith(id), Duration.ofSeconds(1));
            assertThat(events).extracting(r -> r.event().type()).containsExactly(
                    "indicator.self-evaluation.created", "indicator.rating.recorded", "indicator.rating.recorded",
                    "indicator.rating.recorded", "indicator.self-evaluation.submitted", "indicator.self-evaluation.returned",
                    "indicator.rating.recorded", "indicator.self-evaluation.submitted", "indicator.self-evaluation.approved");
            for (int i = 0; i < events.size(); i++) {
                TopicReader.Received r = events.get(i);
                EventType<?> type = EventTypes.byName(r.event().type()).orElseThrow();
                // the ratings come in three shapes, each with its sample: a first weak rating with its
                // problem (the main sample), a first rating with no problem to state (FULLY,
                // NOT_APPLICABLE), and a re-rating naming the rating it replaces
                switch (i) {
                    case 1, 3 -> EventAssertions.assertMatchesGoldenSample(r, type, SOURCE, "fully");
                    case 6 -> EventAssertions.assertMatchesGoldenSample(r, type, SOURCE, "rerated");
                    default -> EventAssertions.assertMatchesGoldenSample(r, type, SOURCE);
                }
                assertThat(r.key()).isEqualTo("980101");
            }
            RatingRecorded rerated = EventJson.payload(events.get(6).event(), EventTypes.RATING_RECORDED);
            assertThat(rerated.previousRating()).isEqualTo("BASICALLY");
            assertThat(rerated.rating()).isEqualTo("FULLY");
            SelfEvaluationApproved approved = EventJson.payload(events.get(8).event(), EventTypes.SELF_EVALUATION_APPROVED);
            assertThat(approved.ratings()).extracting(SelfEvaluationApproved.FinalRating::rating)
                    .containsExactly("FULLY", "FULLY", "NOT_APPLICABLE");

            Api.as(VIEWER, "980101").get("/api/v1/self-evaluations/" + id + "/ratings/4.1.1/history").then()
                    .statusCode(200).body("from", Matchers.contains(null, "BASICALLY"))
                    .body("to", Matchers.contains("BASICALLY", "FULLY"))
                    .body("[0].changedBy", equalTo("county-editor@980101"));
        }
    }

    @Test
    void refusesToSubmitListingTheUnratedIndicators() {
        String framework = publishedFramework("980200", "S-UNR");
        ExtractableResponse<Response> opened = open(framework, "980201");
        String id = opened.path("id");
        String etag = rate(id, "980201", "4.1.1", "FULLY", opened.header("ETag"));
        Api.as(COUNTY_EDITOR, "980201").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", Matchers.contains("ratings[1.1.1]", "ratings[4.1.2]"));
        Api.as(VIEWER, "980201").get("/api/v1/self-evaluations/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheAllowedActions() {
        String framework = publishedFramework("980300", "S-ILL");
        ExtractableResponse<Response> opened = open(framework, "980301");
        String id = opened.path("id");
        String etag = opened.header("ETag");
        Api.as(PREFECTURE_REVIEWER, "980300").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/approval")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed from DRAFT: submit"));
        Api.as(PREFECTURE_REVIEWER, "980300").header("If-Match", etag)
                .body(Map.of("summary", "x", "comments", List.of())).post("/api/v1/self-evaluations/" + id + "/return")
                .then().statusCode(409);
    }

    @Test
    void anApprovedSelfEvaluationIsFrozen() throws Exception {
        String framework = publishedFramework("980400", "S-FRZ");
        ExtractableResponse<Response> opened = open(framework, "980401");
        String id = opened.path("id");
        String etag = opened.header("ETag");
        for (String code : List.of("1.1.1", "4.1.1", "4.1.2")) {
            etag = rate(id, "980401", code, "FULLY", etag);
        }
        etag = Api.as(COUNTY_EDITOR, "980401").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(200).extract().header("ETag");
        etag = Api.as(PREFECTURE_REVIEWER, "980400").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/approval")
                .then().statusCode(200).extract().header("ETag");

        Api.as(COUNTY_EDITOR, "980401").header("If-Match", etag).body(rating("NOT"))
                .put("/api/v1/self-evaluations/" + id + "/ratings/4.1.1").then().statusCode(409);
        Api.as(COUNTY_EDITOR, "980401").header("If-Match", etag).post("/api/v1/self-evaluations/" + id + "/submission")
                .then().statusCode(409).body("detail", containsString("nothing (it is final)"));
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE rating SET rating = 'NOT' WHERE self_evaluation_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("approved");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE self_evaluation SET status = 'DRAFT' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("approved");
        }
        Api.as(VIEWER, "980401").get("/api/v1/self-evaluations/" + id + "/ratings").then()
                .body("rating", Matchers.everyItem(equalTo("FULLY")));
    }

    /**
     * The trigger that freezes an approved self-evaluation looks at the old row of an UPDATE too:
     * a rating cannot leave an approved self-evaluation by moving it to a draft, neither from the
     * application's connection nor the superuser's, while the draft's own ratings stay writable.
     */
    @Test
    void anUpdateCannotMoveARatingOutOfAnApprovedSelfEvaluation() throws Exception {
        String framework = publishedFramework("980900", "S-MOVE");
        ExtractableResponse<Response> opened = open(framework, "980901");
        String approved = opened.path("id");
        String etag = opened.header("ETag");
        for (String code : List.of("1.1.1", "4.1.1", "4.1.2")) {
            etag = rate(approved, "980901", code, "FULLY", etag);
        }
        etag = Api.as(COUNTY_EDITOR, "980901").header("If-Match", etag).post("/api/v1/self-evaluations/" + approved + "/submission")
                .then().statusCode(200).extract().header("ETag");
        Api.as(PREFECTURE_REVIEWER, "980900").header("If-Match", etag).post("/api/v1/self-evaluations/" + approved + "/approval")
                .then().statusCode(200);
        ExtractableResponse<Response> other = open(framework, "980902");
        String draft = other.path("id");
        rate(draft, "980902", "1.1.1", "BASICALLY", other.header("ETag"));

        String move = "UPDATE rating SET self_evaluation_id = '" + draft + "', rating = 'NOT'"
                + " WHERE self_evaluation_id = '" + approved + "' AND indicator_code = '4.1.1'";
        try (Connection app = SuiteInfrastructure.applicationConnection();
                Connection superuser = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            for (Connection c : List.of(app, superuser)) {
                c.setAutoCommit(false);
                assertThatThrownBy(() -> c.createStatement().executeUpdate(move)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("approved and frozen")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
                c.rollback();
                assertThatThrownBy(() -> c.createStatement().executeUpdate(
                        "DELETE FROM rating WHERE self_evaluation_id = '" + approved + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("approved and frozen");
                c.rollback();
            }
            assertThat(app.createStatement().executeUpdate(
                    "UPDATE rating SET narrative = narrative WHERE self_evaluation_id = '" + draft + "'")).isEqualTo(1);
            app.rollback();
        }
        Api.as(VIEWER, "980901").get("/api/v1/self-evaluations/" + approved + "/ratings").then()
                .body("rating", Matchers.everyItem(equalTo("FULLY"))).body("rating", hasSize(3));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String framework = publishedFramework("980500", "S-STL");
        ExtractableResponse<Response> opened = open(framework, "980501");
        String id = opened.path("id");
        String first = opened.header("ETag");
        rate(id, "980501", "4.1.1", "FULLY", first);
        Api.as(COUNTY_EDITOR, "980501").header("If-Match", first).body(rating("NOT"))
                .put("/api/v1/self-evaluations/" + id + "/ratings/4.1.1")
                .then().statusCode(412).contentType("application/problem+json");
        Api.as(COUNTY_EDITOR, "980501").body(rating("NOT")).put("/api/v1/self-evaluations/" + id + "/ratings/4.1.1")
                .then().statusCode(428);
        Api.as(VIEWER, "980501").get("/api/v1/self-evaluations/" + id + "/ratings").then()
                .body("size()", equalTo(1)).body("[0].rating", equalTo("FULLY"));
        Api.as(VIEWER, "980501").get("/api/v1/self-evaluations/" + id + "/ratings/4.1.1/history").then().body("size()", equalTo(1));
    }

    @Test
    void weakRatingsNeedAProblemAndAnImprovementMeasure() {
        String framework = publishedFramework("980600", "S-WEAK");
        ExtractableResponse<Response> opened = open(framework, "980601");
        Map<String, Object> body = rating("FULLY");
        body.put("rating", "NOT");
        body.put("evidence", List.of(Map.of("title", "两者都有", "uri", "https://example.gov.cn/a.pdf",
                "figureKey", "registry.preschool.gross_enrolment_rate")));
        Api.as(COUNTY_EDITOR, "980601").header("If-Match", opened.header("ETag")).body(body)
                .put("/api/v1/self-evaluations/" + opened.path("id") + "/ratings/4.1.1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("problem", "improvement", "evidence[0]"));
        Api.as(COUNTY_EDITOR, "980601").header("If-Match", opened.header("ETag")).body(rating("SOMEWHAT"))
                .put("/api/v1/self-evaluations/" + opened.path("id") + "/ratings/4.1.1")
                .then().statusCode(400).body("violations.field", hasItems("rating"));
        Api.as(COUNTY_EDITOR, "980601").header("If-Match", opened.header("ETag")).body(rating("FULLY"))
                .put("/api/v1/self-evaluations/" + opened.path("id") + "/ratings/4.1").then().statusCode(422);
        Api.as(COUNTY_EDITOR, "980601").header("If-Match", opened.header("ETag")).body(rating("FULLY"))
                .put("/api/v1/self-evaluations/" + opened.path("id") + "/ratings/9.9.9").then().statusCode(404);
    }

    @Test
    void summarisesOverApplicableIndicatorsPerArea() {
        String framework = publishedFramework("980700", "S-SUM");
        ExtractableResponse<Response> opened = open(framework, "980701");
        String id = opened.path("id");
        String etag = rate(id, "980701", "1.1.1", "FULLY", opened.header("ETag"));
        etag = rate(id, "980701", "4.1.1", "NOT", etag);
        Api.as(VIEWER, "980701").get("/api/v1/self-evaluations/" + id + "/summary").then().statusCode(200)
                .body("total.indicators", equalTo(3)).body("total.rated", equalTo(2))
                .body("total.completeness", equalTo("66.67"))
                .body("total.percentages.FULLY", equalTo("50.00")).body("total.percentages.NOT", equalTo("50.00"))
                .body("areas[1].code", equalTo("4")).body("areas[1].summary.counts.NOT", equalTo(1));
        rate(id, "980701", "4.1.2", "NOT_APPLICABLE", etag);
        Api.as(VIEWER, "980701").get("/api/v1/self-evaluations/" + id + "/summary").then()
                .body("total.completeness", equalTo("100.00")).body("total.applicable", equalTo(2))
                .body("total.percentages.FULLY", equalTo("50.00"));
    }

    @Test
    void oneSelfEvaluationPerFrameworkCountyAndYearOnlyForPublishedFrameworksWithinTheRegion() {
        String framework = publishedFramework("980800", "S-ONE");
        open(framework, "980801");
        Api.as(COUNTY_EDITOR, "980801").body(Map.of("frameworkId", framework, "regionCode", "980801"))
                .post("/api/v1/self-evaluations").then().statusCode(409);
        Api.as(COUNTY_EDITOR, "980901").body(Map.of("frameworkId", framework, "regionCode", "980901"))
                .post("/api/v1/self-evaluations").then().statusCode(422);
        String draft = IndicatorFixtures.createDraft("980800", "S-DRAFT",
                IndicatorFixtures.smallTree()).path("id");
        Api.as(COUNTY_EDITOR, "980802").body(Map.of("frameworkId", draft, "regionCode", "980802"))
                .post("/api/v1/self-evaluations").then().statusCode(422);
        Api.as(VIEWER, "980800").queryParam("region", "980800").queryParam("status", "FINISHED")
                .get("/api/v1/self-evaluations").then().statusCode(400).contentType("application/problem+json");
        Api.as(VIEWER, "980800").queryParam("region", "980800").queryParam("status", "DRAFT")
                .get("/api/v1/self-evaluations").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].regionCode", equalTo("980801"));
    }

    @Test
    void everyResourceRefusesMissingTokensAndForeignRegions() {
        String framework = publishedFramework("981000", "S-SEC");
        ExtractableResponse<Response> opened = open(framework, "981001");
        String id = opened.path("id");
        String base = "/api/v1/self-evaluations/" + id;
        for (String path : List.of(base, base + "/ratings", base + "/summary", base + "/comments",
                base + "/ratings/4.1.1/history")) {
            Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
            // another county's self-evaluation looks missing, in status, body and wording
            Api.as(VIEWER, "981002").get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("Self-evaluation " + id + " does not exist"));
            Api.as(VIEWER, "981001").get(path).then().statusCode(200);
        }
        String unknown = UUID.randomUUID().toString();
        JsonPath hidden = Api.as(VIEWER, "981002").get(base).then().extract().jsonPath();
        JsonPath missing = Api.as(VIEWER, "981002").get("/api/v1/self-evaluations/" + unknown)
                .then().statusCode(404).extract().jsonPath();
        Assertions.assertThat(hidden.getString("detail"))
                .isEqualTo(missing.getString("detail").replace(unknown, id));
        Assertions.assertThat(hidden.getMap("")).containsOnlyKeys(missing.getMap("").keySet());
        Api.anonymous().queryParam("region", "981000").get("/api/v1/self-evaluations").then().statusCode(401);
        Api.as(VIEWER, "981100").queryParam("region", "981000").get("/api/v1/self-evaluations").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "981002").body(Map.of("frameworkId", framework, "regionCode", "981001"))
                .post("/api/v1/self-evaluations").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "981002").header("If-Match", opened.header("ETag")).body(rating("FULLY"))
                .put(base + "/ratings/4.1.1").then().statusCode(404);
        Api.as(VIEWER, "981001").header("If-Match", opened.header("ETag")).body(rating("FULLY"))
                .put(base + "/ratings/4.1.1").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "981001").header("If-Match", opened.header("ETag")).post(base + "/approval")
                .then().statusCode(403);
        Api.as(PREFECTURE_REVIEWER, "981100").header("If-Match", opened.header("ETag")).post(base + "/approval")
                .then().statusCode(404);
        Api.as(PREFECTURE_REVIEWER, "981000").header("If-Match", opened.header("ETag")).post(base + "/submission")
                .then().statusCode(403);
    }
}
