package cn.eduduty.report.position;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import cn.eduduty.runtime.kafka.KafkaConnection;

/** The end offsets of the topics the read model follows, so a reader can tell how far behind it is. */
@ApplicationScoped
public class TopicEnds {

    private final KafkaConnection kafkaConnection;
    private Admin admin;

    TopicEnds(KafkaConnection kafkaConnection) {
        this.kafkaConnection = kafkaConnection;
    }

    /**
     * Next offset to be written per partition of the topics that exist (an empty map when none
     * does: nothing was published yet); empty if Kafka does not answer in time.
     */
    public Optional<Map<TopicPartition, Long>> of(Collection<String> topics) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin().describeTopics(List.copyOf(topics))
                    .topicNameValues().entrySet()) {
                try {
                    topic.getValue().get(5, TimeUnit.SECONDS).partitions()
                            .forEach(p -> ask.put(new TopicPartition(topic.getKey(), p.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    // the topic does not exist yet: nothing published, nothing to read
                }
            }
            if (!ask.isEmpty()) {
                admin().listOffsets(ask).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            }
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(ends);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = kafkaConnection.properties();
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
