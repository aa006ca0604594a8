package cn.eduduty.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in JSON structured mode, as every service publishes it.
 *
 * <p>{@code regioncode} is an extension attribute: the GB/T 2260 code of the region the event
 * concerns. It is also the Kafka record key, so one region's events stay in order.
 * {@code data} is kept as a JSON tree; {@link EventJson#payload} reads it as the versioned record
 * named by {@link EventType}.
 *
 * <p>{@code traceparent} is the extension attribute of CloudEvents' Distributed Tracing extension:
 * the W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) of the write that recorded the
 * event, so a consumer's application of it joins that write's trace. It is optional: an event
 * recorded outside a traced request has none, and the JSON then has no such member.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String regioncode,
        JsonNode data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** The canonical constructor is the one JSON binds to. */
    @JsonCreator
    public CloudEvent {
    }

    /** An event without trace context. */
    public CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
            String datacontenttype, String dataschema, String regioncode, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, dataschema, regioncode, data, null);
    }
}
