package cn.eduduty.report.resync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * A report service that starts with an empty read model (a new replica database, a restore)
 * rebuilds it from the owners for the configured regions, with the system token in the
 * configured file, in the background, and then goes on from the events. Off unless both are set.
 */
@ApplicationScoped
public class ResyncOnEmptyStart {

    private static final Logger LOG = Logger.getLogger(ResyncOnEmptyStart.class);

    void onStart(@Observes StartupEvent start, EntityManager em, ResyncService resync,
            @ConfigProperty(name = "eduduty.resync.on-empty.regions") Optional<List<String>> regions,
            @ConfigProperty(name = "eduduty.resync.on-empty.token-file") Optional<Path> tokenFile) {
        if (regions.isEmpty() || tokenFile.isEmpty()) {
            return;
        }
        long known = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM rm_region").getSingleResult()).longValue());
        if (known > 0) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                String token = Files.readString(tokenFile.get()).strip();
                for (String region : regions.get()) {
                    resync.resync(region, token);
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "the read model started empty and could not be rebuilt from the owners");
            }
        }, "resync-on-empty");
        worker.setDaemon(true);
        worker.start();
    }
}
