package cn.eduduty.report.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.report.Samples;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;

/** The consuming side: the owners' golden samples go in, each is applied exactly once. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class EventJournalTest {

    @Inject
    Inbox inbox;

    @Inject
    EventJournal journal;

    /** The golden sample of {@code type} under a fresh event id. */
    static String sample(EventType<?> type, String id) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(type));
        json.put("id", id);
        return json.toString();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String duplicated = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        TopicWriter.send(Topics.REGISTRY, "990101", sample(EventTypes.REGION_CHANGED, duplicated));
        TopicWriter.send(Topics.REGISTRY, "990101", sample(EventTypes.REGION_CHANGED, duplicated));
        // same key, same partition: once the marker is applied, both copies have been handled
        TopicWriter.send(Topics.REGISTRY, "990101", sample(EventTypes.REGION_CHANGED, marker));

        awaitJournalled(marker);
        assertThat(count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid", duplicated)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?::uuid", duplicated)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid AND type = 'registry.region.changed'"
                + " AND region_code = '990101' AND payload->>'name' = '示例县'", duplicated)).isEqualTo(1);
    }

    @Test
    void everyOwnersGoldenSampleIsJournalled() throws Exception {
        for (EventType<?> type : EventTypes.ALL) {
            if (!EventJournal.TOPICS.contains(type.topic())) {
                continue; // report-service's own events are not read back
            }
            String id = UUID.randomUUID().toString();
            CloudEvent event = EventJson.read(sample(type, id));
            TopicWriter.send(type.topic(), event.regioncode(), sample(type, id));
            awaitJournalled(id);
            assertThat(count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid AND type = '"
                    + type.name() + "'", id)).isEqualTo(1);
        }
    }

    @Test
    void applyingTheSameEventAgainChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEvent event = EventJson.read(sample(EventTypes.FISCAL_CONTEXT_RECORDED, id));
        assertThat(Samples.applyDirectly(inbox, journal, event)).isTrue();
        assertThat(Samples.applyDirectly(inbox, journal, event)).isFalse();
        assertThat(count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void reportsHowFarEachPartitionHasBeenRead() throws Exception {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(Topics.FUNDING, "990101", sample(EventTypes.FISCAL_CONTEXT_RECORDED, id));
        awaitJournalled(id);
        Api.as(Api.VIEWER, "990101").get("/api/v1/read-positions")
                .then().statusCode(200)
                .body("topic", hasItem(Topics.FUNDING));
        Api.anonymous().get("/api/v1/read-positions").then().statusCode(401).contentType("application/problem+json");
    }

    private static void awaitJournalled(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (count("SELECT count(*) FROM received_event WHERE event_id = ?::uuid", id) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + id + " was not applied within 60 s");
    }

    private static long count(String sql, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
