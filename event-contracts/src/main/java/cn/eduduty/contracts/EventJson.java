package cn.eduduty.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping for events, used by producers, consumers and the golden-sample tests, so
 * that all of them read and write the same bytes.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // tolerant reader: a consumer ignores fields added in a compatible revision
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    public static CloudEvent read(String json) {
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static <T> T payload(CloudEvent event, EventType<T> type) {
        if (!type.name().equals(event.type())) {
            throw new IllegalArgumentException("event " + event.id() + " is " + event.type() + ", not " + type.name());
        }
        try {
            return MAPPER.treeToValue(event.data(), type.payloadType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + event.id() + " is not a " + type.name() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The golden sample of a type, exactly as committed in {@code event-contracts}. */
    public static String goldenSample(EventType<?> type) {
        try (InputStream in = EventJson.class.getClassLoader().getResourceAsStream(type.goldenSample())) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + type.goldenSample());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
