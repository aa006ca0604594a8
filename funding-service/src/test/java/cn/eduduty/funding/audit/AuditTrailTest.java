package cn.eduduty.funding.audit;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import cn.eduduty.runtime.audit.AuditTrail;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The audit trail in depth, on this service: writes and refusals recorded with who, when, what
 * and outcome; a rolled-back write keeps its row; rows cannot be changed from the application's
 * connection; the query's filters, paging and refusals; the retention purge.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuditTrailTest {

    private static final String CONTEXT = "/api/v1/counties/%s/fiscal-contexts/%d";

    @Inject
    AuditTrail trail;

    @Inject
    DataSource dataSource;

    private static Map<String, Object> context() {
        return Map.of("regularFiscalRevenue", "100.00", "generalPublicBudgetExpenditure", "200.00");
    }

    /** The record of {@code requestId} as a system token of {@code viewer} sees it, once written. */
    private Map<String, Object> recordOf(String requestId, String viewer, String query) throws SQLException {
        trail.flush();
        List<Map<String, Object>> items = Api.as(SYSTEM, viewer).get("/api/v1/audit?size=500" + query)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> requestId.equals(i.get("requestId"))).findFirst().orElse(null);
    }

    private static String requestId() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void recordsAWriteWithWhoWhatOutcomeAndRequestId() throws SQLException {
        String id = requestId();
        Api.as(COUNTY_EDITOR, "970101").header("X-Request-Id", id).body(context()).put(CONTEXT.formatted("970101", 2024))
                .then().statusCode(201).header("X-Request-Id", id);
        Map<String, Object> record = recordOf(id, "970000", "&subject=county-editor@970101");
        assertThat(record).isNotNull()
                .containsEntry("subject", "county-editor@970101")
                .containsEntry("roles", List.of("county-editor"))
                .containsEntry("subjectRegion", "970101")
                .containsEntry("method", "PUT")
                .containsEntry("path", "/api/v1/counties/970101/fiscal-contexts/2024")
                .containsEntry("resourceId", "2024")
                .containsEntry("targetRegion", "970101")
                .containsEntry("status", 201);
        assertThat(Instant.parse((String) record.get("at"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void recordsAWriteWhateverWayItsPathIsSpelled() throws SQLException {
        // routing decodes %61 and removes dot segments: the audit must see the same path
        for (String spelled : List.of("/%61pi/v1/counties/970109/fiscal-contexts/2024",
                "/./api/v1/counties/970109/fiscal-contexts/2024", "/x/../api/v1/counties/970109/fiscal-contexts/2024")) {
            String id = requestId();
            Api.as(VIEWER, "970109").urlEncodingEnabled(false).header("X-Request-Id", id).body(context())
                    .put(spelled).then().statusCode(403);
            assertThat(recordOf(id, "970109", "")).as(spelled).isNotNull()
                    .containsEntry("path", "/api/v1/counties/970109/fiscal-contexts/2024")
                    .containsEntry("status", 403);
        }
    }

    @Test
    void givesEveryRequestAnIdAndReplacesAnUnsafeOne() {
        String generated = Api.as(VIEWER, "970101").get("/api/v1/counties/970101/fiscal-contexts")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(UUID.fromString(generated)).isNotNull();
        String replaced = Api.as(VIEWER, "970101").header("X-Request-Id", "a b\u0007<script>")
                .get("/api/v1/counties/970101/fiscal-contexts").then().extract().header("X-Request-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    @Test
    void recordsA401AsAnonymousWithoutTrustingItsToken() throws SQLException {
        String none = requestId();
        Api.anonymous().header("X-Request-Id", none).body(context()).put(CONTEXT.formatted("970102", 2024))
                .then().statusCode(401);
        String forged = requestId();
        String token = Tokens.of(SYSTEM, "970000");
        Api.anonymous().header("X-Request-Id", forged).header("Authorization", "Bearer " + token + "x")
                .body(context()).put(CONTEXT.formatted("970102", 2024)).then().statusCode(401);
        for (String id : List.of(none, forged)) {
            Map<String, Object> record = recordOf(id, "970000", "&subject=anonymous&region=970102");
            assertThat(record).isNotNull()
                    .containsEntry("subject", "anonymous")
                    .containsEntry("roles", List.of())
                    .containsEntry("subjectRegion", null)
                    .containsEntry("targetRegion", "970102")
                    .containsEntry("status", 401);
        }
    }

    @Test
    void recordsA403WithTheCallerAndTheRegionItAddressed() throws SQLException {
        String viewer = requestId();
        Api.as(VIEWER, "970103").header("X-Request-Id", viewer).body(context()).put(CONTEXT.formatted("970103", 2024))
                .then().statusCode(403);
        assertThat(recordOf(viewer, "970103", "")).isNotNull()
                .containsEntry("subject", "viewer@970103").containsEntry("roles", List.of("viewer"))
                .containsEntry("status", 403);
        String foreign = requestId();
        Api.as(COUNTY_EDITOR, "980101").header("X-Request-Id", foreign).body(context())
                .put(CONTEXT.formatted("970103", 2024)).then().statusCode(403);
        // both the caller's province and the addressed one see the attempt
        assertThat(recordOf(foreign, "980000", "")).isNotNull().containsEntry("subjectRegion", "980101")
                .containsEntry("targetRegion", "970103");
        assertThat(recordOf(foreign, "970000", "")).isNotNull();
        assertThat(recordOf(foreign, "960000", "")).isNull();
    }

    @Test
    void keepsTheRowOfAWriteThatRolledBack() throws SQLException {
        Api.as(COUNTY_EDITOR, "970104").body(context()).put(CONTEXT.formatted("970104", 2024)).then().statusCode(201);
        String stale = requestId();
        Api.as(COUNTY_EDITOR, "970104").header("X-Request-Id", stale).header("If-Match", "\"7\"").body(context())
                .put(CONTEXT.formatted("970104", 2024)).then().statusCode(412);
        assertThat(recordOf(stale, "970104", "")).isNotNull().containsEntry("status", 412)
                .containsEntry("method", "PUT");
    }

    @Test
    void theApplicationCannotChangeOrRemoveAuditRows() throws SQLException {
        Api.anonymous().body(context()).put(CONTEXT.formatted("970105", 2024)).then().statusCode(401);
        trail.flush();
        // the application role has no such privilege (docs/decisions.md 27)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String change : List.of("UPDATE audit_event SET subject = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> s.executeUpdate(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            // the purge function refuses a retention shorter than the legal six months
            assertThatThrownBy(() -> s.executeQuery("SELECT audit_purge(interval '30 days')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("180 days");
        }
        // and the trigger holds even for a role that has it, the owner or a superuser
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            for (String change : List.of("UPDATE audit_event SET subject = 'someone else'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> s.executeUpdate(change)).as(change).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void purgesRowsOlderThanTheRetention() throws SQLException {
        String old = requestId();
        String recent = requestId();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO audit_event (at, request_id, subject, method, path, target_region, status)
                VALUES (?, ?, 'system@970000', 'POST', '/api/v1/x', '970106', 201)""")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(181))));
            insert.setString(2, old);
            insert.executeUpdate();
            insert.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(179))));
            insert.setString(2, recent);
            insert.executeUpdate();
            // outside the purge, even an old row stays
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event WHERE request_id = '" + old + "'"))
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(trail.purge()).isGreaterThanOrEqualTo(1);
        assertThat(recordOf(old, "970000", "&region=970106")).isNull();
        assertThat(recordOf(recent, "970000", "&region=970106")).isNotNull();
    }

    @Test
    void filtersByTimeSubjectAndRegionAndPages() throws SQLException {
        for (String county : List.of("970107", "970108", "970108")) {
            Api.as(VIEWER, county).body(context()).put(CONTEXT.formatted(county, 2024)).then().statusCode(403);
        }
        trail.flush();
        Instant now = Instant.now();
        String window = "&from=" + now.minusSeconds(600) + "&to=" + now.plusSeconds(60);
        Api.as(SYSTEM, "970000").get("/api/v1/audit?subject=viewer@970108" + window).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.subject", Matchers.everyItem(equalTo("viewer@970108")));
        Api.as(SYSTEM, "970000").get("/api/v1/audit?subject=viewer@970108&from=" + now.plusSeconds(60))
                .then().statusCode(200).body("totalItems", equalTo(0));
        Api.as(SYSTEM, "970000").get("/api/v1/audit?region=970107&subject=viewer@970107").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].targetRegion", equalTo("970107"));
        JsonPath second = Api.as(SYSTEM, "970000").get("/api/v1/audit?subject=viewer@970108&size=1&page=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("totalItems")).isEqualTo(2);
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getInt("page")).isEqualTo(1);
        // a county's system token sees its county only
        Api.as(SYSTEM, "970107").get("/api/v1/audit?subject=viewer@970108").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void showsRecordsWithoutARegionToAProvinceOnly() throws SQLException {
        String id = requestId();
        Api.anonymous().header("X-Request-Id", id).get("/api/v1/audit").then().statusCode(401);
        assertThat(recordOf(id, "970000", "&subject=anonymous")).isNotNull()
                .containsEntry("targetRegion", null).containsEntry("path", "/api/v1/audit");
        assertThat(recordOf(id, "970100", "&subject=anonymous")).isNull();
    }

    @Test
    void refusesOtherRolesNoTokenAndBadParameters() {
        for (String role : List.of(COUNTY_EDITOR, PREFECTURE_REVIEWER, VIEWER)) {
            Api.as(role, "970100").get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        }
        Api.anonymous().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        Api.as(SYSTEM, "970000").get("/api/v1/audit?from=yesterday&region=97").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from")).body("violations.field", hasItem("region"));
        Api.as(SYSTEM, "970000").get("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        Api.as(SYSTEM, "970000").get("/api/v1/audit?size=501").then().statusCode(400);
        Api.as(SYSTEM, "970000").get("/api/v1/audit?region=980000").then().statusCode(403);
    }
}
