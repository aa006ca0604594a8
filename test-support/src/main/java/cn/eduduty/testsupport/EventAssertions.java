package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;

/** Producer-side contract checks: an emitted event has the shape of its golden sample. */
public final class EventAssertions {

    /** W3C Trace Context's {@code traceparent}: version 00, trace id, parent span id, flags. */
    public static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    private EventAssertions() {
    }

    /**
     * Asserts a valid envelope of {@code type} from {@code source}, whose JSON has exactly the
     * shape of the type's golden sample: see {@link #assertMatchesGoldenSample(TopicReader.Received,
     * EventType, String, String)}.
     */
    public static void assertMatchesGoldenSample(TopicReader.Received received, EventType<?> type, String source) {
        assertMatches(received, type, source, EventJson.goldenSample(type), type.goldenSample());
    }

    /**
     * Asserts a valid envelope of {@code type} from {@code source}, whose JSON has exactly the
     * shape of the golden sample's {@code variant} ({@code golden/<type>.v<version>.<variant>.json},
     * e.g. {@code funding.posting.booked.v1.reversal.json}): a second sample for an event whose
     * optional fields are filled where the type's main sample shows them null.
     * <p>
     * The same shape means: the same fields at every level, each of the same JSON kind; a null in
     * the sample must be null in the event and a value in the sample must be a value in the event
     * (null is a kind like any other); arrays of the same length, compared element by element; an
     * object whose keys are all numbers is a map, whose values all have the kind of the sample's.
     */
    public static void assertMatchesGoldenSample(TopicReader.Received received, EventType<?> type, String source,
            String variant) {
        String resource = "golden/" + type.name() + ".v" + type.version() + "." + variant + ".json";
        assertMatches(received, type, source, read(resource), resource);
    }

    private static void assertMatches(TopicReader.Received received, EventType<?> type, String source, String sample,
            String sampleName) {
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
        // the Distributed Tracing extension: optional (an event recorded outside a traced request has
        // none), W3C's format when present, and the record's traceparent header says the same
        if (event.traceparent() != null) {
            assertThat(event.traceparent()).matches(TRACEPARENT);
        }
        assertThat(received.traceparent()).as("the record's traceparent header").isEqualTo(event.traceparent());

        JsonNode golden = EventJson.mapper().valueToTree(EventJson.read(sample));
        ObjectNode actual = EventJson.mapper().valueToTree(event);
        actual.remove("traceparent"); // per write, not per type: no sample shows it
        assertThat(differences(actual, golden)).as("how %s differs in shape from %s:%n%s", type.name(), sampleName, actual)
                .isEmpty();
    }

    /** Every place where {@code actual} does not have the shape of {@code golden}; empty when it does. */
    public static List<String> differences(JsonNode actual, JsonNode golden) {
        List<String> differences = new ArrayList<>();
        compare(actual, golden, "$", differences);
        return differences;
    }

    private static void compare(JsonNode actual, JsonNode golden, String path, List<String> differences) {
        if (!kind(actual).equals(kind(golden))) {
            differences.add(path + " is " + kind(actual) + ", the sample's is " + kind(golden));
            return;
        }
        if (golden.isObject() && isMap(golden)) {
            // a map (e.g. residents by age): its keys are data, so only the kind of its values counts
            JsonNode sample = golden.elements().next();
            actual.fields().forEachRemaining(e -> compare(e.getValue(), sample, path + "[" + e.getKey() + "]", differences));
        } else if (golden.isObject()) {
            Set<String> expected = names(golden);
            Set<String> emitted = names(actual);
            if (!emitted.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(emitted);
                Set<String> extra = new TreeSet<>(emitted);
                extra.removeAll(expected);
                differences.add(path + " lacks " + missing + " and has " + extra + " beyond the sample's fields");
            }
            expected.stream().filter(emitted::contains)
                    .forEach(f -> compare(actual.get(f), golden.get(f), path + "." + f, differences));
        } else if (golden.isArray()) {
            if (actual.size() != golden.size()) {
                differences.add(path + " has " + actual.size() + " elements, the sample's " + golden.size());
            }
            for (int i = 0; i < Math.min(actual.size(), golden.size()); i++) {
                compare(actual.get(i), golden.get(i), path + "[" + i + "]", differences);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An object whose keys are all numbers is a map in the payload record, not a set of fields. */
    private static boolean isMap(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        Iterator<String> names = node.fieldNames();
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

    private static String read(String resource) {
        try (InputStream in = EventAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
