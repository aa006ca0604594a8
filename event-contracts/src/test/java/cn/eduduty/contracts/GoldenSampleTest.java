package cn.eduduty.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

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
}
