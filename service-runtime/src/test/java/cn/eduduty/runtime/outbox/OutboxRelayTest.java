package cn.eduduty.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.Topics;
import cn.eduduty.embedded.KafkaAccess;
import cn.eduduty.embedded.KafkaBroker;
import cn.eduduty.runtime.testapp.Database;
import cn.eduduty.runtime.testapp.TestWrites;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import cn.eduduty.testsupport.TopicReader.Received;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox relay of a running application against the real PostgreSQL and Kafka: each region's
 * events arrive in commit order, only the holder of the relay lock sends, an outage of the broker
 * loses and repeats nothing, and an event the broker refuses for good is parked while the events
 * behind it go on.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class OutboxRelayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @Inject
    TestWrites writes;

    @Inject
    OutboxMaintenance maintenance;

    @Inject
    OutboxQueries queries;

    @Test
    void sendsEachRegionsEventsInTheOrderTheyWereCommitted() throws Exception {
        String subject = "ordering-" + UUID.randomUUID();
        List<String> regions = List.of("930101", "930102", "930103");
        int perRegion = 20;
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            // one writer per region, all at once: the relay's batches mix the regions
            ExecutorService writers = Executors.newFixedThreadPool(regions.size());
            List<Future<?>> done = new ArrayList<>();
            for (String region : regions) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < perRegion; i++) {
                        writes.publish(subject, region, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            reader.await(TopicReader.subject(subject), regions.size() * perRegion, ARRIVAL);
            List<Received> received = reader.settle(TopicReader.subject(subject), Duration.ofSeconds(2));

            assertThat(received).hasSize(regions.size() * perRegion);
            assertThat(ids(received)).doesNotHaveDuplicates();
            Map<String, List<Received>> byRegion = received.stream()
                    .collect(Collectors.groupingBy(Received::key));
            assertThat(byRegion).containsOnlyKeys(regions);
            byRegion.forEach((region, events) -> {
                assertThat(positions(events)).as("events of %s in arrival order", region)
                        .containsExactlyElementsOf(range(perRegion));
                assertThat(events).extracting(Received::partition).as("one partition per region").containsOnly(
                        events.get(0).partition());
            });
        }
    }

    @Test
    void sendsNothingWhileAnotherSessionHoldsTheRelayLockAndTakesOverWhenItGoes() throws Exception {
        String subject = "leadership-" + UUID.randomUUID();
        Database.await("the relay holds its lock", ARRIVAL, () -> lockHolder().isPresent());
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            Connection other = Database.session();
            int relayPid = lockHolder().orElseThrow();
            // the relay's session ends, as when its replica dies, and at once another replica's session
            // queues for the lock: it gets the lock as soon as the relay's session is gone
            Database.rows(other, "SELECT pg_terminate_backend(?)", relayPid);
            Database.rows(other, "SELECT pg_advisory_lock(?)", RelayLeadership.RELAY_LOCK);
            int otherPid = ((Number) Database.rows(other, "SELECT pg_backend_pid() AS pid").get(0).get("pid")).intValue();
            assertThat(lockHolder()).contains(otherPid);

            UUID id = writes.publish(subject, "930101", 0);
            assertThat(reader.settle(TopicReader.subject(subject), Duration.ofSeconds(4)))
                    .as("sent by a relay that does not hold the lock").isEmpty();
            assertThat(sentAt(id)).isEmpty();
            assertThat(lockHolder()).contains(otherPid);
            // a relay still in the round it began before its session died selects nothing to send:
            // the batch query asks whether its own (dead) session still holds the lock
            assertThat(queries.unsent(100, relayPid)).as("rows a relay that lost the lock would send").isEmpty();
            assertThat(queries.unsent(100, otherPid)).extracting(OutboxQueries.Pending::id).as("rows the lock's holder would send")
                    .contains(id.toString());

            other.close(); // the other replica goes away, and its lock with its session

            List<Received> received = reader.await(TopicReader.subject(subject), 1, ARRIVAL);
            assertThat(ids(received)).containsExactly(id.toString());
            Database.await("the relay marked it sent", ARRIVAL, () -> sentAt(id).isPresent());
            assertThat(lockHolder()).isPresent().get().isNotEqualTo(otherPid);
        }
    }

    @Test
    void keepsWhatIsCommittedWhileTheBrokerIsDownAndSendsItOnceAndInOrderWhenItIsBack() throws Exception {
        String subject = "outage-" + UUID.randomUUID();
        List<String> regions = List.of("930101", "930102");
        int perRegion = 8;
        List<UUID> written = new ArrayList<>();
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            KafkaBroker.stop();
            try {
                for (int i = 0; i < perRegion; i++) {
                    for (String region : regions) {
                        written.add(writes.publish(subject, region, i)); // commits: the broker is not asked
                    }
                }
                Thread.sleep(3000); // the relay tries meanwhile, and fails
                assertThat(unsent(written)).as("unsent while the broker is down").isEqualTo(written.size());
            } finally {
                KafkaBroker.restart();
            }

            reader.await(TopicReader.subject(subject), written.size(), Duration.ofSeconds(120));
            List<Received> received = reader.settle(TopicReader.subject(subject), Duration.ofSeconds(3));

            assertThat(ids(received)).as("each event once").containsExactlyInAnyOrderElementsOf(
                    written.stream().map(UUID::toString).toList());
            received.stream().collect(Collectors.groupingBy(Received::key)).forEach((region, events) ->
                    assertThat(positions(events)).as("events of %s in arrival order", region)
                            .containsExactlyElementsOf(range(perRegion)));
            Database.await("all marked sent", ARRIVAL, () -> unsent(written) == 0);
        }
    }

    @Test
    void parksAnEventTheBrokerRefusesForGoodAndSendsTheEventsBehindIt() throws Exception {
        String subject = "parking-" + UUID.randomUUID();
        UUID tooLarge = null;
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            // a topic made with a smaller limit than the relay's (by hand, or before the limit was raised)
            setTopicLimit("100000");
            try {
                tooLarge = writes.publish(subject, "930101", 0, "x".repeat(200_000));
                UUID behindInRegion = writes.publish(subject, "930101", 1);
                UUID otherRegion = writes.publish(subject, "930102", 0);

                reader.await(TopicReader.subject(subject), 2, ARRIVAL);
                UUID parked = tooLarge;
                Database.await("the refused event is parked", ARRIVAL, () -> !Database.rows(
                        "SELECT failed_at FROM outbox WHERE id = ? AND failed_at IS NOT NULL", parked).isEmpty());
                List<Received> received = reader.settle(TopicReader.subject(subject), Duration.ofSeconds(2));

                assertThat(ids(received)).contains(behindInRegion.toString(), otherRegion.toString())
                        .doesNotContain(tooLarge.toString());
                assertThat((String) Database.rows("SELECT failure FROM outbox WHERE id = ?", tooLarge).get(0)
                        .get("failure")).startsWith("RecordTooLargeException");
                assertThat(sentAt(tooLarge)).isEmpty();
                Database.await("the parked gauge counts it", ARRIVAL, () -> maintenance.parked() >= 1);
            } finally {
                setTopicLimit(null);
                if (tooLarge != null) {
                    Database.rows("DELETE FROM outbox WHERE id = ?", tooLarge); // the operator's part
                }
            }
        }
    }

    /** Sets (or with null removes) the topic's own {@code max.message.bytes}. */
    private static void setTopicLimit(String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REPORT);
        AlterConfigOp op = bytes == null
                ? new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET);
        try (Admin admin = Admin.create(KafkaBroker.clientProperties(KafkaAccess.ADMIN))) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The session that holds the relay lock in this database, if any does. */
    private static Optional<Integer> lockHolder() {
        return Database.rows("""
                SELECT pid FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((classid::bigint << 32) | objid::bigint) = ?""", RelayLeadership.RELAY_LOCK)
                .stream().map(r -> ((Number) r.get("pid")).intValue()).findFirst();
    }

    private static Optional<Object> sentAt(UUID id) {
        return Optional.ofNullable(Database.rows("SELECT sent_at FROM outbox WHERE id = ?", id).get(0).get("sent_at"));
    }

    private static long unsent(Collection<UUID> ids) {
        return Database.count("SELECT count(*) FROM outbox WHERE id::text = ANY (string_to_array(?, ',')) AND sent_at IS NULL",
                ids.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    private static List<String> ids(List<Received> received) {
        return received.stream().map(r -> r.event().id()).toList();
    }

    private static List<Integer> positions(List<Received> events) {
        return events.stream().map(r -> r.event().data().get("year").asInt()).toList();
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
