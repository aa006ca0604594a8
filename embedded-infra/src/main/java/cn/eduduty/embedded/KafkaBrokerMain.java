package cn.eduduty.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * Entry point of the child JVM that hosts the broker: {@code port controllerPort logDir clusterId
 * parentPid}, the users' passwords in the environment ({@link KafkaBroker#passwordVariable}).
 * Prints a ready line, then lives as long as its parent does.
 *
 * <p>The broker runs as a production cluster should (deploy/README.md): clients authenticate with
 * SASL/SCRAM-SHA-512 on the only client listener, and the StandardAuthorizer denies what no ACL
 * allows. The users of {@link KafkaAccess} are written into the cluster metadata when the log
 * directory is formatted (the administrator cannot log in before that); at every start the
 * administrator then sets the services' passwords and grants their ACLs, both idempotent. The
 * controller listener takes SASL/PLAIN for the administrator only (a KRaft controller cannot check
 * SCRAM); the broker logs in there.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path logDir = Path.of(args[2]);
        String clusterId = args[3];
        long parent = Long.parseLong(args[4]);
        String adminPassword = password(KafkaAccess.ADMIN);

        long begun = System.nanoTime();
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(port, controllerPort, logDir, adminPassword), false);
        format(config, clusterId);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        System.out.printf("broker started in %d ms%n", (System.nanoTime() - begun) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "broker-shutdown"));
        try {
            provision(port, adminPassword);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.printf("users and ACLs provisioned; %d ms since start%n", (System.nanoTime() - begun) / 1_000_000);
        System.out.println(KafkaBroker.readyLine("localhost:" + port));
        System.out.flush();

        while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(1000);
        }
        System.exit(0);
    }

    static Properties brokerProperties(int port, int controllerPort, Path logDir, String adminPassword) {
        Properties p = new Properties();
        p.put("node.id", "1");
        p.put("process.roles", "broker,controller");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "CLIENTS://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "CLIENTS://localhost:" + port);
        p.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENTS");
        // clients (and the broker to itself): SCRAM, the users live in the cluster metadata
        p.put("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM);
        p.put("listener.name.clients.sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
        p.put("listener.name.clients.scram-sha-512.sasl.jaas.config",
                KafkaAccess.jaasConfig(KafkaAccess.ADMIN, adminPassword));
        // controller: PLAIN with the administrator only
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaAccess.ADMIN
                        + "\" password=\"" + adminPassword + "\" user_" + KafkaAccess.ADMIN + "=\"" + adminPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + KafkaAccess.ADMIN);
        p.put("log.dir", logDir.resolve("data").toString());
        p.put("num.partitions", "3");
        // topics are created by their owner's relay or by an administrator, never by a reader's metadata request
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("controlled.shutdown.enable", "false");
        // a restarted broker registers anew only once the controller has fenced its previous
        // incarnation, when that one's session expires: 9 s by default, 3 s here
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        p.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        p.put("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));
        return p;
    }

    /** Formats the log directory once; the users go into the first metadata as well. */
    private static void format(KafkaConfig config, String clusterId) throws Exception {
        List<String> scram = new ArrayList<>();
        for (String user : KafkaAccess.userNames()) {
            scram.add(KafkaAccess.MECHANISM + "=[name=" + user + ",password=" + password(user) + "]");
        }
        Formatter formatter = new Formatter()
                .setClusterId(clusterId)
                .setNodeId(config.nodeId())
                .setIgnoreFormatted(true)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .setScramArguments(scram)
                .setPrintStream(System.out);
        config.logDirs().forEach(formatter::addDirectory);
        formatter.run();
    }

    /**
     * Sets the services' passwords (a user added to {@link KafkaAccess} after the log directory was
     * formatted is created here) and grants the ACLs, as the administrator. Both are idempotent.
     */
    private static void provision(int port, String adminPassword) throws Exception {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                "sasl.mechanism", KafkaAccess.MECHANISM,
                "sasl.jaas.config", KafkaAccess.jaasConfig(KafkaAccess.ADMIN, adminPassword));
        try (Admin client = Admin.create(admin)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (KafkaAccess.User user : KafkaAccess.SERVICES) {
                users.add(new UserScramCredentialUpsertion(user.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user.name())));
            }
            client.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
            List<AclBinding> acls = new ArrayList<>();
            KafkaAccess.SERVICES.forEach(u -> acls.addAll(u.acls()));
            client.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static String password(String user) {
        String password = System.getenv(KafkaBroker.passwordVariable(user));
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("no password for Kafka user " + user + " in " + KafkaBroker.passwordVariable(user));
        }
        return password;
    }
}
