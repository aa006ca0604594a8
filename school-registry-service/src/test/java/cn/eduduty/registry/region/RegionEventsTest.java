package cn.eduduty.registry.region;

import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.TopicReader.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.registry.region.api.PutRegionRequest;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import cn.eduduty.embedded.KafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The transactional outbox, proven on the registry's region changes: exactly one record per
 * committed change, none for a rolled-back one, nothing lost or reordered while Kafka is down.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RegionEventsTest {

    private static final String PROVINCE = "920000";
    private static final String PREFECTURE = "920100";
    private static final String SOURCE = "/school-registry-service";

    @Inject
    RegionService service;

    @BeforeEach
    void hierarchy() {
        if (Api.as(SYSTEM, PROVINCE).get("/api/v1/regions/" + PREFECTURE).statusCode() == 404) {
            Api.as(SYSTEM, PROVINCE).body(RegionResourceTest.region("事件省", null)).put("/api/v1/regions/" + PROVINCE)
                    .then().statusCode(201);
            Api.as(SYSTEM, PROVINCE).body(RegionResourceTest.region("事件州", PROVINCE))
                    .put("/api/v1/regions/" + PREFECTURE).then().statusCode(201);
        }
    }

    @Test
    void aCommittedChangeProducesExactlyOneRecordWithAValidEnvelope() throws Exception {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            Api.as(SYSTEM, PREFECTURE).body(RegionResourceTest.region("甲县", PREFECTURE))
                    .put("/api/v1/regions/920101").then().statusCode(201);

            reader.await(subject("920101"), 1, Duration.ofSeconds(30));
            awaitAllSent("920101");
            List<TopicReader.Received> all = reader.settle(subject("920101"), Duration.ofSeconds(1));

            assertThat(all).hasSize(1);
            EventAssertions.assertMatchesGoldenSample(all.get(0), EventTypes.REGION_CHANGED, SOURCE);
            RegionChanged payload = EventJson.payload(all.get(0).event(), EventTypes.REGION_CHANGED);
            assertThat(payload).isEqualTo(new RegionChanged("920101", "甲县", "COUNTY", PREFECTURE,
                    LocalDate.of(2000, 1, 1), null, 0));
            assertThat(all.get(0).event().regioncode()).isEqualTo("920101");
            assertThat(outboxRows("920101")).isEqualTo(1);
        }
    }

    @Test
    void anAbolishedRegionsEventCarriesItsLastDay() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            Map<String, Object> abolished = RegionResourceTest.region("己县", PREFECTURE);
            abolished.put("validTo", "2020-12-31");
            Api.as(SYSTEM, PREFECTURE).body(abolished).put("/api/v1/regions/920106").then().statusCode(201);

            TopicReader.Received event = reader.await(subject("920106"), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.REGION_CHANGED, SOURCE, "abolished");
            assertThat(EventJson.payload(event.event(), EventTypes.REGION_CHANGED).validTo())
                    .isEqualTo(LocalDate.of(2020, 12, 31));
        }
    }

    @Test
    void aRolledBackChangeProducesNoRecord() throws Exception {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                service.put("920102", new PutRegionRequest("乙县", PREFECTURE, LocalDate.of(2000, 1, 1), null),
                        null, "test");
                throw new IllegalStateException("the business transaction fails after the change");
            })).isInstanceOf(IllegalStateException.class);

            // a later committed change is relayed; the rolled-back one, had it existed, came first
            Api.as(SYSTEM, PREFECTURE).body(RegionResourceTest.region("丙县", PREFECTURE))
                    .put("/api/v1/regions/920103").then().statusCode(201);
            reader.await(subject("920103"), 1, Duration.ofSeconds(30));

            assertThat(reader.settle(subject("920102"), Duration.ofSeconds(1))).isEmpty();
            assertThat(outboxRows("920102")).isZero();
            Api.as(SYSTEM, PREFECTURE).get("/api/v1/regions/920102").then().statusCode(404);
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceAndInOrderAfterItReturns() throws Exception {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            Api.as(SYSTEM, PREFECTURE).body(RegionResourceTest.region("丁县 v0", PREFECTURE))
                    .put("/api/v1/regions/920104").then().statusCode(201);
            reader.await(subject("920104"), 1, Duration.ofSeconds(30));
            awaitAllSent("920104");

            KafkaBroker.stop();
            try {
                for (int version = 0; version < 5; version++) {
                    Api.as(SYSTEM, PREFECTURE).header("If-Match", "\"" + version + "\"")
                            .body(RegionResourceTest.region("丁县 v" + (version + 1), PREFECTURE))
                            .put("/api/v1/regions/920104").then().statusCode(200);
                }
                Api.as(SYSTEM, PREFECTURE).body(RegionResourceTest.region("戊县", PREFECTURE))
                        .put("/api/v1/regions/920105").then().statusCode(201);
                assertThat(unsentRows()).isGreaterThanOrEqualTo(6);
            } finally {
                KafkaBroker.restart();
            }

            List<TopicReader.Received> changed = reader.await(subject("920104"), 6, Duration.ofSeconds(120));
            reader.await(subject("920105"), 1, Duration.ofSeconds(60));
            awaitAllSent("920104");
            changed = reader.settle(subject("920104"), Duration.ofSeconds(2));

            assertThat(changed).hasSize(6);
            assertThat(changed.stream().map(r -> r.event().id()).distinct()).hasSize(6);
            assertThat(changed.stream().map(r -> EventJson.payload(r.event(), EventTypes.REGION_CHANGED).version()))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(changed.stream().map(r -> EventJson.payload(r.event(), EventTypes.REGION_CHANGED).name()))
                    .containsExactly("丁县 v0", "丁县 v1", "丁县 v2", "丁县 v3", "丁县 v4", "丁县 v5");
            assertThat(reader.settle(subject("920105"), Duration.ZERO)).hasSize(1);
        }
    }

    private static void awaitAllSent(String aggregateId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (count("SELECT count(*) FROM outbox WHERE aggregateid = ? AND sent_at IS NULL", aggregateId) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("outbox rows of " + aggregateId + " still unsent");
    }

    private static long outboxRows(String aggregateId) throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE aggregateid = ?", aggregateId);
    }

    private static long unsentRows() throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND aggregateid <> ?", "");
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
