package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, String> expected = shape(golden, "");
        Map<String, String> emitted = shape(actual, "");
        assertThat(emitted.keySet()).as("fields of %s", type.name()).isEqualTo(expected.keySet());
        expected.forEach((field, kind) -> {
            String got = emitted.get(field);
            if (!kind.equals("any") && !got.equals("any")) {
                assertThat(got).as("JSON kind of %s in %s", field, type.name()).isEqualTo(kind);
            }
        });
    }

    private static Map<String, String> shape(JsonNode node, String path) {
        Map<String, String> shape = new TreeMap<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                shape.put(child, kind(field.getValue()));
                shape.putAll(shape(field.getValue(), child));
            }
        }
        return shape;
    }

    private static String kind(JsonNode node) {
        // nulls are optional values: they match any kind
        return node.isNull() ? "any" : node.getNodeType().name();
    }
}
