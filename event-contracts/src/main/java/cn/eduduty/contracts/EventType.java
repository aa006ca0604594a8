package cn.eduduty.contracts;

/**
 * An event type: its CloudEvents {@code type}, the topic it travels on, its payload record and
 * the payload's schema version. Incompatible payload changes get a new version, never an edit.
 */
public record EventType<T>(String name, String topic, Class<T> payloadType, int version) {

    /** The CloudEvents {@code dataschema} attribute for this type and version. */
    public String dataschema() {
        return "urn:eduduty:event:" + name + ":v" + version;
    }

    /** File name of the golden sample in {@code golden/} on the classpath. */
    public String goldenSample() {
        return "golden/" + name + ".v" + version + ".json";
    }
}
