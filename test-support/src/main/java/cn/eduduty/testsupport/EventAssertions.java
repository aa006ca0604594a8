package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;

/** Producer-side contract checks: an emitted event has the shape of its golden sample. */
public final class EventAssertions {

    private EventAssertions() {
    }

    /**
     * Asserts a valid envelope of {@code type} from {@code source}, whose JSON has exactly the
     * fields of the golden sample, each of the same JSON kind (null matches anything).
     */
    public static void assertMatchesGoldenSample(TopicReader.Received received, EventType<?> type, String source) {
        CloudEvent event = received.event();
        assertThat(received.contentType()).isEqualTo(CloudEvent.CONTENT_TYPE);
        assertThat(received.key()).isEqualTo(event.regioncode());
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.id()).matches("[0-9a-f-]{36}");
        assertThat(event.source()).isEqualTo(source);
        assertThat(event.type()).isEqualTo(type.name());
        assertThat(event.dataschema()).isEqualTo(type.dataschema());
        assertThat(event.time()).isNotNull();
        EventJson.payload(event, type); // parses as the payload record

        JsonNode golden = EventJson.mapper().valueToTree(EventJson.read(EventJson.goldenSample(type)));
        JsonNode actual = EventJson.mapper().valueToTree(event);
        assertSameShape(actual, golden, type.name());
    }

    /**
     * Same fields at every level and the same JSON kinds; a null on either side matches anything,
     * and every element of an array is compared with the sample's first element.
     */
    private static void assertSameShape(JsonNode actual, JsonNode golden, String path) {
        if (actual.isNull() || golden.isNull()) {
            return;
        }
        assertThat(kind(actual)).as("JSON kind of %s", path).isEqualTo(kind(golden));
        if (golden.isObject() && isMap(golden)) {
            // a map (e.g. residents by age): its keys are data, so only the kind of its values counts
            JsonNode sample = golden.elements().next();
            actual.fields().forEachRemaining(e -> assertSameShape(e.getValue(), sample, path + "[" + e.getKey() + "]"));
        } else if (golden.isObject()) {
            java.util.Set<String> expected = new java.util.TreeSet<>();
            golden.fieldNames().forEachRemaining(expected::add);
            java.util.Set<String> emitted = new java.util.TreeSet<>();
            actual.fieldNames().forEachRemaining(emitted::add);
            assertThat(emitted).as("fields of %s", path).isEqualTo(expected);
            expected.forEach(f -> assertSameShape(actual.get(f), golden.get(f), path + "." + f));
        } else if (golden.isArray() && golden.size() > 0) {
            for (int i = 0; i < actual.size(); i++) {
                assertSameShape(actual.get(i), golden.get(0), path + "[" + i + "]");
            }
        }
    }

    /** An object whose keys are all numbers is a map in the payload record, not a set of fields. */
    private static boolean isMap(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        java.util.Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (!names.next().matches("\\d+")) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name();
    }
}
