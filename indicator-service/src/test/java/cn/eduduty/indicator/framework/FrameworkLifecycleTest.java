package cn.eduduty.indicator.framework;

import static cn.eduduty.indicator.IndicatorFixtures.*;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Drafting, validating, publishing, freezing, exporting, importing, deriving and comparing frameworks. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FrameworkLifecycleTest {

    @Test
    void createsADraftWithItsWholeTreeInReadingOrder() {
        String id = createDraft("970100", "L-TREE", smallTree()).path("id");
        Api.as(COUNTY_EDITOR, "970101").get("/api/v1/frameworks/" + id).then().statusCode(200)
                .body("indicators", hasSize(7))
                .body("indicators.code", Matchers.contains("1", "1.1", "1.1.1", "4", "4.1", "4.1.1", "4.1.2"))
                .body("indicators[5].level", equalTo(3))
                .body("indicators[5].metric.key", equalTo("registry.preschool.gross_enrolment_rate"))
                .body("indicators[5].metric.threshold", equalTo("85"))
                .body("indicators[5].metric.unit", equalTo("PERCENT"));
    }

    @Test
    void rejectsAnInvalidTreeNamingEveryBadIndicatorAndStoresNothing() {
        List<Map<String, Object>> tree = new ArrayList<>(smallTree());
        tree.add(bound("1.1", "二级不能绑定", "registry.preschool.gross_enrolment_rate", "85"));
        tree.add(bound("4.1.3", "未知指标", "registry.unknown.metric", "1"));
        tree.add(indicator("4.1.1.1", "四级"));
        Map<String, Object> body = framework("L-BAD", 2025, "970200");
        body.put("indicators", tree);
        Api.as(PREFECTURE_REVIEWER, "970200").body(body).post("/api/v1/frameworks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("indicators[7].code", "indicators[8].metric.key", "indicators[9].code"))
                .body("violations.message", hasItem(containsString("4.1.3")));
        Api.as(VIEWER, "970200").queryParam("region", "970200").get("/api/v1/frameworks")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void refusesToPublishAnIncompleteTreeNamingTheIndicators() {
        List<Map<String, Object>> tree = List.of(indicator("1", "甲"), indicator("1.1", "乙"), indicator("2", "丙"),
                indicator("3.1.1", "孤儿"));
        ExtractableResponse<Response> draft = createDraft("970300", "L-INC", tree);
        Api.as(PREFECTURE_REVIEWER, "970300").header("If-Match", draft.header("ETag"))
                .post("/api/v1/frameworks/" + draft.path("id") + "/publication")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("violations.field", hasItems("indicators[1.1]", "indicators[2]", "indicators[3.1.1]"));
    }

    @Test
    void publishesAnEventOfTheGoldenSamplesShape() {
        // the sample's tree: an area, its part, and one third-level indicator bound to a metric
        List<Map<String, Object>> tree = List.of(indicator("4", "各级各类教育发展"), indicator("4.1", "学前教育"),
                bound("4.1.1", "学前教育普及", "registry.preschool.gross_enrolment_rate", "85"));
        try (TopicReader reader = TopicReader.fromNow(Topics.INDICATOR)) {
            String id = publish("971200", createDraft("971200", "L-GOLD", tree).path("id"));
            TopicReader.Received event = reader.await(TopicReader.subject(id), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.FRAMEWORK_PUBLISHED, "/indicator-service");
            assertThat(EventJson.payload(event.event(), EventTypes.FRAMEWORK_PUBLISHED).indicators().get(2).metric().unit())
                    .isEqualTo("PERCENT");
        }
    }

    @Test
    void publishesOnceWithAnEventCarryingTheWholeTreeAndThenNeverChanges() throws Exception {
        try (TopicReader reader = TopicReader.fromNow(Topics.INDICATOR)) {
            String id = createDraft("970400", "L-PUB", smallTree()).path("id");
            publish("970400", id);

            TopicReader.Received event = reader.await(TopicReader.subject(id), 1, Duration.ofSeconds(30)).get(0);
            FrameworkPublished published = EventJson.payload(event.event(), EventTypes.FRAMEWORK_PUBLISHED);
            assertThat(published.indicators()).hasSize(7);
            assertThat(published.regionCode()).isEqualTo("970400");
            assertThat(reader.settle(TopicReader.subject(id), Duration.ofSeconds(1))).hasSize(1);

            String etag = Api.as(VIEWER, "970400").get("/api/v1/frameworks/" + id).then()
                    .body("status", equalTo("PUBLISHED")).extract().header("ETag");
            Api.as(PREFECTURE_REVIEWER, "970400").header("If-Match", etag).body(indicator("4.1.3", "新增"))
                    .put("/api/v1/frameworks/" + id + "/indicators/4.1.3").then().statusCode(409)
                    .contentType("application/problem+json");
            Api.as(PREFECTURE_REVIEWER, "970400").header("If-Match", etag).body(smallTree())
                    .put("/api/v1/frameworks/" + id + "/indicators").then().statusCode(409);
            Api.as(PREFECTURE_REVIEWER, "970400").header("If-Match", etag)
                    .delete("/api/v1/frameworks/" + id + "/indicators/4.1.2").then().statusCode(409);
            Api.as(PREFECTURE_REVIEWER, "970400").header("If-Match", etag)
                    .post("/api/v1/frameworks/" + id + "/publication").then().statusCode(409);

            try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
                assertThatThrownBy(() -> c.createStatement().executeUpdate(
                        "UPDATE indicator SET title = 'changed' WHERE framework_id = '" + id + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("published");
                assertThatThrownBy(() -> c.createStatement().executeUpdate(
                        "DELETE FROM framework WHERE id = '" + id + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("published");
            }
            Api.as(VIEWER, "970400").get("/api/v1/frameworks/" + id).then().body("indicators", hasSize(7));
        }
    }

    @Test
    void editsADraftUnderIfMatchAndRefusesAStaleVersionChangingNothing() {
        ExtractableResponse<Response> draft = createDraft("970500", "L-EDIT", smallTree());
        String id = draft.path("id");
        String etag = draft.header("ETag");
        String next = Api.as(PREFECTURE_REVIEWER, "970500").header("If-Match", etag).body(indicator("4.1.3", "普惠"))
                .put("/api/v1/frameworks/" + id + "/indicators/4.1.3")
                .then().statusCode(200).body("indicators", hasSize(8)).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);

        Api.as(PREFECTURE_REVIEWER, "970500").header("If-Match", etag).body(indicator("4.1.4", "过期"))
                .put("/api/v1/frameworks/" + id + "/indicators/4.1.4")
                .then().statusCode(412).contentType("application/problem+json");
        Api.as(PREFECTURE_REVIEWER, "970500").body(indicator("4.1.4", "无版本"))
                .put("/api/v1/frameworks/" + id + "/indicators/4.1.4").then().statusCode(428);
        Api.as(PREFECTURE_REVIEWER, "970500").header("If-Match", next)
                .delete("/api/v1/frameworks/" + id + "/indicators/4.1").then().statusCode(422);
        Api.as(VIEWER, "970500").get("/api/v1/frameworks/" + id).then()
                .body("indicators", hasSize(8)).header("ETag", next);
    }

    @Test
    void exportsCsvAndImportsItBack() {
        String id = createDraft("970600", "L-CSV", smallTree()).path("id");
        String csv = Api.as(VIEWER, "970600").accept("text/csv").get("/api/v1/frameworks/" + id + "/indicators")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(8);
        assertThat(csv).contains("4.1.1,3,学前教育普及,学前教育普及的评价细则,1,registry.preschool.gross_enrolment_rate,GE,85,PERCENT");

        ExtractableResponse<Response> target = createDraft("970600", "L-CSV2", List.of());
        Api.as(PREFECTURE_REVIEWER, "970600").header("If-Match", target.header("ETag")).contentType("text/csv")
                .body(csv).put("/api/v1/frameworks/" + target.path("id") + "/indicators")
                .then().statusCode(200).body("indicators", hasSize(7));
        Api.as(VIEWER, "970600").queryParam("format", "json").get("/api/v1/frameworks/" + target.path("id") + "/indicators")
                .then().statusCode(200).body("code", hasSize(7)).body("[5].metric.threshold", equalTo("85"));
    }

    @Test
    void aCsvImportWithSomeBadRowsReportsThemAllAndStoresNothing() {
        ExtractableResponse<Response> draft = createDraft("970700", "L-MIX", smallTree());
        String csv = """
                code,level,title,criteria,displayOrder,metricKey,comparator,threshold,unit
                1,1,贯彻执行党的教育方针,,1,,,,
                1.1,2,党的领导,,1,,,,
                1.1.1,3,党组织建设,,1,,,,
                4,1,,缺标题,1,,,,
                4.1.1,3,学前,,1,registry.no.such,GE,85,PERCENT
                4.1.2,3,质量,,abc,,,,
                """;
        Api.as(PREFECTURE_REVIEWER, "970700").header("If-Match", draft.header("ETag")).contentType("text/csv")
                .body(csv).put("/api/v1/frameworks/" + draft.path("id") + "/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("rows[7].displayOrder"));
        // once the cells parse, every row rule is reported at once
        String parsed = csv.replace(",abc,", ",2,");
        Api.as(PREFECTURE_REVIEWER, "970700").header("If-Match", draft.header("ETag")).contentType("text/csv")
                .body(parsed).put("/api/v1/frameworks/" + draft.path("id") + "/indicators")
                .then().statusCode(400)
                .body("violations.field", hasItems("rows[5].title", "rows[6].metricKey"));
        Api.as(VIEWER, "970700").get("/api/v1/frameworks/" + draft.path("id")).then()
                .body("indicators", hasSize(7)).header("ETag", draft.header("ETag"));
    }

    @Test
    void derivesNextYearsDraftAndDiffsItAgainstTheOriginal() {
        String id = publish("970800", createDraft("970800", "L-2025", smallTree()).path("id"));
        Api.as(PREFECTURE_REVIEWER, "970800").body(Map.of("code", "L-2025", "evaluationYear", 2025))
                .post("/api/v1/frameworks/" + id + "/derivations").then().statusCode(409);
        ExtractableResponse<Response> derived = Api.as(PREFECTURE_REVIEWER, "970800")
                .body(Map.of("code", "L-2026", "evaluationYear", 2026))
                .post("/api/v1/frameworks/" + id + "/derivations")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("derivedFrom", equalTo(id))
                .body("indicators", hasSize(7)).extract();
        String newId = derived.path("id");
        Api.as(PREFECTURE_REVIEWER, "970800").header("If-Match", derived.header("ETag"))
                .body(bound("4.1.1", "学前教育普及", "registry.preschool.gross_enrolment_rate", "88"))
                .put("/api/v1/frameworks/" + newId + "/indicators/4.1.1").then().statusCode(200);

        Api.as(VIEWER, "970800").queryParam("against", newId).get("/api/v1/frameworks/" + id + "/diff")
                .then().statusCode(200)
                .body("added", hasSize(0)).body("removed", hasSize(0))
                .body("changed[0].code", equalTo("4.1.1"))
                .body("changed[0].changes[0].field", equalTo("metric.threshold"))
                .body("changed[0].changes[0].before", equalTo("85"))
                .body("changed[0].changes[0].after", equalTo("88"));
        Api.as(PREFECTURE_REVIEWER, "970800").body(Map.of("code", "L-X", "evaluationYear", 2027))
                .post("/api/v1/frameworks/" + newId + "/derivations").then().statusCode(422);
    }

    @Test
    void instantiatesTheNationalTemplate() {
        Api.as(VIEWER, "970900").get("/api/v1/templates").then().statusCode(200).body("id", hasItem("national"));
        Api.as(VIEWER, "970900").get("/api/v1/templates/national").then().statusCode(200)
                .body("indicators.size()", Matchers.greaterThan(50));
        Api.as(PREFECTURE_REVIEWER, "970900")
                .body(Map.of("code", "N-2025", "evaluationYear", 2025, "issuer", "示例州教育督导室", "regionCode", "970900"))
                .post("/api/v1/templates/national/frameworks")
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("indicators.findAll { it.level == 1 }.size()", equalTo(7))
                .body("indicators.findAll { it.level == 2 }.size()", equalTo(15));
        Api.as(VIEWER, "970900").get("/api/v1/templates/none").then().statusCode(404);
        Api.as(COUNTY_EDITOR, "970901")
                .body(Map.of("code", "N-2025", "evaluationYear", 2025, "issuer", "x", "regionCode", "970900"))
                .post("/api/v1/templates/national/frameworks").then().statusCode(403);
    }

    @Test
    void servesTheMetricCatalogue() {
        Api.as(VIEWER, "970100").get("/api/v1/metrics").then().statusCode(200)
                .body("key", hasItem("registry.compulsory.large_class_share"))
                .body("find { it.key == 'registry.preschool.gross_enrolment_rate' }.unit", equalTo("PERCENT"))
                .body("find { it.key == 'registry.preschool.gross_enrolment_rate' }.aliases", hasItem("毛入园率"))
                .body("find { it.key == 'registry.compulsory.large_classes' }.aliases", hasItem("56人以上班额"))
                .body("find { it.key == 'registry.senior.general_vocational_ratio' }.unit", equalTo("RATIO"));
        Api.anonymous().get("/api/v1/metrics").then().statusCode(401);
    }

    @Test
    void refusesEditsFromOtherRegionsAndCounties() {
        ExtractableResponse<Response> draft = createDraft("971000", "L-SEC", smallTree());
        String id = draft.path("id");
        // another prefecture's framework looks missing; its own counties may read it but not edit it
        Api.as(PREFECTURE_REVIEWER, "971100").header("If-Match", draft.header("ETag"))
                .post("/api/v1/frameworks/" + id + "/publication").then().statusCode(404)
                .body("detail", equalTo("Framework " + id + " does not exist"));
        Api.as(COUNTY_EDITOR, "971001").header("If-Match", draft.header("ETag"))
                .delete("/api/v1/frameworks/" + id + "/indicators/4.1.2").then().statusCode(403);
        Api.as(SYSTEM, "971001").header("If-Match", draft.header("ETag"))
                .post("/api/v1/frameworks/" + id + "/publication").then().statusCode(403)
                .body("detail", Matchers.not(Matchers.containsString("971000")));
        Api.as(SYSTEM, "971100").header("If-Match", draft.header("ETag")).body(smallTree())
                .put("/api/v1/frameworks/" + id + "/indicators").then().statusCode(404);
        Api.anonymous().get("/api/v1/frameworks/" + id + "/indicators").then().statusCode(401);
        Api.as(VIEWER, "971101").get("/api/v1/frameworks/" + id + "/indicators").then().statusCode(404);
        Api.as(VIEWER, "971101").queryParam("against", id).get("/api/v1/frameworks/" + id + "/diff").then().statusCode(404);
        Api.as(VIEWER, "971001").get("/api/v1/frameworks/" + id + "/indicators").then().statusCode(200);
    }
}
