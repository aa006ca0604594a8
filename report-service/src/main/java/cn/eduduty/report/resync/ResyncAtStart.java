package cn.eduduty.report.resync;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

import cn.eduduty.report.position.ReadModelLag;

/**
 * A report service deployed with an empty read model (a new database, a restore) rebuilds it for
 * the configured regions from the owners, with the system token in the configured file, in the
 * background, retrying until one resync of each region has completed (recorded in
 * {@code read_model_resync}, so later starts do nothing); meanwhile deadlines wait (the read
 * model counts as behind) and the events go on being applied. Off unless both keys are set.
 *
 * <p>The attempts are a scheduler job, first at start and then every
 * {@code eduduty.resync.at-start.retry-delay} until every region is done, so shutdown stops them
 * like every other job.
 */
@ApplicationScoped
public class ResyncAtStart {

    private static final Logger LOG = Logger.getLogger(ResyncAtStart.class);

    private final ResyncService resync;
    private final ReadModelLag lag;
    private final ResyncConfig.AtStart config;
    /** Whether this process still owes a rebuild: set at start when configured, cleared when every region is done. */
    private final AtomicBoolean pending = new AtomicBoolean();

    ResyncAtStart(ResyncService resync, ReadModelLag lag, ResyncConfig config) {
        this.resync = resync;
        this.lag = lag;
        this.config = config.atStart();
    }

    void onStart(@Observes StartupEvent start) {
        if (config.regions().isEmpty() || config.tokenFile().isEmpty()) {
            return;
        }
        lag.resyncStarted(); // deadlines wait until the rebuild is done, retries included
        pending.set(true);
    }

    boolean pending() {
        return pending.get();
    }

    /** One attempt: each region not yet resynchronised, in order, until one fails (the next attempt goes on from there). */
    @Scheduled(identity = "resync-at-start", every = "${eduduty.resync.at-start.retry-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NothingPending.class)
    void attempt() {
        if (!pending.get()) {
            return;
        }
        List<String> regions = config.regions().orElseThrow();
        for (String region : regions) {
            if (resync.completed(region)) {
                continue;
            }
            try {
                resync.resync(region, Files.readString(config.tokenFile().orElseThrow()).strip(), "start-up");
            } catch (IOException | RuntimeException e) {
                LOG.errorf("resync of %s at start failed (%s); next attempt in %s", region, e.getMessage(),
                        config.retryDelay());
                return;
            }
        }
        if (pending.compareAndSet(true, false)) {
            lag.resyncFinished();
        }
    }

    /** Skips the job when no rebuild is owed (not configured, or done). */
    @Singleton
    static class NothingPending implements Scheduled.SkipPredicate {

        private final ResyncAtStart atStart;

        NothingPending(ResyncAtStart atStart) {
            this.atStart = atStart;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !atStart.pending();
        }
    }
}
