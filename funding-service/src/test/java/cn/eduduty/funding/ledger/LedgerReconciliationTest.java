package cn.eduduty.funding.ledger;

import static cn.eduduty.funding.ledger.LedgerResourceTest.book;
import static cn.eduduty.funding.ledger.LedgerResourceTest.publicFunds;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The running totals are reconciled against the lines, on demand and on schedule. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LedgerReconciliationTest {

    private static final String COUNTY = "990211";
    private static final String PATH = "/api/v1/ledger/reconciliation";

    @Inject
    LedgerReconciliation reconciliation;

    @Test
    void aRunningTotalChangedBehindTheLedgersBackIsReportedUntilItIsRight() throws SQLException {
        assertThat(book(COUNTY, "k-rec", publicFunds("记-1", "2025-03-01", "100")).statusCode()).isEqualTo(201);
        Api.as(SYSTEM, COUNTY).queryParam("region", COUNTY).get(PATH).then().statusCode(200)
                .body("regionCode", equalTo(COUNTY)).body("mismatchCount", equalTo(0)).body("mismatches", hasSize(0));
        assertThat(reconciliation.checkAll().mismatches()).isZero();

        // what a connection with UPDATE on ledger_total could do: one yuan more than the lines say
        String corrupt = "UPDATE ledger_total SET debit = debit + %s WHERE region_code = '" + COUNTY + "' AND account_code = '5002'";
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            assertThat(c.createStatement().executeUpdate(corrupt.formatted("1"))).isEqualTo(1);
        }
        try {
            Api.as(SYSTEM, "990000").queryParam("region", COUNTY).queryParam("fiscalYear", 2025).get(PATH).then()
                    .statusCode(200).body("mismatchCount", equalTo(1))
                    .body("mismatches[0].account", equalTo("5002"))
                    .body("mismatches[0].stage", equalTo("PRIMARY"))
                    .body("mismatches[0].schoolCode", equalTo("2199010101"))
                    .body("mismatches[0].totalDebit", equalTo("101.00"))
                    .body("mismatches[0].linesDebit", equalTo("100.00"))
                    .body("mismatches[0].totalLines", equalTo(1)).body("mismatches[0].lines", equalTo(1));
            Api.as(SYSTEM, COUNTY).queryParam("fiscalYear", 2024).get(PATH).then().statusCode(200)
                    .body("regionCode", equalTo(COUNTY)).body("mismatchCount", equalTo(0));

            assertThat(reconciliation.checkAll().mismatches()).isEqualTo(1);
            given().get(management("/q/metrics")).then().statusCode(200)
                    .body(matchesPattern("(?s).*\\neduduty_ledger_total_mismatches(\\{[^}]*\\})? 1\\.0\\n.*"));
            Map<String, Object> check = readinessCheck();
            assertThat(check).containsEntry("status", "UP");
            assertThat(data(check)).containsEntry("mismatches", 1).containsEntry("checkFailed", false);
        } finally {
            try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
                c.createStatement().executeUpdate(corrupt.formatted("-1"));
            }
        }
        assertThat(reconciliation.checkAll().mismatches()).isZero();
        given().get(management("/q/metrics")).then()
                .body(matchesPattern("(?s).*\\neduduty_ledger_total_mismatches(\\{[^}]*\\})? 0\\.0\\n.*"));
        assertThat(data(readinessCheck())).containsEntry("mismatches", 0);
        given().get(management("/q/health/ready")).then().body(not(containsString("Exception")));
    }

    @Test
    void onlyTheSystemRoleWithinItsRegionReconciles() {
        Api.anonymous().get(PATH).then().statusCode(401).contentType("application/problem+json");
        Api.as(COUNTY_EDITOR, COUNTY).get(PATH).then().statusCode(403);
        Api.as(VIEWER, COUNTY).queryParam("region", COUNTY).get(PATH).then().statusCode(403);
        Api.as(SYSTEM, "980000").queryParam("region", COUNTY).get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(SYSTEM, COUNTY).queryParam("region", "99").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("region"));
        Api.as(SYSTEM, COUNTY).queryParam("fiscalYear", 1800).get(PATH).then().statusCode(400)
                .body(containsString("fiscalYear"));
        Api.as(SYSTEM, COUNTY).get(PATH).then().statusCode(200).body("regionCode", equalTo(COUNTY));
    }

    /** Health and metrics answer on the management interface, a port of its own. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private String management(String path) {
        return URI.create(management.toString()).resolve(path).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readinessCheck() {
        List<Map<String, Object>> checks = given().get(management("/q/health/ready")).then().extract().path("checks");
        return checks.stream().filter(c -> "ledger-reconciliation".equals(c.get("name"))).findFirst().orElseThrow();
    }
}
