package cn.eduduty.report.snapshot;

import io.restassured.path.json.JsonPath;

/** Reading a snapshot's JSON in the report tests: a figure's value and the label of its period. */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static String value(JsonPath json, String key) {
        return json.getString("figures.find { it.key == '" + key + "' }.value");
    }

    static String period(JsonPath json, String key) {
        return json.getString("figures.find { it.key == '" + key + "' }.period.label");
    }
}
