package cn.eduduty.funding.ledger;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A posting within the line bound whose event the broker would still refuse is refused in its own
 * transaction: nothing is booked, nothing waits in the outbox. The event bound is lowered here so
 * that a few hundred lines exceed it; in production it is the relay's 8 MiB.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestProfile(OversizedEventTest.SmallEvents.class)
class OversizedEventTest {

    public static class SmallEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eduduty.outbox.max-event-bytes", "32768");
        }
    }

    @Test
    void refusesAPostingWhoseEventWouldBeTooLargeAndStoresNothing() throws SQLException {
        Api.as(COUNTY_EDITOR, "990261").header("Idempotency-Key", "huge-event")
                .body(LedgerLimitsTest.postingOf("记-1", 400))
                .post("/api/v1/counties/990261/postings").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:content-too-large"))
                .body("detail", containsString("funding.posting.booked"))
                .body("violations[0].field", equalTo("body"));
        Api.as(VIEWER, "990261").queryParam("fiscalYear", 2025).get("/api/v1/counties/990261/postings")
                .then().body("totalItems", equalTo(0));
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                ResultSet outbox = c.createStatement().executeQuery(
                        "SELECT count(*) FROM outbox WHERE region_code = '990261'")) {
            outbox.next();
            assertThat(outbox.getLong(1)).isZero();
        }

        // the same key may be used again once the posting is split
        assertThat(LedgerResourceTest.book("990261", "huge-event", LedgerLimitsTest.postingOf("记-1", 40)).statusCode())
                .isEqualTo(201);
    }
}
