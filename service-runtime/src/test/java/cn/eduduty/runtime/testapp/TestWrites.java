package cn.eduduty.runtime.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.report.ReportGenerated;
import cn.eduduty.runtime.outbox.Outbox;

/**
 * The test application's writes: each publishes one {@code report.report.generated} event through
 * the {@link Outbox} in a transaction of its own, as a service's change would. The subject says
 * which test wrote it; {@code year} carries the write's place in that test's sequence.
 */
@ApplicationScoped
public class TestWrites {

    private final Outbox outbox;

    TestWrites(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public UUID publish(String subject, String region, int position) {
        return publish(subject, region, position, "");
    }

    /** As {@link #publish(String, String, int)}, with {@code padding} to make the event as large as needed. */
    @Transactional
    public UUID publish(String subject, String region, int position, String padding) {
        ReportGenerated payload = new ReportGenerated(UUID.randomUUID(), region, position, "DRAFT", "ON_DEMAND",
                null, UUID.randomUUID(), padding, Instant.now(), "test");
        return outbox.publish(EventTypes.REPORT_GENERATED, "report", subject, region, payload, "test");
    }
}
