package cn.eduduty.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka (KRaft) broker, run in a child JVM by {@link KafkaBrokerMain} so that
 * it can be stopped and restarted like a real broker, from any class loader.
 *
 * <p>Quarkus runs tests in class loaders of its own and restarts them per test profile, so the
 * broker's whereabouts live in String system properties, not in objects. The child watches this
 * JVM and exits when it is gone, so no broker outlives its tests.
 *
 * <p>Clients authenticate with SASL/SCRAM as one of the users of {@link KafkaAccess}, whose
 * passwords are made up with the log directory and kept in its {@code users.properties}
 * ({@link #clientProperties}); the administrator's are also written to {@code kcat.conf} there,
 * for an operator's {@code kcat -F}.
 */
public final class KafkaBroker {

    private static final String PREFIX = "eduduty.kafka.";
    private static final String READY = "EDUDUTY-KAFKA-READY";

    private KafkaBroker() {
    }

    /** Starts the broker for this JVM unless it is already running, and returns its address. */
    public static synchronized String ensureStarted(Path logDirectory, boolean deleteOnExit) {
        String running = System.getProperty(PREFIX + "bootstrap");
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path clusterIdFile = logDirectory.resolve("cluster-id");
        String clusterId = readOrCreateClusterId(clusterIdFile);
        int port = FreePort.find();
        System.setProperty(PREFIX + "port", Integer.toString(port));
        System.setProperty(PREFIX + "controller-port", Integer.toString(FreePort.find()));
        System.setProperty(PREFIX + "log-dir", logDirectory.toString());
        System.setProperty(PREFIX + "cluster-id", clusterId);
        readOrCreatePasswords(logDirectory).forEach((user, password) -> System.setProperty(PREFIX + "password." + user, password));
        spawn();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (deleteOnExit) {
                deleteTree(logDirectory);
            }
        }, "kafka-broker-stopper"));
        String bootstrap = "localhost:" + port;
        System.setProperty(PREFIX + "bootstrap", bootstrap);
        writeKcatConfig(logDirectory.resolve("kcat.conf"), bootstrap);
        return bootstrap;
    }

    /** The password of a user of {@link KafkaAccess} on the running broker. */
    public static String password(String user) {
        String password = System.getProperty(PREFIX + "password." + user);
        if (password == null) {
            throw new IllegalStateException("no Kafka broker started in this JVM, or no user " + user);
        }
        return password;
    }

    /** The JAAS line with which {@code user} logs in to the running broker. */
    public static String jaasConfig(String user) {
        return KafkaAccess.jaasConfig(user, password(user));
    }

    /** Kafka client properties that reach the running broker as {@code user}. */
    public static Map<String, Object> clientProperties(String user) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", System.getProperty(PREFIX + "bootstrap"));
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", KafkaAccess.MECHANISM);
        p.put("sasl.jaas.config", jaasConfig(user));
        return p;
    }

    /** The environment variable in which the broker's JVM finds a user's password. */
    static String passwordVariable(String user) {
        return "EDUDUTY_KAFKA_PASSWORD_" + user.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The users' passwords, kept in {@code users.properties} beside the data: the users are created
     * when the data is formatted, so a restart on the same data must log in with the same passwords.
     */
    private static Map<String, String> readOrCreatePasswords(Path logDirectory) {
        Path file = logDirectory.resolve("users.properties");
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            } else if (Files.exists(logDirectory.resolve("data"))) {
                throw new IllegalStateException("The Kafka data in " + logDirectory + " was made before Kafka had users"
                        + " (SASL/SCRAM); delete that directory and start again (PostgreSQL keeps its data)");
            }
            boolean added = false;
            for (String user : KafkaAccess.userNames()) {
                if (stored.getProperty(user) == null) {
                    stored.setProperty(user, randomPassword());
                    added = true;
                }
            }
            if (added) {
                Files.deleteIfExists(file);
                Files.createFile(file, ownerOnly());
                try (var writer = Files.newBufferedWriter(file)) {
                    stored.store(writer, "Kafka users of the embedded broker (KafkaAccess); the data was formatted with these");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> passwords = new HashMap<>();
        stored.stringPropertyNames().forEach(user -> passwords.put(user, stored.getProperty(user)));
        return passwords;
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A librdkafka configuration for {@code kcat -F}, as the administrator (deploy/README.md). */
    private static void writeKcatConfig(Path file, String bootstrap) {
        String config = "# written at each start of the embedded broker; kcat -F " + file + " -C -t funding.events\n"
                + "bootstrap.servers=" + bootstrap + "\n"
                + "security.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanisms=" + KafkaAccess.MECHANISM + "\n"
                + "sasl.username=" + KafkaAccess.ADMIN + "\n"
                + "sasl.password=" + password(KafkaAccess.ADMIN) + "\n";
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, ownerOnly());
            Files.writeString(file, config);
        } catch (IOException e) {
            // a convenience for operators only
        }
    }

    /** Stops the running broker (as a crash of the broker would look to its clients). */
    public static synchronized void stop() {
        end(false);
    }

    /**
     * Kills the running broker with SIGKILL: no controlled shutdown, no flush, open connections
     * simply break, as when a machine's broker process dies. {@link #restart()} brings it back.
     */
    public static synchronized void kill() {
        if (System.getProperty(PREFIX + "pid") == null) {
            throw new IllegalStateException("no broker is running");
        }
        end(true);
    }

    /** SIGKILL, or SIGTERM with SIGKILL after a minute; then the broker counts as not running. */
    private static void end(boolean forcibly) {
        String pid = System.getProperty(PREFIX + "pid");
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        System.clearProperty(PREFIX + "pid");
    }

    /** Starts the broker again on the same ports with the same logs, after {@link #stop()} or {@link #kill()}. */
    public static synchronized void restart() {
        if (System.getProperty(PREFIX + "pid") != null) {
            throw new IllegalStateException("the broker is running");
        }
        spawn();
    }

    private static void spawn() {
        Path logDir = Path.of(System.getProperty(PREFIX + "log-dir"));
        Path output = logDir.resolve("broker.out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
                System.getProperty(PREFIX + "port"), System.getProperty(PREFIX + "controller-port"),
                logDir.toString(), System.getProperty(PREFIX + "cluster-id"),
                Long.toString(ProcessHandle.current().pid())));
        try {
            // appended, so what a killed broker wrote stays; its ready line is looked for from here on
            long from = Files.exists(output) ? Files.size(output) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            for (String user : KafkaAccess.userNames()) {
                builder.environment().put(passwordVariable(user), password(user));
            }
            Process process = builder.start();
            System.setProperty(PREFIX + "pid", Long.toString(process.pid()));
            awaitReady(process, output, from);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    private static void awaitReady(Process process, Path output, long from) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(output) && since(output, from).contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited: " + since(output, from));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        process.destroyForcibly();
        String log = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        throw new IOException("Kafka broker not ready after 90 s, see " + output + "; it ended with:\n"
                + log.substring(Math.max(0, log.length() - 4000)));
    }

    /** What the broker wrote to {@code output} after its first {@code from} bytes. */
    private static String since(Path output, long from) throws IOException {
        byte[] all = Files.readAllBytes(output);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    static String readyLine(String bootstrap) {
        return READY + " " + bootstrap;
    }

    private static String readOrCreateClusterId(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    /** A unique throw-away directory under the system temporary directory. */
    public static Path temporaryLogDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "eduduty-kafka-" + UUID.randomUUID());
    }
}
