package cn.eduduty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The counties {@link #loadOnce} has loaded while this application runs. */
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    @Inject
    Inbox inbox;

    @Inject
    EventJournal journal;

    /** Applies {@code event}, which must be new to the inbox. */
    public void apply(CloudEvent event) {
        assertThat(Samples.applyDirectly(inbox, journal, event)).isTrue();
    }

    /**
     * Loads the whole test county {@code county} under {@code prefecture}, with empty {@code neighbours}
     * beside it, unless it was loaded already while this application runs: for the tests of a class that share one
     * county.
     */
    public void loadOnce(String prefecture, String county, String... neighbours) throws Exception {
        if (loaded.contains(county)) {
            return;
        }
        TestCounty test = county(prefecture, county).load();
        for (String neighbour : neighbours) {
            test.neighbour(neighbour);
        }
        loaded.add(county);
    }

    /** The test county {@code county} under {@code prefecture}, nothing applied yet. */
    public TestCounty county(String prefecture, String county) {
        return new TestCounty(prefecture, county, this);
    }
}
