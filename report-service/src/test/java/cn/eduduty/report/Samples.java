package cn.eduduty.report;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.inbox.Inbox;

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

    private static final AtomicLong DIRECT = new AtomicLong();

    /**
     * Applies {@code event} as the consumer would, with a read position of its own (partition 0 of
     * a topic no owner writes), so that every change a test makes moves the read model's state, as
     * in production (roll-up lines are remembered by that state: {@code RollUpLines}).
     */
    public static boolean applyDirectly(Inbox inbox, EventJournal journal,
            CloudEvent event) {
        return inbox.applyOnce(journal, event, "test.direct", 0, DIRECT.getAndIncrement());
    }
}
