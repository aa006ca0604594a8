package cn.eduduty.report.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.Samples;
import cn.eduduty.report.TestCounty;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/** Funding figures of a county built from events, checked against hand arithmetic. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FigureResourceTest {

    private static final String COUNTY = "990501";

    @Inject
    ReadModelEvents events;

    private static boolean loaded;

    void posting(int year, String stage, String lines) throws Exception {
        events.apply(Samples.sample(EventTypes.POSTING_BOOKED, "postingId", "\"" + UUID.randomUUID() + "\"",
                "regionCode", "\"" + COUNTY + "\"", "fiscalYear", String.valueOf(year),
                "bookingDate", "\"" + year + "-04-01\"", "stage", stage == null ? "null" : "\"" + stage + "\"",
                "schoolCode", "null", "lines", lines));
    }

    @BeforeEach
    void county() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        for (int year : new int[] { 2024, 2025 }) {
            String revenue = year == 2024 ? "500000000.00" : "530000000.00";
            String expenditure = year == 2024 ? "1000000000.00" : "1100000000.00";
            events.apply(Samples.sample(EventTypes.FISCAL_CONTEXT_RECORDED, "regionCode", "\"" + COUNTY + "\"",
                    "fiscalYear", String.valueOf(year), "regularFiscalRevenue", "\"" + revenue + "\"",
                    "generalPublicBudgetExpenditure", "\"" + expenditure + "\""));
            // appropriation from the treasury: 100 million in 2024, 108 million in 2025
            posting(year, null, TestCounty.lines("1002", "ASSET", null, "4001", "REVENUE", "APPROPRIATION",
                    year == 2024 ? "100000000.00" : "108000000.00"));
            // primary public funds: 6.5 million in 2024, 7 million in 2025
            posting(year, "PRIMARY", TestCounty.lines("5002", "EXPENSE", "PER_STUDENT_PUBLIC_FUNDS", "1002", "ASSET", null,
                    year == 2024 ? "6500000.00" : "7000000.00"));
            // 10,000 primary pupils each year: 200 classes of 50
            StringBuilder classes = new StringBuilder("[");
            for (int i = 0; i < 200; i++) {
                classes.append(i == 0 ? "" : ",").append("{\"stage\":\"PRIMARY\",\"grade\":1,\"students\":50,\"commonLanguage\":true}");
            }
            events.apply(Samples.sample(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "schoolCode", "\"2199050101\"",
                    "countyCode", "\"" + COUNTY + "\"", "townshipCode", "\"" + COUNTY + "001\"",
                    "schoolYear", String.valueOf(year), "classes", classes + "]"));
        }
    }

    private static ValidatableResponse figures() {
        return Api.as(Api.VIEWER, COUNTY).queryParam("year", 2025).get("/api/v1/regions/" + COUNTY + "/figures/funding")
                .then().statusCode(200);
    }

    @Test
    void computesTheFundingRulesFromTheReadModel() {
        figures()
                // appropriation +8.00 % against revenue +6.00 %
                .body("find { it.key == 'funding.three_growths.appropriation_vs_revenue' }.value", equalTo("1"))
                // 7,000,000 / 10,000 pupils
                .body("find { it.key == 'funding.per_student.public_funds.primary' }.value", equalTo("700.00"))
                // 650.00 → 700.00
                .body("find { it.key == 'funding.three_growths.per_student_public_funds' }.value", equalTo("1"))
                // education expenditure is the public funds only: 7,000,000 / 1,100,000,000
                .body("find { it.key == 'funding.education_share' }.value", equalTo("0.64"))
                .body("find { it.key == 'funding.teacher_pay.not_below_civil_servants' }.value", equalTo("1"))
                .body("find { it.key == 'funding.three_growths.appropriation_vs_revenue' }.sources.service",
                        Matchers.hasItem("funding-service"));
    }

    @Test
    void refusesMissingTokensAndOtherRegions() {
        Api.anonymous().queryParam("year", 2025).get("/api/v1/regions/" + COUNTY + "/figures/funding").then()
                .statusCode(401).contentType("application/problem+json");
        Api.as(Api.VIEWER, "990502").queryParam("year", 2025).get("/api/v1/regions/" + COUNTY + "/figures/funding").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as(Api.PREFECTURE_REVIEWER, "990500").queryParam("year", 2025)
                .get("/api/v1/regions/" + COUNTY + "/figures/funding").then().statusCode(200);
    }
}
