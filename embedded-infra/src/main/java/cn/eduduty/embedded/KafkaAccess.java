package cn.eduduty.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import cn.eduduty.contracts.Topics;

/**
 * Who may do what on the suite's Kafka: one SCRAM user per service and an administrator. Each
 * service writes only its own topic (its outbox relay also creates it, idempotently); the
 * report-service reads the three owners' topics in its consumer group and writes only its own
 * {@code report.events}. Everything else is denied ({@code allow.everyone.if.no.acl.found=false}).
 *
 * <p>The embedded broker applies exactly these ACLs; compose's {@code kafka-init} and the
 * Kubernetes {@code KafkaUser} resources spell the same ones, and the launcher's tests compare them.
 */
public final class KafkaAccess {

    /** The super user of the broker itself, tests and operators' tools. */
    public static final String ADMIN = "admin";
    /** The SASL mechanism of every client listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** A service's user: the topics it writes and reads, and the consumer groups it uses. */
    public record User(String name, Set<String> writes, Set<String> reads, Set<String> groups) {

        /** The ACL bindings that grant exactly this, for {@code User:name}. */
        public List<AclBinding> acls() {
            List<AclBinding> acls = new ArrayList<>();
            for (String topic : new TreeSet<>(writes)) {
                for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE)) {
                    acls.add(allow(ResourceType.TOPIC, topic, op));
                }
            }
            if (!writes.isEmpty()) {
                // the outbox relay's producer is idempotent
                acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE));
            }
            for (String topic : new TreeSet<>(reads)) {
                for (AclOperation op : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                    acls.add(allow(ResourceType.TOPIC, topic, op));
                }
            }
            for (String group : new TreeSet<>(groups)) {
                acls.add(allow(ResourceType.GROUP, group, AclOperation.READ));
            }
            return acls;
        }

        private AclBinding allow(ResourceType type, String resource, AclOperation op) {
            return new AclBinding(new ResourcePattern(type, resource, PatternType.LITERAL),
                    new AccessControlEntry("User:" + name, "*", op, AclPermissionType.ALLOW));
        }
    }

    /** The four services' users, named as the services are. */
    public static final List<User> SERVICES = List.of(
            new User("indicator-service", Set.of(Topics.INDICATOR), Set.of(), Set.of()),
            new User("school-registry-service", Set.of(Topics.REGISTRY), Set.of(), Set.of()),
            new User("funding-service", Set.of(Topics.FUNDING), Set.of(), Set.of()),
            // the consumer group is report-service's EventJournal.CONSUMER
            new User("report-service", Set.of(Topics.REPORT), Set.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING),
                    Set.of("report-service")));

    private KafkaAccess() {
    }

    /** The service user of that name. */
    public static Optional<User> service(String name) {
        return SERVICES.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Every user name: the administrator first, then the services. */
    public static List<String> userNames() {
        List<String> names = new ArrayList<>();
        names.add(ADMIN);
        SERVICES.forEach(u -> names.add(u.name()));
        return names;
    }

    /** The JAAS line a client logs in with. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
