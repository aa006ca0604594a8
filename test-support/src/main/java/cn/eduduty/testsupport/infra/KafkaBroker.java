package cn.eduduty.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft) broker, run in a child JVM by {@link KafkaBrokerMain} so that
 * it can be stopped and restarted like a real broker, from any class loader.
 *
 * <p>Quarkus runs tests in class loaders of its own and restarts them per test profile, so the
 * broker's whereabouts live in String system properties, not in objects. The child watches this
 * JVM and exits when it is gone, so no broker outlives its tests.
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
        spawn();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            if (deleteOnExit) {
                deleteTree(logDirectory);
            }
        }, "kafka-broker-stopper"));
        String bootstrap = "localhost:" + port;
        System.setProperty(PREFIX + "bootstrap", bootstrap);
        return bootstrap;
    }

    /** Stops the running broker (as a crash of the broker would look to its clients). */
    public static synchronized void stop() {
        String pid = System.getProperty(PREFIX + "pid");
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        System.clearProperty(PREFIX + "pid");
    }

    /** Starts the broker again on the same ports with the same logs, after {@link #stop()}. */
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
            Files.deleteIfExists(output);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            System.setProperty(PREFIX + "pid", Long.toString(process.pid()));
            awaitReady(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    private static void awaitReady(Process process, Path output) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(output) && Files.readString(output, StandardCharsets.UTF_8).contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited: " + Files.readString(output));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        process.destroyForcibly();
        throw new IOException("Kafka broker not ready after 90 s, see " + output);
    }

    static String readyLine(String bootstrap) {
        return READY + " " + bootstrap;
    }

    private static String readOrCreateClusterId(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = org.apache.kafka.common.Uuid.randomUuid().toString();
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
