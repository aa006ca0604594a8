package cn.eduduty.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.embedded.KafkaAccess;
import cn.eduduty.embedded.KafkaBroker;

/**
 * Puts records on a topic as an owning service would, for consumer tests. It logs in as the
 * broker's administrator, who may write every topic; a test that needs a service's own rights
 * uses {@link KafkaBroker#clientProperties} with that service's user.
 */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Sends {@code json} keyed by {@code key} and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String json) {
        TopicReader.createIfMissing(System.getProperty("eduduty.kafka.bootstrap"), topic);
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(KafkaAccess.ADMIN));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }
}
