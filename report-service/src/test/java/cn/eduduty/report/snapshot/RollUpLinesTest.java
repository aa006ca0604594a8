package cn.eduduty.report.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.TestCounty;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A roll-up's county line is the county's figure in the same state of the read model: the line a
 * county report left behind is read back while nothing has been applied since, and once an event
 * changes the county the roll-up shows the new figure, not the remembered one.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RollUpLinesTest {

    private static final String PREFECTURE = "950400";
    private static final String COUNTY = "950401";
    private static final String SHARE = "registry.compulsory.large_class_share";

    @Inject
    ReadModelEvents events;

    @Test
    void aRollUpLineFollowsTheCountyAfterAnEventChangesIt() throws Exception {
        TestCounty county = events.county(PREFECTURE, COUNTY).load();

        BigDecimal before = figure(report(COUNTY), SHARE); // the county's report remembers its line
        assertThat(line(report(PREFECTURE), SHARE)).isEqualByComparingTo(before);

        // every primary class of the county's school becomes a large class (56 or more pupils)
        county.schoolYear("0001", 2025, "[" + TestCounty.classes("PRIMARY", 10, 60) + "]");

        BigDecimal rollUp = line(report(PREFECTURE), SHARE);
        assertThat(rollUp).isNotEqualByComparingTo(before);
        assertThat(rollUp).isEqualByComparingTo(figure(report(COUNTY), SHARE));
    }

    private static JsonPath report(String region) {
        String id = Api.as(Api.SYSTEM, PREFECTURE).contentType("application/json")
                .body(Map.of("region", region, "year", 2025)).post("/api/v1/reports")
                .then().statusCode(201).extract().path("id");
        return Api.as(Api.VIEWER, PREFECTURE).queryParam("format", "json").get("/api/v1/reports/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal figure(JsonPath report, String key) {
        return new BigDecimal(report.getString("figures.find { it.key == '" + key + "' }.value"));
    }

    private static BigDecimal line(JsonPath rollUp, String key) {
        return new BigDecimal(rollUp.getString("counties.find { it.regionCode == '" + COUNTY + "' }.figures.find { it.key == '"
                + key + "' }.value"));
    }
}
