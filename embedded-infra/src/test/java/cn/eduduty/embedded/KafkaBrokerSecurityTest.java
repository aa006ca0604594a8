package cn.eduduty.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.Topics;

/**
 * The embedded broker as every test and the launcher run it: SCRAM users, and ACLs under which a
 * service writes only its own topic and the report-service only reads the owners'. Attacked from
 * outside with plain Kafka clients, as a compromised service or a stranger on the network would.
 */
class KafkaBrokerSecurityTest {

    @BeforeAll
    static void startBroker() throws Exception {
        KafkaBroker.ensureStarted(KafkaBroker.temporaryLogDirectory(), true);
        try (Admin admin = Admin.create(KafkaBroker.clientProperties(KafkaAccess.ADMIN))) {
            for (String topic : List.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING, Topics.REPORT)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
                }
            }
        }
    }

    @Test
    void eachOwnerWritesItsOwnTopicWithAnIdempotentProducer() throws Exception {
        Map<String, String> owners = Map.of("indicator-service", Topics.INDICATOR, "school-registry-service",
                Topics.REGISTRY, "funding-service", Topics.FUNDING, "report-service", Topics.REPORT);
        for (Map.Entry<String, String> owner : owners.entrySet()) {
            try (KafkaProducer<String, String> producer = producer(owner.getKey())) {
                assertThat(producer.send(new ProducerRecord<>(owner.getValue(), "990101", "{}")).get(30, TimeUnit.SECONDS)
                        .topic()).isEqualTo(owner.getValue());
            }
        }
    }

    @Test
    void anOwnerCannotWriteAnotherOwnersTopic() {
        try (KafkaProducer<String, String> producer = producer("indicator-service")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.FUNDING, "990101", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theReportServiceCannotWriteTheOwnersTopics() {
        for (String topic : List.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING)) {
            try (KafkaProducer<String, String> producer = producer("report-service")) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "990101", "{}")).get(30, TimeUnit.SECONDS))
                        .as(topic).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void theReportServiceReadsTheOwnersTopicsInItsConsumerGroup() throws Exception {
        try (KafkaProducer<String, String> producer = producer("funding-service")) {
            producer.send(new ProducerRecord<>(Topics.FUNDING, "990101", "read-me")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = consumer("report-service", "report-service")) {
            consumer.subscribe(List.of(Topics.FUNDING));
            boolean seen = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen |= "read-me".equals(record.value());
                }
            }
            assertThat(seen).isTrue();
        }
    }

    @Test
    void aServiceCannotReadInAnotherGroupNorAnOwnerReadAnotherOwnersTopic() {
        try (KafkaConsumer<String, String> consumer = consumer("report-service", "someone-else")) {
            consumer.subscribe(List.of(Topics.FUNDING));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20))).isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer("indicator-service", "report-service")) {
            consumer.subscribe(List.of(Topics.FUNDING));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20)))
                    .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
        }
    }

    @Test
    void anOwnerCannotCreateATopicOfAnotherName() {
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties("funding-service"));
        try (Admin admin = Admin.create(p)) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("funding.events.forged", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsIsNotServed() {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.clientProperties(KafkaAccess.ADMIN).get("bootstrap.servers"));
        p.put("request.timeout.ms", 3000);
        p.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(p)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
        }
        Properties plain = new Properties();
        plain.putAll(p);
        plain.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plain, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.FUNDING, "990101", "{}")).get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class,
                            org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        Map<String, Object> p = KafkaBroker.clientProperties("funding-service");
        p.put("sasl.jaas.config", KafkaAccess.jaasConfig("funding-service", "guessed"));
        p.put("request.timeout.ms", 5000);
        p.put("default.api.timeout.ms", 10000);
        try (Admin admin = Admin.create(p)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void usersAndAclsHoldAfterARestartOnTheSameLogs() throws Exception {
        KafkaBroker.stop();
        KafkaBroker.restart();

        try (KafkaProducer<String, String> producer = producer("school-registry-service")) {
            producer.send(new ProducerRecord<>(Topics.REGISTRY, "990101", "{}")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.INDICATOR, "990101", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(String user) {
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(user));
        // as the outbox relay sends
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(user));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
