package cn.eduduty.report.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.eduduty.contracts.EventJson;

/**
 * The canonical JSON of a snapshot: the events' mapper (ISO dates, decimals exact), indented,
 * map keys sorted, decimals never in exponent form. The stored text is what the JSON format
 * returns and what the content hash covers.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = EventJson.mapper().copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ReportJson() {
    }

    public static String write(ReportContent content) {
        try {
            return MAPPER.writeValueAsString(content) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report content could not be serialised", e);
        }
    }

    public static ReportContent read(String json) {
        try {
            return MAPPER.readValue(json, ReportContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report snapshot does not match ReportContent", e);
        }
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
    public static String hash(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
