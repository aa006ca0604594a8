package cn.eduduty.report.checks.narrative;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * POST /api/v1/narrative-checks on the test county of 2025 (one large class of eleven compulsory
 * classes: 1 and 9.09%), through the public API with real tokens.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class NarrativeCheckResourceTest {

    private static final String PREFECTURE = "991300";
    private static final String COUNTY = "991301";
    private static final String TEXT = "全县义务教育学校现有56人以上班额1个，占比9.5%。投入资金480万元新建教学楼一栋。"
            + "2024年全县大班额３个，在《2019年版》标准的第3条之外。";

    @Inject
    ReadModelEvents events;


    @BeforeEach
    void county() throws Exception {
        events.loadOnce(PREFECTURE, COUNTY);
    }

    private static Map<String, Object> body(String region, Object text) {
        return Map.of("region", region, "year", 2025, "text", text);
    }

    @Test
    void readsEveryStatedNumberWithItsMetricComputedValueAndVerdict() {
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(body(COUNTY, TEXT)).post("/api/v1/narrative-checks").then()
                .statusCode(200)
                .body("figures.stated", contains("1个", "9.5%", "480万元", "３个"))
                .body("figures.verdict", contains("MATCH", "MISMATCH", "UNATTRIBUTED", "NO_DATA"))
                .body("figures[0].metricKey", equalTo("registry.compulsory.large_classes"))
                .body("figures[0].computed", equalTo("1"))
                .body("figures[1].metricKey", equalTo("registry.compulsory.large_class_share"))
                .body("figures[1].metricLabel", equalTo("义务教育大班额比例"))
                .body("figures[1].computed", equalTo("9.09"))
                .body("figures[1].computedText", equalTo("9.09%"))
                .body("figures[1].sentence", equalTo("全县义务教育学校现有56人以上班额1个，占比9.5%"))
                .body("figures[1].start", equalTo(22))
                .body("figures[2].metricKey", nullValue())
                .body("figures[2].note", equalTo("所在分句未提及系统计算的指标"))
                .body("figures[3].metricKey", equalTo("registry.compulsory.large_classes"))
                .body("summary.checked", equalTo(2))
                .body("summary.mismatched", equalTo(1))
                .body("summary.unchecked", equalTo(2))
                .body("summary.sentence", equalTo("2处数据已自动核对，其中1处与系统数据不一致，2处未能自动核对"));
    }

    @Test
    void readersOfTheRegionMayCheckAndOthersMayNot() {
        Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).body(body(COUNTY, "占比9.09%。")).post("/api/v1/narrative-checks")
                .then().statusCode(200);
        Api.as(Api.VIEWER, COUNTY).body(body(COUNTY, "大班额1个。")).post("/api/v1/narrative-checks").then()
                .statusCode(200).body("figures[0].verdict", equalTo("MATCH"));
        Api.as(Api.SYSTEM, PREFECTURE).body(body(PREFECTURE, "大班额1个。")).post("/api/v1/narrative-checks").then()
                .statusCode(200);
        Api.anonymous().body(body(COUNTY, TEXT)).post("/api/v1/narrative-checks").then().statusCode(401)
                .contentType("application/problem+json");
        Api.as(Api.COUNTY_EDITOR, "991302").body(body(COUNTY, TEXT)).post("/api/v1/narrative-checks").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as(Api.PREFECTURE_REVIEWER, "991400").body(body(COUNTY, TEXT)).post("/api/v1/narrative-checks").then()
                .statusCode(403);
    }

    @Test
    void refusesATextLongerThan20000CharactersNamingTheField() {
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(body(COUNTY, "大".repeat(20_001))).post("/api/v1/narrative-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("text"));
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(Map.of("region", COUNTY, "year", 2025)).post("/api/v1/narrative-checks")
                .then().statusCode(400).body("violations.field", hasItem("text"));
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(body("99130", TEXT)).post("/api/v1/narrative-checks").then()
                .statusCode(400).body("violations.field", hasItem("region"));
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(body(COUNTY, "大".repeat(20_000))).post("/api/v1/narrative-checks")
                .then().statusCode(200).body("figures", Matchers.empty());
    }

    @Test
    void aCallerAskingForChineseGetsTheValidationMessagesInChinese() {
        // the console sends Accept-Language: zh-CN and shows these beside its fields; others keep English
        Api.as(Api.COUNTY_EDITOR, COUNTY).header("Accept-Language", "zh-CN").body(Map.of("region", COUNTY, "year", 2025))
                .post("/api/v1/narrative-checks").then().statusCode(400)
                .body("violations.find { it.field == 'text' }.message", equalTo("不能为null"));
        Api.as(Api.COUNTY_EDITOR, COUNTY).body(Map.of("region", COUNTY, "year", 2025)).post("/api/v1/narrative-checks")
                .then().statusCode(400).body("violations.find { it.field == 'text' }.message", equalTo("must not be null"));
    }
}
