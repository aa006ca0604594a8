package cn.eduduty.runtime.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;

/** Which records a consumer admits: only what the topic's owner could have written. */
class AdmissionTest {

    private static CloudEvent event(String source, String type, String region, String id, JsonNode data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type, "x", Instant.now(), "application/json", null,
                region, data);
    }

    private static CloudEvent golden(EventType<?> type) {
        return EventJson.read(EventJson.goldenSample(type));
    }

    @Test
    void admitsEveryOwnersGoldenSampleOnItsTopicUnderItsRegion() {
        for (EventType<?> type : EventTypes.ALL) {
            CloudEvent e = golden(type);
            assertThat(Admission.refusal(type.topic(), e.regioncode(), e)).as(type.name()).isEmpty();
        }
    }

    @Test
    void refusesAnEventFromAnotherSourceThanTheTopicsOwner() {
        CloudEvent e = golden(EventTypes.POSTING_BOOKED);
        CloudEvent forged = event("/indicator-service", e.type(), e.regioncode(), e.id(), e.data());
        assertThat(Admission.refusal(Topics.FUNDING, "990101", forged))
                .hasValue("source \"/indicator-service\" is not funding.events's owner /funding-service");
        CloudEvent none = event(null, e.type(), e.regioncode(), e.id(), e.data());
        assertThat(Admission.refusal(Topics.FUNDING, "990101", none)).get().asString().contains("(absent)");
    }

    @Test
    void refusesATypeOnAnotherTopicThanItsOwnAndUnknownTypes() {
        CloudEvent e = golden(EventTypes.SCHOOL_REGISTERED);
        assertThat(Admission.refusal(Topics.FUNDING, "990101", event("/funding-service", e.type(), "990101", e.id(),
                e.data()))).hasValue("type registry.school.registered belongs on registry.events, not on funding.events");
        assertThat(Admission.refusal(Topics.FUNDING, "990101", event("/funding-service", "funding.money.printed",
                "990101", e.id(), e.data()))).get().asString().contains("not an event type of the contracts");
        assertThat(Admission.refusal("other.events", "990101", e)).isPresent();
    }

    @Test
    void refusesAnInvalidRegionAKeyOtherThanTheRegionAndABadId() {
        CloudEvent e = golden(EventTypes.POSTING_BOOKED);
        for (String bad : new String[] { "99010X", "9901", "000000", "", "9901011234" }) {
            assertThat(Admission.refusal(Topics.FUNDING, bad, event(e.source(), e.type(), bad, e.id(), e.data())))
                    .as(bad).get().asString().contains("is not a GB/T 2260 region code");
        }
        assertThat(Admission.refusal(Topics.FUNDING, "990102", e)).get().asString()
                .contains("record key \"990102\" is not the event's regioncode 990101");
        assertThat(Admission.refusal(Topics.FUNDING, "990101", event(e.source(), e.type(), "990101", "42", e.data())))
                .hasValue("id is not a UUID");
        assertThat(Admission.refusal(Topics.FUNDING, "990101", event(e.source(), e.type(), "990101",
                UUID.randomUUID().toString(), null))).hasValue("data is not a JSON object");
    }

    @Test
    void onlyTheDatabasesPassingFailuresAreTransient() {
        assertThat(InboxConsumer.isTransient(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(InboxConsumer.isTransient(new RuntimeException(new SQLException("serialization", "40001")))).isTrue();
        assertThat(InboxConsumer.isTransient(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(InboxConsumer.isTransient(new RuntimeException(new SQLException("too long", "22001")))).isFalse();
        assertThat(InboxConsumer.isTransient(new IllegalArgumentException("payload is not a posting"))).isFalse();
        // a pool that had no connection free in time, as Agroal and Hibernate report it
        assertThat(InboxConsumer.isTransient(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection", null,
                new TimeoutException())))).isTrue();
        assertThat(InboxConsumer.describe(new IllegalStateException("outer", new SQLException("inner", "23505"))))
                .isEqualTo("IllegalStateException: outer (SQLException: inner)");
    }
}
