package cn.eduduty.funding.fiscal;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FiscalContextResourceTest {

    private static final String BASE = "/api/v1/counties/%s/fiscal-contexts/%d";

    static Map<String, Object> context(Object revenue, Object expenditure) {
        Map<String, Object> body = new HashMap<>();
        body.put("regularFiscalRevenue", revenue);
        body.put("generalPublicBudgetExpenditure", expenditure);
        body.put("averageTeacherPay", "98650.00");
        body.put("averageCivilServantPay", "97200");
        return body;
    }

    @Test
    void recordsAContextWithMoneyAsDecimalStrings() {
        Api.as(COUNTY_EDITOR, "940101").body(context("856321400.5", 2413567800.50)).put(BASE.formatted("940101", 2024))
                .then().statusCode(201)
                .header("Location", Matchers.endsWith("/api/v1/counties/940101/fiscal-contexts/2024"))
                .header("ETag", "\"0\"")
                .body("regularFiscalRevenue", equalTo("856321400.50"))
                .body("generalPublicBudgetExpenditure", equalTo("2413567800.50"))
                .body("averageCivilServantPay", equalTo("97200.00"))
                .body("recordedBy", equalTo("county-editor@940101"));
        Api.as(PREFECTURE_REVIEWER, "940100").get(BASE.formatted("940101", 2024))
                .then().statusCode(200).body("fiscalYear", equalTo(2024));
        Api.as(VIEWER, "940101").get("/api/v1/counties/940101/fiscal-contexts")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].fiscalYear", equalTo(2024));
    }

    @Test
    void replacesOnlyWithTheCurrentVersion() {
        Api.as(COUNTY_EDITOR, "940102").body(context("100.00", "200.00")).put(BASE.formatted("940102", 2024))
                .then().statusCode(201);
        Api.as(COUNTY_EDITOR, "940102").header("If-Match", "\"0\"").body(context("110.00", "200.00"))
                .put(BASE.formatted("940102", 2024)).then().statusCode(200).header("ETag", "\"1\"");
        Api.as(COUNTY_EDITOR, "940102").header("If-Match", "\"0\"").body(context("999.00", "200.00"))
                .put(BASE.formatted("940102", 2024)).then().statusCode(412)
                .contentType("application/problem+json");
        Api.as(VIEWER, "940102").get(BASE.formatted("940102", 2024))
                .then().body("regularFiscalRevenue", equalTo("110.00"));
    }

    @Test
    void anIfMatchOnAYearNotYetStoredIs412AndRecordsNothing() {
        for (String ifMatch : List.of("\"0\"", "*")) {
            Api.as(COUNTY_EDITOR, "940102").header("If-Match", ifMatch).body(context("100.00", "200.00"))
                    .put(BASE.formatted("940102", 2019)).then().statusCode(412).contentType("application/problem+json")
                    .body("type", equalTo("urn:eduduty:problem:precondition-failed"));
        }
        Api.as(VIEWER, "940102").get(BASE.formatted("940102", 2019)).then().statusCode(404);
        Api.as(COUNTY_EDITOR, "940102").body(context("100.00", "200.00")).put(BASE.formatted("940102", 2019))
                .then().statusCode(201);
    }

    @Test
    void rejectsThreeDecimalsAndNegativeAmountsNamingTheFields() {
        Api.as(COUNTY_EDITOR, "940103").body(context("100.005", "-1")).put(BASE.formatted("940103", 2024))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("regularFiscalRevenue"))
                .body("violations.field", hasItem("generalPublicBudgetExpenditure"));
        Api.as(COUNTY_EDITOR, "940103").body(Map.of("regularFiscalRevenue", "100")).put(BASE.formatted("940103", 2024))
                .then().statusCode(400).body("violations.field", hasItem("generalPublicBudgetExpenditure"));
        Api.as(COUNTY_EDITOR, "940103").get(BASE.formatted("940103", 2024)).then().statusCode(404);
    }

    @Test
    void rejectsANonCountyRegionAndAnAbsurdYear() {
        // a system client, since a county editor of a prefecture is refused as a token before any validation
        Api.as(Api.SYSTEM, "940100").body(context("1", "1")).put(BASE.formatted("940100", 2024))
                .then().statusCode(400).body("violations.field", hasItem("regionCode"));
        Api.as(COUNTY_EDITOR, "940100").body(context("1", "1")).put(BASE.formatted("940100", 2024))
                .then().statusCode(403);
        Api.as(COUNTY_EDITOR, "940104").body(context("1", "1")).put(BASE.formatted("940104", 1900))
                .then().statusCode(400).body("violations.field", hasItem("fiscalYear"));
    }

    @Test
    void refusesMissingTokensForeignRegionsAndReadOnlyRoles() {
        Api.anonymous().get(BASE.formatted("940105", 2024)).then().statusCode(401)
                .contentType("application/problem+json");
        Api.as(COUNTY_EDITOR, "940199").body(context("1", "1")).put(BASE.formatted("940105", 2024))
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(VIEWER, "940105").body(context("1", "1")).put(BASE.formatted("940105", 2024)).then().statusCode(403);
        Api.as(VIEWER, "940199").get(BASE.formatted("940105", 2024)).then().statusCode(403);
    }

    @Test
    void publishesOneFiscalContextRecordedPerChangeMatchingItsGoldenSample() {
        try (TopicReader reader = TopicReader.fromNow(Topics.FUNDING)) {
            Api.as(COUNTY_EDITOR, "940106").body(context("856321400.00", "2413567800.50"))
                    .put(BASE.formatted("940106", 2025)).then().statusCode(201);
            // an identical replacement changes nothing and publishes nothing
            Api.as(COUNTY_EDITOR, "940106").header("If-Match", "\"0\"").body(context("856321400", "2413567800.5"))
                    .put(BASE.formatted("940106", 2025)).then().statusCode(200).header("ETag", "\"0\"");

            reader.await(TopicReader.subject("940106/2025"), 1, Duration.ofSeconds(30));
            List<TopicReader.Received> events = reader.settle(TopicReader.subject("940106/2025"), Duration.ofSeconds(2));
            assertThat(events).hasSize(1);
            EventAssertions.assertMatchesGoldenSample(events.get(0), EventTypes.FISCAL_CONTEXT_RECORDED,
                    "/funding-service");
            FiscalContextRecorded payload = EventJson.payload(events.get(0).event(), EventTypes.FISCAL_CONTEXT_RECORDED);
            assertThat(payload.regularFiscalRevenue()).isEqualByComparingTo(new BigDecimal("856321400.00"));
            assertThat(payload.fiscalYear()).isEqualTo(2025);
            assertThat(events.get(0).key()).isEqualTo("940106");
        }
    }
}
