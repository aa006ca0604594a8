package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;

/** The producer-side shape check, on the golden samples themselves with one thing changed. */
class EventAssertionsTest {

    /** The type's golden sample as a producer would have sent it, after {@code change} to its JSON. */
    private static TopicReader.Received emitted(EventType<?> type, Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(type));
        change.accept((ObjectNode) json.get("data"));
        CloudEvent event = EventJson.read(json.toString());
        return new TopicReader.Received(event.regioncode(), CloudEvent.CONTENT_TYPE, event, 0, 0);
    }

    private static void assertRefused(EventType<?> type, Consumer<ObjectNode> change, String where) throws Exception {
        TopicReader.Received received = emitted(type, change);
        assertThatThrownBy(() -> EventAssertions.assertMatchesGoldenSample(received, type, received.event().source()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(where);
    }

    @Test
    void everyGoldenSampleMatchesItself() {
        for (EventType<?> type : EventTypes.ALL) {
            assertThatCode(() -> {
                TopicReader.Received received = emitted(type, data -> { });
                EventAssertions.assertMatchesGoldenSample(received, type, received.event().source());
            }).as(type.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void aValueWhereTheSampleIsNullIsRefused() throws Exception {
        assertRefused(EventTypes.POSTING_BOOKED, data -> data.put("reversalOf", "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f"),
                "$.data.reversalOf is STRING, the sample's is NULL");
    }

    @Test
    void aNullWhereTheSampleHasAValueIsRefused() throws Exception {
        assertRefused(EventTypes.POSTING_BOOKED, data -> ((ObjectNode) data.get("lines").get(0)).putNull("category"),
                "$.data.lines[0].category is NULL, the sample's is STRING");
    }

    @Test
    void eachElementIsComparedWithTheSamplesElementAtItsPlace() throws Exception {
        // the sample's first evidence has no uri; its second has one, which must stay a string
        assertRefused(EventTypes.RATING_RECORDED, data -> ((ObjectNode) data.get("evidence").get(1)).put("uri", 42),
                "$.data.evidence[1].uri is NUMBER, the sample's is STRING");
        // the sample's third indicator is the one bound to a metric: its binding's fields are checked
        assertRefused(EventTypes.FRAMEWORK_PUBLISHED,
                data -> ((ObjectNode) data.get("indicators").get(2).get("metric")).remove("unit"),
                "$.data.indicators[2].metric lacks [unit]");
    }

    @Test
    void anArrayOfAnotherLengthIsRefused() throws Exception {
        assertRefused(EventTypes.POSTING_BOOKED, data -> {
            ArrayNode lines = (ArrayNode) data.get("lines");
            lines.add(lines.get(0).deepCopy());
        }, "$.data.lines has 3 elements, the sample's 2");
    }

    @Test
    void aVariantIsComparedWithItsOwnSample() throws Exception {
        TopicReader.Received plain = emitted(EventTypes.POSTING_BOOKED, data -> { });
        assertThatThrownBy(() -> EventAssertions.assertMatchesGoldenSample(plain, EventTypes.POSTING_BOOKED,
                "/funding-service", "reversal")).hasMessageContaining("$.data.reversalOf is NULL, the sample's is STRING");
        TopicReader.Received reversal = emitted(EventTypes.POSTING_BOOKED,
                data -> data.put("reversalOf", "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f"));
        assertThatCode(() -> EventAssertions.assertMatchesGoldenSample(reversal, EventTypes.POSTING_BOOKED,
                "/funding-service", "reversal")).doesNotThrowAnyException();
    }
}
