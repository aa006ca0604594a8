package cn.eduduty.runtime.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;

/**
 * How this service reaches and logs in to Kafka: {@code kafka.bootstrap.servers},
 * {@code kafka.security.protocol} and every {@code kafka.sasl.*} and {@code kafka.ssl.*} key of its
 * configuration, as Quarkus collects them for its own Kafka clients (the health check's admin
 * client). Every client the service makes itself (outbox relay, inbox consumer, lag readers) starts
 * from these, so all of them authenticate as the service's one Kafka user.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> connection = new TreeMap<>();

    KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionKey(key)) {
                connection.put(key, value);
            }
        });
    }

    static boolean isConnectionKey(String key) {
        return key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                || key.startsWith("ssl.");
    }

    /** A fresh set of client properties holding the connection settings, for a client to add its own to. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(connection);
        return p;
    }
}
