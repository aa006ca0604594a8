package cn.eduduty.runtime.inbox;

import java.util.Optional;
import java.util.regex.Pattern;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Whether a record on a topic is an event its owner could have written: the envelope is a
 * CloudEvents 1.0 envelope with a UUID id, its type is one of the contracts and travels on this
 * topic, its source is this topic's owner, and its region (the {@code regioncode} attribute, which
 * the owners also use as the record key) is a GB/T 2260 code equal to the key. Anything else is
 * refused with the reason, before a handler sees it.
 */
public final class Admission {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Admission() {
    }

    /** The reason {@code event}, read from {@code topic} under {@code key}, is refused; empty when it is admitted. */
    public static Optional<String> refusal(String topic, String key, CloudEvent event) {
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            return Optional.of("specversion is not " + CloudEvent.SPEC_VERSION);
        }
        if (event.id() == null || !UUID_TEXT.matcher(event.id()).matches()) {
            return Optional.of("id is not a UUID");
        }
        Optional<EventType<?>> type = event.type() == null ? Optional.empty() : EventTypes.byName(event.type());
        if (type.isEmpty()) {
            return Optional.of("type " + quoted(event.type()) + " is not an event type of the contracts");
        }
        if (!type.get().topic().equals(topic)) {
            return Optional.of("type " + event.type() + " belongs on " + type.get().topic() + ", not on " + topic);
        }
        String owner = Topics.ownerSource(topic).orElse(null);
        if (owner == null || !owner.equals(event.source())) {
            return Optional.of("source " + quoted(event.source()) + " is not " + topic + "'s owner " + owner);
        }
        if (!RegionCode.isValid(event.regioncode())) {
            return Optional.of("regioncode " + quoted(event.regioncode()) + " is not a GB/T 2260 region code");
        }
        if (!event.regioncode().equals(key)) {
            return Optional.of("record key " + quoted(key) + " is not the event's regioncode " + event.regioncode());
        }
        if (event.data() == null || !event.data().isObject()) {
            return Optional.of("data is not a JSON object");
        }
        return Optional.empty();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "(absent)";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "\"" + shown + "\"";
    }
}
