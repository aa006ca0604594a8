package cn.eduduty.report.resync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the owners' stand-in before report-service and points {@code eduduty.owners.*} at it. The
 * stand-in already serves {@link #AT_START} and {@link #ON_REQUEST}; the first request for
 * {@link #AT_START}'s region is answered 503, so the start-up rebuild has to try again. The
 * start-up rebuild reads the token in {@link #TOKEN}'s file, retrying every second. Test classes
 * get the stand-in in an {@link OwnerStandIn} field.
 */
public class StandInOwners implements QuarkusTestResourceLifecycleManager {

    /** The county the start-up rebuild reads. */
    static final String AT_START = "980501";
    /** The county a test asks to resync. */
    static final String ON_REQUEST = "980502";
    /** The system token the start-up rebuild finds in its file. */
    static final String TOKEN = "system-token-from-the-file";
    /** Schools of {@link #ON_REQUEST}: more than one page of 500. */
    static final int SCHOOLS = 501;

    private OwnerStandIn owners;

    @Override
    public Map<String, String> start() {
        try {
            owners = OwnerStandIn.start();
            new OwnerAnswers(AT_START).serve(owners, 2);
            new OwnerAnswers(ON_REQUEST).serve(owners, SCHOOLS);
            owners.outage("/api/v1/regions/" + AT_START, 1);
            Path token = Files.createTempFile("resync-token", ".txt");
            token.toFile().deleteOnExit();
            Files.writeString(token, TOKEN + "\n");
            return Map.of(
                    "eduduty.owners.indicator-url", owners.url(),
                    "eduduty.owners.registry-url", owners.url(),
                    "eduduty.owners.funding-url", owners.url() + "/",
                    "eduduty.resync.at-start.regions", AT_START,
                    "eduduty.resync.at-start.token-file", token.toString(),
                    "eduduty.resync.at-start.retry-delay", "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(owners, new TestInjector.MatchesType(OwnerStandIn.class));
    }

    @Override
    public void stop() {
        if (owners != null) {
            owners.close();
        }
    }
}
