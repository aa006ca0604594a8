package cn.eduduty.runtime.outbox;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import cn.eduduty.runtime.kafka.KafkaConnection;

/**
 * Creates a topic the relay is about to write, once per process, unless it exists: with
 * {@code eduduty.outbox.topic-partitions} partitions, {@code topic-replication-factor} replicas and
 * {@code max.message.bytes} equal to {@code eduduty.outbox.max-event-bytes}. An existing topic is
 * left as it is.
 */
@ApplicationScoped
class TopicProvisioning {

    private final OutboxConfig config;
    private final KafkaConnection kafkaConnection;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    TopicProvisioning(OutboxConfig config, KafkaConnection kafkaConnection) {
        this.config = config;
        this.kafkaConnection = kafkaConnection;
    }

    void ensure(String topic) throws InterruptedException {
        if (ensured.contains(topic)) {
            return;
        }
        Properties adminConfig = kafkaConnection.properties();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, config.topicPartitions(), config.topicReplicationFactor())
                    .configs(Map.of("max.message.bytes", Integer.toString(config.maxEventBytes())))))
                    .all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating topic " + topic, e);
        }
        ensured.add(topic);
    }
}
