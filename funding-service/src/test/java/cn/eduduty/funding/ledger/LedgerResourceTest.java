package cn.eduduty.funding.ledger;

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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LedgerResourceTest {

    static Map<String, Object> line(String account, String side, String amount) {
        return Map.of("account", account, side, amount);
    }

    static Map<String, Object> posting(String voucher, String date, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("fiscalYear", Integer.parseInt(date.substring(0, 4)));
        body.put("bookingDate", date);
        body.put("voucherNumber", voucher);
        body.put("memo", "拨付小学生均公用经费");
        body.put("schoolCode", "2199010101");
        body.put("stage", "PRIMARY");
        body.put("lines", lines);
        return body;
    }

    static Map<String, Object> publicFunds(String voucher, String date, String amount) {
        return posting(voucher, date, List.of(line("5002", "debit", amount), line("1002", "credit", amount)));
    }

    static ExtractableResponse<Response> book(String county, String key, Map<String, Object> body) {
        return Api.as(COUNTY_EDITOR, county).header("Idempotency-Key", key).body(body)
                .post("/api/v1/counties/" + county + "/postings").then().extract();
    }

    @Test
    void booksABalancedPostingOnceAndPublishesItMatchingTheGoldenSample() {
        try (TopicReader reader = TopicReader.fromNow(Topics.FUNDING)) {
            ExtractableResponse<Response> booked = book("990201", "k-1", publicFunds("记-1", "2025-04-10", "325000"));
            assertThat(booked.statusCode()).isEqualTo(201);
            assertThat(booked.header("Location")).contains("/api/v1/counties/990201/postings/");
            String id = booked.path("id");
            assertThat((String) booked.path("lines[0].debit")).isEqualTo("325000.00");
            assertThat((String) booked.path("lines[1].credit")).isEqualTo("325000.00");

            TopicReader.Received event = reader.await(TopicReader.subject(id), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.POSTING_BOOKED, "/funding-service");
            PostingBooked payload = EventJson.payload(event.event(), EventTypes.POSTING_BOOKED);
            assertThat(payload.lines()).extracting(PostingBooked.Line::category)
                    .containsExactly("PER_STUDENT_PUBLIC_FUNDS", null);
            assertThat(payload.stage()).isEqualTo("PRIMARY");
            assertThat(reader.settle(TopicReader.subject(id), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void replayingAKeyReturnsTheOriginalAndAnotherBodyUnderItIsAConflict() {
        String id = book("990202", "k-replay", publicFunds("记-1", "2025-04-10", "100")).path("id");
        ExtractableResponse<Response> replay = book("990202", "k-replay", publicFunds("记-1", "2025-04-10", "100.00"));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat((String) replay.path("id")).isEqualTo(id);
        ExtractableResponse<Response> conflicting = book("990202", "k-replay", publicFunds("记-1", "2025-04-10", "200"));
        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");
        Api.as(VIEWER, "990202").queryParam("fiscalYear", 2025).get("/api/v1/counties/990202/postings")
                .then().body("totalItems", equalTo(1));
        Api.as(COUNTY_EDITOR, "990202").body(publicFunds("记-2", "2025-04-10", "1"))
                .post("/api/v1/counties/990202/postings").then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
    }

    @Test
    void answersEveryMalformedPostingWithTheLineAndField() {
        Api.as(COUNTY_EDITOR, "990203").header("Idempotency-Key", "bad-1")
                .body(posting("记-1", "2025-01-02", List.of(line("5002", "debit", "100.005"), line("9999", "credit", "-3"))))
                .post("/api/v1/counties/990203/postings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("lines[0].debit", "lines[1].account", "lines[1].credit"));
        Api.as(COUNTY_EDITOR, "990203").header("Idempotency-Key", "bad-2")
                .body(posting("记-1", "2025-01-02", List.of(line("5002", "debit", "100"), line("1002", "credit", "90"))))
                .post("/api/v1/counties/990203/postings").then().statusCode(400)
                .body("violations[0].message", containsString("do not balance"));
        Api.as(COUNTY_EDITOR, "990203").header("Idempotency-Key", "bad-3")
                .body(posting("记-1", "2025-01-02", List.of(line("5002", "debit", "100"))))
                .post("/api/v1/counties/990203/postings").then().statusCode(400)
                .body("violations[0].field", equalTo("lines"));
        // an amount with an enormous exponent is refused, not expanded
        Api.as(COUNTY_EDITOR, "990203").header("Idempotency-Key", "bad-5")
                .body("{\"fiscalYear\":2025,\"bookingDate\":\"2025-01-02\",\"voucherNumber\":\"记-9\","
                        + "\"lines\":[{\"account\":\"5002\",\"debit\":1e999999999},{\"account\":\"1002\",\"credit\":1e999999999}]}")
                .post("/api/v1/counties/990203/postings").then().statusCode(400)
                .body("violations.field", hasItems("lines[0].debit", "lines[1].credit"));
        Api.as(COUNTY_EDITOR, "990203").header("Idempotency-Key", "bad-4")
                .body(posting("记-1", "2025-01-02", List.of())).post("/api/v1/counties/990203/postings")
                .then().statusCode(400).body("violations[0].field", equalTo("lines"));
        Api.as(VIEWER, "990203").queryParam("fiscalYear", 2025).get("/api/v1/counties/990203/postings")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void reversesAPostingOnceWithAMirrorPosting() {
        TopicReader reader = TopicReader.fromNow(Topics.FUNDING);
        String id = book("990204", "k-orig", publicFunds("记-1", "2025-03-01", "5000")).path("id");
        Map<String, Object> reversal = Map.of("reason", "学校代码录入错误", "voucherNumber", "记-2", "bookingDate", "2025-03-05");
        String reversalId = Api.as(COUNTY_EDITOR, "990204").header("Idempotency-Key", "k-rev").body(reversal)
                .post("/api/v1/counties/990204/postings/" + id + "/reversal").then().statusCode(201)
                .body("reversalOf", equalTo(id)).body("lines[0].credit", equalTo("5000.00"))
                .body("lines[1].debit", equalTo("5000.00")).extract().path("id");
        Api.as(VIEWER, "990204").get("/api/v1/counties/990204/postings/" + id).then()
                .body("reversedBy", equalTo(reversalId));
        Api.as(COUNTY_EDITOR, "990204").header("Idempotency-Key", "k-rev").body(reversal)
                .post("/api/v1/counties/990204/postings/" + id + "/reversal").then().statusCode(200)
                .body("id", equalTo(reversalId));
        Api.as(COUNTY_EDITOR, "990204").header("Idempotency-Key", "k-rev-2")
                .body(Map.of("reason", "再次", "voucherNumber", "记-3", "bookingDate", "2025-03-06"))
                .post("/api/v1/counties/990204/postings/" + id + "/reversal").then().statusCode(409);
        Api.as(COUNTY_EDITOR, "990204").header("Idempotency-Key", "k-rev-3")
                .body(Map.of("reason", "冲销冲销", "voucherNumber", "记-4", "bookingDate", "2025-03-06"))
                .post("/api/v1/counties/990204/postings/" + reversalId + "/reversal").then().statusCode(422);
        Api.as(VIEWER, "990204").get("/api/v1/counties/990204/fiscal-years/2025/balances?groupBy=category").then()
                .body("find { it.key == 'PER_STUDENT_PUBLIC_FUNDS' }.balance", equalTo("0.00"));

        try (reader) {
            // the original's subject carries its booking and the reversal link; the reversal posting its own booking
            List<TopicReader.Received> aboutOriginal = reader.await(TopicReader.subject(id), 2, Duration.ofSeconds(30));
            assertThat(aboutOriginal).extracting(r -> r.event().type())
                    .containsExactly("funding.posting.booked", "funding.posting.reversed");
            EventAssertions.assertMatchesGoldenSample(aboutOriginal.get(1), EventTypes.POSTING_REVERSED, "/funding-service");
            assertThat(EventJson.payload(aboutOriginal.get(1).event(), EventTypes.POSTING_REVERSED).reversalPostingId())
                    .hasToString(reversalId);
            TopicReader.Received reversalEvent = reader.await(TopicReader.subject(reversalId), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(reversalEvent, EventTypes.POSTING_BOOKED, "/funding-service", "reversal");
            PostingBooked reversalBooked = EventJson.payload(reversalEvent.event(), EventTypes.POSTING_BOOKED);
            assertThat(reversalBooked.reversalOf()).hasToString(id);
            assertThat(reader.settle(TopicReader.subject(id), Duration.ofSeconds(1))).hasSize(2);
        }
    }

    @Test
    void refusesPostingsIntoAClosedYearNamingTheRule() {
        book("990205", "k-a", publicFunds("记-1", "2024-12-30", "10"));
        try (TopicReader reader = TopicReader.fromNow(Topics.FUNDING)) {
            Api.as(COUNTY_EDITOR, "990205").post("/api/v1/counties/990205/fiscal-years/2024/closure")
                    .then().statusCode(200).body("postings", equalTo(1));
            EventAssertions.assertMatchesGoldenSample(
                    reader.await(TopicReader.subject("990205/2024"), 1, Duration.ofSeconds(30)).get(0),
                    EventTypes.FISCAL_YEAR_CLOSED, "/funding-service");
        }
        ExtractableResponse<Response> refused = book("990205", "k-b", publicFunds("记-2", "2024-12-31", "10"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat((String) refused.path("detail")).contains("fiscal-year-closed");
        Api.as(COUNTY_EDITOR, "990205").post("/api/v1/counties/990205/fiscal-years/2024/closure").then().statusCode(409);
        assertThat(book("990205", "k-c", publicFunds("记-1", "2025-01-02", "10")).statusCode()).isEqualTo(201);
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteLedgerRows() throws SQLException {
        String id = book("990206", "k-sql", publicFunds("记-1", "2025-02-01", "77")).path("id");
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE posting_line SET debit = 1 WHERE posting_id = '" + id + "' AND debit > 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never updated or deleted");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("UPDATE posting SET memo = 'x' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never updated or deleted");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM posting_line WHERE posting_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM posting WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("TRUNCATE posting_line"))
                    .isInstanceOf(SQLException.class);
        }
        Api.as(VIEWER, "990206").get("/api/v1/counties/990206/postings/" + id).then().body("lines[0].debit", equalTo("77.00"));
    }

    @Test
    void readsAStatementWithARunningBalanceAndCategoryTotalsWithGrowth() {
        book("990207", "s-1", publicFunds("记-1", "2024-03-01", "1000"));
        book("990207", "s-2", publicFunds("记-1", "2025-03-01", "600"));
        book("990207", "s-3", publicFunds("记-2", "2025-01-15", "300"));
        book("990207", "s-4", publicFunds("记-3", "2025-06-01", "200.50"));
        Api.as(VIEWER, "990207").queryParam("fiscalYear", 2025).queryParam("size", 2)
                .get("/api/v1/counties/990207/accounts/5002/statement").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items[0].voucherNumber", equalTo("记-2"))
                .body("items[0].runningBalance", equalTo("300.00")).body("items[1].runningBalance", equalTo("900.00"));
        Api.as(VIEWER, "990207").queryParam("fiscalYear", 2025).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/counties/990207/accounts/5002/statement").then()
                .body("openingBalance", equalTo("900.00")).body("items[0].runningBalance", equalTo("1100.50"));
        // 2024: 1000.00; 2025: 1100.50 → growth 10.05 %
        Api.as(VIEWER, "990207").queryParam("fromYear", 2024).queryParam("toYear", 2025)
                .get("/api/v1/counties/990207/category-totals").then().statusCode(200)
                .body("categories.find { it.category == 'PER_STUDENT_PUBLIC_FUNDS' }.years[1].amount", equalTo("1100.50"))
                .body("categories.find { it.category == 'PER_STUDENT_PUBLIC_FUNDS' }.years[1].growthPercent", equalTo("10.05"));
        Api.as(VIEWER, "990207").get("/api/v1/counties/990207/fiscal-years/2025/trial-balance").then()
                .body("balanced", equalTo(true)).body("totalDebit", equalTo("1100.50"));
        Api.as(VIEWER, "990207").get("/api/v1/counties/990207/fiscal-years/2025/balances?groupBy=stage").then()
                .body("[0].key", equalTo("PRIMARY"));
        Api.as(VIEWER, "990207").get("/api/v1/counties/990207/fiscal-years/2025/balances?groupBy=school").then()
                .body("[0].key", equalTo("2199010101"));
    }

    @Test
    void countiesAddAccountsToTheirChart() {
        Api.as(COUNTY_EDITOR, "990208").body(Map.of("code", "5002.01", "name", "生均公用经费（农村）", "type", "EXPENSE",
                "category", "PER_STUDENT_PUBLIC_FUNDS")).post("/api/v1/counties/990208/accounts").then().statusCode(201);
        Api.as(COUNTY_EDITOR, "990208").body(Map.of("code", "5002.01", "name", "重复", "type", "EXPENSE"))
                .post("/api/v1/counties/990208/accounts").then().statusCode(409);
        Api.as(COUNTY_EDITOR, "990208").body(Map.of("code", "x y", "name", "", "type", "COSTS"))
                .post("/api/v1/counties/990208/accounts").then().statusCode(400)
                .body("violations.field", hasItems("code", "name", "type"));
        Api.as(VIEWER, "990208").queryParam("size", 100).get("/api/v1/counties/990208/accounts").then()
                .body("items.code", hasItems("1002", "5002", "5002.01"));
    }

    @Test
    void everyResourceRefusesMissingTokensForeignRegionsAndReadOnlyRoles() {
        String id = book("990209", "sec", publicFunds("记-1", "2025-02-01", "1")).path("id");
        String base = "/api/v1/counties/990209";
        for (String path : List.of(base + "/accounts", base + "/postings?fiscalYear=2025", base + "/postings/" + id,
                base + "/accounts/5002/statement?fiscalYear=2025", base + "/fiscal-years/2025/balances",
                base + "/fiscal-years/2025/trial-balance", base + "/category-totals?fromYear=2024&toYear=2025")) {
            Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
            Api.as(VIEWER, "990299").get(path).then().statusCode(403).contentType("application/problem+json");
            Api.as(PREFECTURE_REVIEWER, "990200").get(path).then().statusCode(200);
        }
        assertThat(Api.as(VIEWER, "990209").header("Idempotency-Key", "v").body(publicFunds("记-9", "2025-02-01", "1"))
                .post(base + "/postings").statusCode()).isEqualTo(403);
        assertThat(Api.as(SYSTEM, "990299").header("Idempotency-Key", "v").body(publicFunds("记-9", "2025-02-01", "1"))
                .post(base + "/postings").statusCode()).isEqualTo(403);
        Api.as(PREFECTURE_REVIEWER, "990200").post(base + "/fiscal-years/2025/closure").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "990299").header("Idempotency-Key", "r").body(Map.of("reason", "x", "voucherNumber", "y"))
                .post(base + "/postings/" + id + "/reversal").then().statusCode(403);
        Api.anonymous().header("Idempotency-Key", UUID.randomUUID().toString()).body(publicFunds("记-9", "2025-02-01", "1"))
                .post(base + "/postings").then().statusCode(401);
    }
}
