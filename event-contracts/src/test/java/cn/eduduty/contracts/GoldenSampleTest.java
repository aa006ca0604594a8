package cn.eduduty.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class GoldenSampleTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @ParameterizedTest
    @FieldSource("cn.eduduty.contracts.EventTypes#ALL")
    void goldenSampleRoundTripsThroughItsPayloadRecord(EventType<?> type) throws Exception {
        String json = EventJson.goldenSample(type);
        CloudEvent event = EventJson.read(json);

        Object payload = EventJson.payload(event, type);
        CloudEvent rebuilt = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.dataschema(), event.regioncode(),
                EventJson.tree(payload));

        JsonNode original = EventJson.mapper().readTree(json);
        JsonNode roundTripped = EventJson.mapper().readTree(EventJson.write(rebuilt));
        assertThat(roundTripped).isEqualTo(original);
    }

    @ParameterizedTest
    @FieldSource("cn.eduduty.contracts.EventTypes#ALL")
    void goldenSampleIsAValidEnvelopeOfItsType(EventType<?> type) {
        CloudEvent event = EventJson.read(EventJson.goldenSample(type));
        assertThat(event.specversion()).isEqualTo(CloudEvent.SPEC_VERSION);
        assertThat(event.id()).matches(UUID);
        assertThat(event.type()).isEqualTo(type.name());
        assertThat(event.dataschema()).isEqualTo(type.dataschema());
        assertThat(event.source()).startsWith("/");
        assertThat(event.subject()).isNotBlank();
        assertThat(event.time()).isNotNull();
        assertThat(event.regioncode()).matches("\\d{6}|\\d{9}");
        assertThat(event.data()).isNotNull();
    }

    /** Every file in {@code golden/}: a type's sample and its variants ({@code <type>.v<n>.<variant>.json}). */
    static List<String> sampleFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenSampleTest.class.getClassLoader().getResource("golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void everySampleFileIsOfAKnownTypeAndVersionAndRoundTrips(String file) throws Exception {
        String json;
        try (InputStream in = GoldenSampleTest.class.getClassLoader().getResourceAsStream("golden/" + file)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CloudEvent event = EventJson.read(json);
        EventType<?> type = EventTypes.byName(event.type()).orElseThrow(() -> new AssertionError(file + ": unknown type"));
        assertThat(file).startsWith(type.name() + ".v" + type.version() + ".").endsWith(".json");
        assertThat(event.dataschema()).isEqualTo(type.dataschema());
        assertThat(event.id()).matches(UUID);
        JsonNode original = EventJson.mapper().readTree(json);
        CloudEvent rebuilt = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.dataschema(), event.regioncode(),
                EventJson.tree(EventJson.payload(event, type)));
        assertThat(EventJson.mapper().readTree(EventJson.write(rebuilt))).isEqualTo(original);
    }

    @Test
    void traceparentIsAnOptionalExtensionAttributeThatRoundTrips() throws Exception {
        CloudEvent sample = EventJson.read(EventJson.goldenSample(EventTypes.POSTING_BOOKED));
        assertThat(sample.traceparent()).isNull();
        assertThat(EventJson.mapper().readTree(EventJson.write(sample)).has("traceparent")).isFalse();

        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent traced = new CloudEvent(sample.specversion(), sample.id(), sample.source(), sample.type(),
                sample.subject(), sample.time(), sample.datacontenttype(), sample.dataschema(), sample.regioncode(),
                sample.data(), traceparent);
        JsonNode json = EventJson.mapper().readTree(EventJson.write(traced));
        assertThat(json.get("traceparent").asText()).isEqualTo(traceparent);
        assertThat(EventJson.read(EventJson.write(traced))).isEqualTo(traced);
    }

    @Test
    void everyTypeHasItsMainSample() throws Exception {
        assertThat(sampleFiles()).containsAll(EventTypes.ALL.stream().map(t -> t.goldenSample().substring("golden/".length()))
                .toList());
    }
}
