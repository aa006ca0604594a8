package cn.eduduty.report.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A deadline's report is written from a read model that has applied everything the owners
 * published before it: an event published just before the due time, which the consumer cannot
 * apply yet (its row is locked), holds the timer's pass back until it is applied, and the report
 * then includes it.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestProfile(DeadlineOnTimeTest.OnTime.class)
class DeadlineWaitsForReadModelTest {

    private static final String PREFECTURE = "880100";
    private static final String COUNTY = "880101";

    @Inject
    ReadModelEvents events;

    @Inject
    ReadModelLag lag;

    @Inject
    EntityManager em;

    @Test
    void aReportDueWhileTheReadModelIsBehindWaitsForItAndIncludesTheLastEvent() throws Exception {
        events.county(PREFECTURE, COUNTY).load();
        // through the broker once, so the consumer reads the registry's topic, and then is level with it
        String first = UUID.randomUUID().toString();
        TopicWriter.send(Topics.REGISTRY, PREFECTURE, renamed(first, PREFECTURE, "PREFECTURE", "880000", "测试市"));
        await("the consumer applies the first event", () -> journalled(first));
        awaitTrue("the read model catches up", lag::caughtUp);

        try (Connection blocker = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT code FROM rm_region WHERE code = ? FOR UPDATE"); ResultSet locked = lock(lock)) {
                assertThat(locked.next()).as("the county's row is locked").isTrue();
            }
            // the county renamed just before its due time: the consumer waits for the row, the read model is behind
            TopicWriter.send(Topics.REGISTRY, COUNTY, renamed(UUID.randomUUID().toString(), COUNTY, "COUNTY", PREFECTURE,
                    "测试新县"));
            assertThat(lag.caughtUp()).as("the read model is behind the registry's topic").isFalse();
            Instant due = Instant.now().plusSeconds(2);
            String deadline = register(due);

            Thread.sleep(Duration.between(Instant.now(), due.plusSeconds(3)).toMillis());
            assertThat(finalReport(deadline)).as("no report 3 s after the due time, the read model being behind")
                    .isEmpty();
            Instant released = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            blocker.rollback();

            Tuple report = await("the final report once the read model has caught up", () -> finalReport(deadline));
            assertThat(Rows.text(report, "region_name")).isEqualTo("测试新县");
            assertThat(Rows.instant(report, "generated_at")).isAfterOrEqualTo(released);
        }
    }

    private static ResultSet lock(PreparedStatement lock) throws SQLException {
        lock.setString(1, COUNTY);
        return lock.executeQuery();
    }

    /** A registry event naming region {@code code}, keyed (as the registry keys it) by that code. */
    private static String renamed(String id, String code, String level, String parent, String name) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(EventTypes.REGION_CHANGED));
        json.put("id", id).put("subject", code).put("regioncode", code);
        ObjectNode data = (ObjectNode) json.get("data");
        data.put("code", code).put("name", name).put("level", level).put("parentCode", parent);
        return json.toString();
    }

    private static String register(Instant due) {
        return Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).contentType("application/json")
                .body(Map.of("regionCode", COUNTY, "reportYear", 2025, "dueAt",
                        OffsetDateTime.ofInstant(due, ZoneOffset.UTC).toString()))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
    }

    private Optional<Tuple> finalReport(String deadline) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.one(em, """
                SELECT content::jsonb->>'regionName' AS region_name, generated_at FROM report_snapshot
                WHERE deadline_id = :d AND kind = 'FINAL'""", q -> q.setParameter("d", UUID.fromString(deadline))));
    }

    private Optional<Boolean> journalled(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.one(em,
                "SELECT true AS journalled FROM received_event WHERE event_id = :id",
                q -> q.setParameter("id", UUID.fromString(id))).map(t -> true));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }

    /** What {@code poll} finds within 30 s; fails after. */
    private static <T> T await(String what, Supplier<Optional<T>> poll) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            Optional<T> found = poll.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
