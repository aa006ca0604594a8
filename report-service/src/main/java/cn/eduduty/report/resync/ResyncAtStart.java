package cn.eduduty.report.resync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A report service deployed with an empty read model (a new database, a restore) rebuilds it for
 * the configured regions from the owners, with the system token in the configured file, in the
 * background, retrying until one resync of each region has completed (recorded in
 * {@code read_model_resync}, so later starts do nothing); meanwhile deadlines wait (the read
 * model counts as behind) and the events go on being applied. Off unless both keys are set.
 */
@ApplicationScoped
public class ResyncAtStart {

    private static final Logger LOG = Logger.getLogger(ResyncAtStart.class);

    void onStart(@Observes StartupEvent start, ResyncService resync, cn.eduduty.report.position.ReadModelLag lag,
            @ConfigProperty(name = "eduduty.resync.at-start.regions") Optional<List<String>> regions,
            @ConfigProperty(name = "eduduty.resync.at-start.token-file") Optional<Path> tokenFile,
            @ConfigProperty(name = "eduduty.resync.at-start.retry-delay", defaultValue = "60s") Duration retryDelay) {
        if (regions.isEmpty() || tokenFile.isEmpty()) {
            return;
        }
        lag.resyncStarted(); // deadlines wait until the rebuild is done, retries included
        Thread worker = new Thread(() -> {
            try {
                rebuild(resync, regions.get(), tokenFile.get(), retryDelay);
            } finally {
                lag.resyncFinished();
            }
        }, "resync-at-start");
        worker.setDaemon(true);
        worker.start();
    }

    private static void rebuild(ResyncService resync, List<String> regions, Path tokenFile, Duration retryDelay) {
        for (String region : regions) {
            while (!resync.completed(region)) {
                try {
                    resync.resync(region, Files.readString(tokenFile).strip(), "start-up");
                } catch (IOException | RuntimeException e) {
                    LOG.errorf("resync of %s at start failed (%s); next attempt in %s", region, e.getMessage(),
                            retryDelay);
                    if (!sleep(retryDelay)) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
