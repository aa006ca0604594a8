package cn.eduduty.runtime.health;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import io.smallrye.health.api.Wellness;

import cn.eduduty.runtime.kafka.KafkaConnection;

/**
 * Wellness, not readiness: the broker answers this service's Kafka user. A service takes writes
 * while the broker is away (the outbox keeps their events until it is back; bench/chaos shows none
 * lost), so a broker outage must not take every pod out of its Service: operators see it here
 * ({@code /q/health/well}, {@code /q/health}) and in the outbox's lag, which makes readiness DOWN
 * once events have waited {@code eduduty.outbox.readiness-max-lag}. Replaces Quarkus' own check,
 * whose data carries the client's exception message: here a fixed code, and the message in the log.
 */
@Wellness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaHealthCheck.class);

    private final KafkaConnection connection;
    private Admin admin;

    public KafkaHealthCheck(KafkaConnection connection) {
        this.connection = connection;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Kafka health check failed: %s", e.toString());
        }
        return HealthCheckResponse.named("kafka").down().withData("failure", "kafka-unavailable").build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties p = connection.properties();
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            admin = Admin.create(p);
        }
        return admin;
    }

    @PreDestroy
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
