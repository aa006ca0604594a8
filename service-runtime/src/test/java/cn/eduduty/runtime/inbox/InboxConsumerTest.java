package cn.eduduty.runtime.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.runtime.testapp.Database;
import cn.eduduty.runtime.testapp.RecordingHandler;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox consumer of a running application against the real PostgreSQL and Kafka: a redelivered
 * event is applied once, and an event that is refused (by admission or by the handler) or keeps
 * failing is parked while its partition moves on to the next event; the records it moves past are
 * counted per partition and its loop reports that it runs (the series the stalled and stopped alerts read).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InboxConsumerTest {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String OWNER = "/school-registry-service";

    @Inject
    RecordingHandler handler;

    @Inject
    MeterRegistry registry;

    @Test
    void appliesAnEventDeliveredTwiceOnce() {
        String region = "930201";
        String twice = event(UUID.randomUUID(), OWNER, "redelivered", region);
        TopicWriter.send(Topics.REGISTRY, region, twice);
        TopicWriter.send(Topics.REGISTRY, region, twice);
        UUID next = send(OWNER, "after-redelivered", region);

        awaitApplied(next);
        UUID id = UUID.fromString(EventJson.read(twice).id());
        assertThat(applications(id)).isEqualTo(1);
        assertThat(handler.attempts(id)).as("the handler never sees the copy").isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                RecordingHandler.CONSUMER, id)).isEqualTo(1);
    }

    @Test
    void parksAnEventItsTopicsOwnerCouldNotHaveWrittenAndMovesOn() {
        String region = "930202";
        Parked forged = parkedOnTheWay("/funding-service", "forged", region);

        assertThat(handler.attempts(forged.id())).as("refused before the handler").isZero();
        assertThat(forged.reason()).contains("source \"/funding-service\" is not");
        assertThat(forged.attempts()).isEqualTo(1);
        assertThat(forged.regionCode()).isEqualTo(region);
    }

    @Test
    void parksAnEventTheHandlerRefusesAtOnceAndMovesOn() {
        Parked refused = parkedOnTheWay(OWNER, RecordingHandler.REFUSED + "-1", "930203");

        assertThat(handler.attempts(refused.id())).isEqualTo(1);
        assertThat(refused.reason()).isEqualTo("the handler refuses " + RecordingHandler.REFUSED + "-1");
        assertThat(refused.attempts()).isEqualTo(1);
    }

    @Test
    void parksAnEventThatKeepsFailingAfterTheConfiguredAttemptsAndMovesOn() {
        Parked failing = parkedOnTheWay(OWNER, RecordingHandler.FAILING + "-1", "930204");

        // eduduty.inbox.max-attempts=3 in the test application
        assertThat(handler.attempts(failing.id())).isEqualTo(3);
        assertThat(failing.reason()).startsWith("not applied after 3 attempts: IllegalStateException");
        assertThat(failing.attempts()).isEqualTo(3);
        assertThat(Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", failing.id())).isZero();
    }

    @Test
    void countsTheRecordsItMovesPastPerPartitionAndReportsItsLoopRunning() {
        double before = applied();
        String region = "930205";
        UUID refused = send("/funding-service", "counted-refused", region);
        UUID next = send(OWNER, "counted-applied", region);

        awaitApplied(next);
        parked(refused);
        Database.await("both records counted", WITHIN, () -> applied() >= before + 2);
        assertThat(registry.get("eduduty.inbox.consumer.running").gauge().value()).isEqualTo(1.0);
    }

    /** Records of the registry's topic the consumer moved past, over its partitions. */
    private double applied() {
        return registry.find("eduduty.inbox.applied").tag("topic", Topics.REGISTRY).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** An event's parked record. */
    private record Parked(UUID id, String reason, int attempts, String regionCode) {
    }

    /**
     * Sends an event from {@code source} and after it the owner's next event of the same region (so
     * the same partition), waits until that next one is applied, and returns the first one's parked
     * record: the partition moved on past it, and it was never applied (a refusing or failing
     * transaction is rolled back).
     */
    private static Parked parkedOnTheWay(String source, String subject, String region) {
        UUID id = send(source, subject, region);
        awaitApplied(send(OWNER, "after-" + subject, region));
        assertThat(applications(id)).as("applications of the parked event").isZero();
        Map<String, Object> row = parked(id);
        return new Parked(id, (String) row.get("reason"), ((Number) row.get("attempts")).intValue(),
                (String) row.get("region_code"));
    }

    private static UUID send(String source, String subject, String region) {
        UUID id = UUID.randomUUID();
        TopicWriter.send(Topics.REGISTRY, region, event(id, source, subject, region));
        return id;
    }

    /** A {@code registry.region.changed} event as the registry writes it, or as a forger would. */
    private static String event(UUID id, String source, String subject, String region) {
        ObjectNode data = EventJson.mapper().createObjectNode().put("code", region).put("name", subject)
                .put("level", "COUNTY").put("parentCode", region.substring(0, 4) + "00").put("version", 1);
        return EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), source,
                EventTypes.REGION_CHANGED.name(), subject, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "application/json", EventTypes.REGION_CHANGED.dataschema(), region, data));
    }

    private static void awaitApplied(UUID id) {
        Database.await("event " + id + " applied", WITHIN, () -> applications(id) > 0);
    }

    private static long applications(UUID id) {
        return Database.count("SELECT count(*) FROM applied_event WHERE event_id = ?", id);
    }

    private static Map<String, Object> parked(UUID id) {
        List<Map<String, Object>> rows = Database.rows("""
                SELECT reason, attempts, region_code FROM parked_event
                WHERE consumer = ? AND convert_from(record_value, 'UTF8') LIKE ?""",
                RecordingHandler.CONSUMER, "%" + id + "%");
        assertThat(rows).as("parked records of %s", id).hasSize(1);
        return rows.get(0);
    }
}
