package cn.eduduty.report;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;

/** Events for the report-service tests: the owners' golden samples, varied. */
public final class Samples {

    private Samples() {
    }

    /** A golden sample under a fresh event id, with {@code data} fields replaced by the given JSON values. */
    public static CloudEvent sample(EventType<?> type, String... fieldJsonPairs) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.goldenSample(type));
        json.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) json.get("data");
        for (int i = 0; i < fieldJsonPairs.length; i += 2) {
            data.set(fieldJsonPairs[i], EventJson.mapper().readTree(fieldJsonPairs[i + 1]));
        }
        return EventJson.read(json.toString());
    }

    private static final java.util.concurrent.atomic.AtomicLong DIRECT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Applies {@code event} as the consumer would, with a read position of its own (partition 0 of
     * a topic no owner writes), so that every change a test makes moves the read model's state, as
     * in production (roll-up lines are remembered by that state: {@code RollUpLines}).
     */
    public static boolean applyDirectly(cn.eduduty.runtime.inbox.Inbox inbox, cn.eduduty.report.journal.EventJournal journal,
            cn.eduduty.contracts.CloudEvent event) {
        return inbox.applyOnce(journal, event, "test.direct", 0, DIRECT.getAndIncrement());
    }
}
