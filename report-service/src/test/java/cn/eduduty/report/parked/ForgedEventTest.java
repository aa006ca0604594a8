package cn.eduduty.report.parked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.report.readmodel.ReadModelProjector;
import cn.eduduty.runtime.inbox.InboxHealthCheck;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Records put on the owners' topics as an attacker would (TopicWriter, like any producer), and a
 * good event behind them on the same partition: the good one is applied, the others are parked
 * with their reason, counted, and listed to a system token, which can re-apply one after a fix.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ForgedEventTest {

    private static final String PARKED = "/api/v1/inbox/parked";

    @Inject
    MeterRegistry registry;

    @Inject
    @Readiness
    InboxHealthCheck health;

    @Inject
    ReadModelProjector projector;

    @Test
    void anEventThatCannotBeAppliedIsParkedAndItsPartitionMovesOn() throws Exception {
        String region = "990181";
        // a well-formed envelope from the owner whose payload is not a posting: applying it fails every time
        ObjectNode broken = envelope(EventTypes.POSTING_BOOKED, region);
        ((ObjectNode) broken.get("data")).put("lines", "not a list");
        TopicWriter.send(Topics.FUNDING, region, broken.toString());
        String good = goodFiscalContext(region, 2025, 0);
        awaitJournalled(good);

        Map<String, Object> parked = parkedBy(broken.get("id").asText(), "990100");
        assertThat((String) parked.get("reason")).startsWith("not applied after 5 attempts")
                .contains("is not a funding.posting.booked");
        assertThat(parked.get("attempts")).isEqualTo(5);
        assertThat(parked.get("topic")).isEqualTo(Topics.FUNDING);
        assertThat(parked.get("status")).isEqualTo("PARKED");
    }

    @Test
    void forgedEventsAreParkedWithTheirReasonAndAddNoMoney() throws Exception {
        String region = "990182";
        double parkedBefore = gauge();

        String malformed = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\u0000 not json";
        TopicWriter.send(Topics.FUNDING, region, malformed);

        ObjectNode wrongSource = posting(region);
        wrongSource.put("source", "/attacker-service");
        TopicWriter.send(Topics.FUNDING, region, wrongSource.toString());

        ObjectNode wrongTopic = envelope(EventTypes.REGION_CHANGED, region); // a registry type on the funding topic
        wrongTopic.put("source", "/funding-service");
        TopicWriter.send(Topics.FUNDING, region, wrongTopic.toString());

        ObjectNode badRegion = posting(region);
        badRegion.put("regioncode", "99018X");
        TopicWriter.send(Topics.FUNDING, "99018X", badRegion.toString());

        ObjectNode pinning = envelope(EventTypes.FISCAL_CONTEXT_RECORDED, region);
        ((ObjectNode) pinning.get("data")).put("version", Long.MAX_VALUE);
        TopicWriter.send(Topics.FUNDING, region, pinning.toString());

        // the owner's own event, behind all of them on the same partition
        String good = goodFiscalContext(region, 2025, 1);
        awaitJournalled(good);

        assertThat(count("SELECT count(*) FROM rm_posting WHERE region_code = ?", region)).isZero();
        assertThat(count("SELECT count(*) FROM rm_fiscal_context WHERE region_code = ? AND version = 1", region))
                .as("the Long.MAX version did not pin the row").isEqualTo(1);

        assertThat((String) parkedByRecord("not json", "990100").get("reason"))
                .startsWith("not a CloudEvents JSON envelope");
        assertThat((String) parkedBy(wrongSource.get("id").asText(), "990100").get("reason"))
                .isEqualTo("source \"/attacker-service\" is not funding.events's owner /funding-service");
        assertThat((String) parkedBy(wrongTopic.get("id").asText(), "990100").get("reason"))
                .isEqualTo("type registry.region.changed belongs on registry.events, not on funding.events");
        // keyed by no region: it belongs to no region, so any system token sees it
        assertThat((String) parkedBy(badRegion.get("id").asText(), "930100").get("reason"))
                .isEqualTo("regioncode \"99018X\" is not a GB/T 2260 region code");
        assertThat((String) parkedBy(pinning.get("id").asText(), "990100").get("reason"))
                .contains("version " + Long.MAX_VALUE).contains("jumps more than 1000");

        assertThat(gauge()).isGreaterThanOrEqualTo(parkedBefore + 5);
        Map<String, Object> detail = health.call().getData().orElseThrow();
        assertThat(((Number) detail.get("parked")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(detail).doesNotContainKey("lastError");
    }

    @Test
    void aParkedEventIsReappliedAfterAFixAndAForgedOneNever() throws Exception {
        String region = "990183";
        ObjectNode jump = envelope(EventTypes.FISCAL_CONTEXT_RECORDED, region);
        ((ObjectNode) jump.get("data")).put("version", 5000);
        TopicWriter.send(Topics.FUNDING, region, jump.toString());
        awaitJournalled(goodFiscalContext(region, 2024, 0));
        String id = (String) parkedBy(jump.get("id").asText(), "990100").get("id");

        // not fixed yet: it stays parked, the attempt counted
        Api.as(Api.SYSTEM, "990100").post(PARKED + "/" + id + "/reapply").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("jumps more than 1000"));
        assertThat(parkedBy(jump.get("id").asText(), "990100").get("attempts")).isEqualTo(2);

        // the fix: a resync brings the row to the owner's version 4500, from which 5000 is a plausible step
        FiscalContextRecorded current = EventJson.payload(EventJson.read(jump.toString()),
                EventTypes.FISCAL_CONTEXT_RECORDED);
        QuarkusTransaction.requiringNew().run(() -> projector.applyState(EventTypes.FISCAL_CONTEXT_RECORDED, region,
                new FiscalContextRecorded(current.regionCode(), current.fiscalYear(), current.regularFiscalRevenue(),
                        current.generalPublicBudgetExpenditure(), current.averageTeacherPay(),
                        current.averageCivilServantPay(), 4500)));

        Api.as(Api.COUNTY_EDITOR, "990183").post(PARKED + "/" + id + "/reapply").then().statusCode(403);
        Api.as(Api.SYSTEM, "930100").post(PARKED + "/" + id + "/reapply").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.SYSTEM, "990100").post(PARKED + "/" + id + "/reapply").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("system@990100"));
        assertThat(count("SELECT count(*) FROM rm_fiscal_context WHERE region_code = ? AND fiscal_year = 2025"
                + " AND version = 5000", region)).isEqualTo(1);
        Api.as(Api.SYSTEM, "990100").post(PARKED + "/" + id + "/reapply").then().statusCode(409);

        // a forged posting is refused again on re-application: no money, still parked
        ObjectNode forged = posting(region);
        forged.put("source", "/attacker-service");
        TopicWriter.send(Topics.FUNDING, region, forged.toString());
        awaitJournalled(goodFiscalContext(region, 2023, 0));
        String forgedId = (String) parkedBy(forged.get("id").asText(), "990100").get("id");
        Api.as(Api.SYSTEM, "990100").post(PARKED + "/" + forgedId + "/reapply").then().statusCode(422)
                .body("detail", containsString("is not funding.events's owner"));
        assertThat(count("SELECT count(*) FROM rm_posting WHERE region_code = ?", region)).isZero();
    }

    @Test
    void onlyASystemTokenListsParkedEvents() {
        Api.anonymous().get(PARKED).then().statusCode(401).contentType("application/problem+json");
        Api.as(Api.COUNTY_EDITOR, "990101").get(PARKED).then().statusCode(403).contentType("application/problem+json");
        Api.as(Api.VIEWER, "990100").get(PARKED).then().statusCode(403);
        Api.as(Api.PREFECTURE_REVIEWER, "990100").get(PARKED).then().statusCode(403);
        Api.as(Api.SYSTEM, "990100").get(PARKED + "?size=2").then().statusCode(200).body("size", equalTo(2))
                .body("totalItems", greaterThanOrEqualTo(0));
        Api.as(Api.SYSTEM, "990100").get(PARKED + "?size=501").then().statusCode(400);
        Api.anonymous().post(PARKED + "/" + UUID.randomUUID() + "/reapply").then().statusCode(401);
        Api.as(Api.SYSTEM, "990100").post(PARKED + "/" + UUID.randomUUID() + "/reapply").then().statusCode(404);
    }

    // ---------------------------------------------------------------- helpers

    static ObjectNode envelope(EventType<?> type, String region) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(type));
        json.put("id", UUID.randomUUID().toString());
        json.put("regioncode", region);
        ObjectNode data = (ObjectNode) json.get("data");
        if (data.has("regionCode")) {
            data.put("regionCode", region);
        }
        return json;
    }

    /** A posting of a million yuan to {@code region}, under a fresh posting id. */
    static ObjectNode posting(String region) throws Exception {
        ObjectNode json = envelope(EventTypes.POSTING_BOOKED, region);
        String postingId = UUID.randomUUID().toString();
        json.put("subject", postingId);
        ((ObjectNode) json.get("data")).put("postingId", postingId);
        return json;
    }

    /** Sends the owner's fiscal context of {@code region} (same key, so the same partition) and returns its id. */
    static String goodFiscalContext(String region, int year, long version) throws Exception {
        ObjectNode good = envelope(EventTypes.FISCAL_CONTEXT_RECORDED, region);
        ((ObjectNode) good.get("data")).put("fiscalYear", year).put("version", version);
        TopicWriter.send(Topics.FUNDING, region, good.toString());
        return good.get("id").asText();
    }

    /** The parked entry whose record carries event id {@code eventId}, as a system token of {@code region} lists it. */
    static Map<String, Object> parkedBy(String eventId, String region) {
        return parkedByRecord(eventId, region);
    }

    /** Waits up to 30 s for the parked entry whose record contains {@code fragment} (another partition may lag). */
    static Map<String, Object> parkedByRecord(String fragment, String region) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Map<String, Object> found = findParked(fragment, region);
            if (found != null || Instant.now().isAfter(deadline)) {
                if (found == null) {
                    throw new AssertionError("no parked record contains " + fragment);
                }
                return found;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> findParked(String fragment, String region) {
        for (int page = 0; page < 100; page++) {
            JsonPath body = Api.as(Api.SYSTEM, region).get(PARKED + "?size=500&includeResolved=true&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                if (item.get("record") != null && ((String) item.get("record")).contains(fragment)) {
                    return new HashMap<>(item);
                }
            }
            if (items.size() < 500) {
                break;
            }
        }
        return null;
    }

    private double gauge() {
        return registry.find("eduduty.inbox.parked").gauge().value();
    }

    static void awaitJournalled(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid", id) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + id + " was not applied within 60 s: its partition is stuck");
    }

    static long count(String sql, String param) throws Exception {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
