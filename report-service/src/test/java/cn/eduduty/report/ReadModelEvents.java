package cn.eduduty.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.inbox.Inbox;

/**
 * A test's way into the read model: owners' events applied through the inbox as the consumer
 * applies them ({@link Samples#applyDirectly}), one at a time or as a whole {@link TestCounty}.
 */
@ApplicationScoped
public class ReadModelEvents {

    @Inject
    Inbox inbox;

    @Inject
    EventJournal journal;

    /** Applies {@code event}, which must be new to the inbox. */
    public void apply(CloudEvent event) {
        assertThat(Samples.applyDirectly(inbox, journal, event)).isTrue();
    }

    /** The test county {@code county} under {@code prefecture}, nothing applied yet. */
    public TestCounty county(String prefecture, String county) {
        return new TestCounty(prefecture, county, this);
    }
}
