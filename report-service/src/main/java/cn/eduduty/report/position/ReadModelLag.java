package cn.eduduty.report.position;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.inbox.Inbox;

/**
 * Whether the read model has applied everything the owners have published, and no resync is
 * rebuilding it: what automatic generation waits for.
 */
@ApplicationScoped
public class ReadModelLag {

    private final Inbox inbox;
    private final TopicEnds ends;
    private final AtomicInteger resyncs = new AtomicInteger();

    ReadModelLag(Inbox inbox, TopicEnds ends) {
        this.inbox = inbox;
        this.ends = ends;
    }

    /** Marks a resync as running until {@link #resyncFinished()}. */
    public void resyncStarted() {
        resyncs.incrementAndGet();
    }

    public void resyncFinished() {
        resyncs.decrementAndGet();
    }

    /** Whether a resync runs in this process. */
    public boolean resyncRunning() {
        return resyncs.get() > 0;
    }

    /** True when no resync runs and every partition of the owners' topics is applied up to its end. */
    public boolean caughtUp() {
        if (resyncs.get() > 0) {
            return false;
        }
        Map<TopicPartition, Long> end = ends.of(EventJournal.TOPICS).orElse(null);
        if (end == null) {
            return false; // Kafka did not answer: cannot tell (no owner topic at all means nothing was published)
        }
        Map<TopicPartition, Long> applied = new HashMap<>();
        for (Inbox.Position p : inbox.positions(EventJournal.CONSUMER)) {
            applied.put(new TopicPartition(p.topic(), p.partition()), p.nextOffset());
        }
        return end.entrySet().stream().allMatch(e -> applied.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
}
