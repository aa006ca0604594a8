package cn.eduduty.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.eduduty.launcher.demo.DemoLoader;
import cn.eduduty.testsupport.infra.KafkaBroker;
import cn.eduduty.testsupport.infra.PostgresServer;
import cn.eduduty.testsupport.infra.TokenIssuer;

/**
 * Runs the whole suite on one machine: an embedded PostgreSQL and Kafka (the same mechanisms the
 * tests use, with their data kept under {@code .run/}), the four services as separate processes,
 * until Ctrl-C, which stops all of them. Once the services are ready it loads the demo county
 * 990101 through their APIs ({@link DemoLoader}; a second start finds it there and adds nothing)
 * and asks for its 2025 report, unless started with {@code --no-demo}.
 *
 * <p>Arguments: {@code [ROOT] [--no-demo]}, ROOT the repository (default the working directory).
 */
public final class Launcher {

    /** The services in start order, with their ports and databases (../shared/architecture.md). */
    static final List<Service> SERVICES = List.of(
            new Service("indicator-service", 8081, "indicator"),
            new Service("school-registry-service", 8082, "registry"),
            new Service("funding-service", 8083, "funding"),
            new Service("report-service", 8084, "report"));

    record Service(String name, int port, String database) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    private final Path root;
    private final Path run;
    private final List<Process> processes = new ArrayList<>();
    private PostgresServer postgres;

    Launcher(Path root) {
        this.root = root;
        this.run = root.resolve(".run");
    }

    public static void main(String[] args) throws Exception {
        String rootArgument = ".";
        boolean demo = true;
        for (String arg : args) {
            if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.startsWith("--")) {
                System.err.println("usage: Launcher [ROOT] [--no-demo]");
                System.exit(2);
            } else {
                rootArgument = arg;
            }
        }
        Path root = Path.of(rootArgument).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(root);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-stop"));
        Instant started = Instant.now();
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("The suite did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%nAll four services are ready after %.1f s.%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        DemoLoader.Outcome demoOutcome = demo ? launcher.loadDemo() : null;
        launcher.printWelcome(demoOutcome);
        System.out.println("Press Ctrl-C to stop everything.");
        Thread.currentThread().join();
    }

    void start() throws Exception {
        for (Service s : SERVICES) {
            requireFreePort(s);
            Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (deploy/run does)");
            }
        }
        Files.createDirectories(run.resolve("logs"));
        System.out.println("Starting PostgreSQL and Kafka (data in " + run + ") ...");
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.ensureStarted(run.resolve("kafka"), false));
        postgres = PostgresServer.start(run.resolve("pg-work"), run.resolve("pg-data"));
        for (Service s : SERVICES) {
            postgres.createDatabase(s.database());
        }
        String bootstrap = kafka.join();
        TokenIssuer issuer = TokenIssuer.inDirectory(run.resolve("keys"));
        System.out.println("PostgreSQL on port " + postgres.port() + ", Kafka on " + bootstrap);

        for (Service s : SERVICES) {
            processes.add(startService(s, bootstrap, issuer));
        }
        awaitReady(Duration.ofSeconds(180));
    }

    private Process startService(Service s, String bootstrap, TokenIssuer issuer) throws IOException {
        Path log = run.resolve("logs").resolve(s.name() + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.publicKeyFile().toUri().toString());
        System.out.println("Starting " + s.name() + " on " + s.url() + " (log: " + root.relativize(log) + ")");
        return builder.start();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        List<Service> waiting = new ArrayList<>(SERVICES);
        while (!waiting.isEmpty()) {
            for (int i = 0; i < SERVICES.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException(SERVICES.get(i).name() + " exited; see .run/logs/"
                            + SERVICES.get(i).name() + ".log");
                }
            }
            waiting.removeIf(s -> isReady(http, s));
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s: " + waiting);
            }
            Thread.sleep(500);
        }
    }

    static boolean isReady(HttpClient http, Service s) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads the demo county in-process; a failure is reported and the suite keeps running. */
    DemoLoader.Outcome loadDemo() {
        System.out.println("Loading the demo county 990101 through the services' APIs (start with --no-demo to skip) ...");
        try {
            return new DemoLoader(DemoLoader.Config.local(run.resolve("keys")), System.out).run();
        } catch (RuntimeException e) {
            System.err.println("The demo county did not load: " + e.getMessage());
            System.err.println("The services keep running; see .run/logs/ and run the loader again with "
                    + "java -cp \"deploy/launcher/target/launcher.jar:deploy/launcher/target/lib/*\" "
                    + DemoLoader.class.getName());
            return null;
        }
    }

    private void printWelcome(DemoLoader.Outcome demo) {
        System.out.println();
        for (Service s : SERVICES) {
            System.out.printf("  %-24s %s/q/swagger-ui   (OpenAPI: %s/q/openapi)%n", s.name(), s.url(), s.url());
        }
        System.out.println();
        System.out.println("Bearer tokens for the demo county 990101 and its prefecture 990100 (valid 24 h;");
        System.out.println("mint more with deploy/mint-token ROLE REGION):");
        TokenIssuer issuer = TokenIssuer.inDirectory(run.resolve("keys"));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("county-editor 990101", issuer.mint("demo-editor", "county-editor", "990101"));
        tokens.put("viewer 990101", issuer.mint("demo-viewer", "viewer", "990101"));
        tokens.put("prefecture-reviewer 990100", issuer.mint("demo-reviewer", "prefecture-reviewer", "990100"));
        tokens.put("system 990100", issuer.mint("demo-system", "system", "990100"));
        tokens.forEach((who, token) -> System.out.println("  " + who + ":\n    " + token));
        System.out.println();
        if (demo != null && demo.report().isPresent()) {
            DemoLoader.Report report = demo.report().get();
            System.out.println("The demo county's 2025 self-evaluation report (send a token above as Bearer, e.g.");
            System.out.println("curl -H \"Authorization: Bearer $TOKEN\" -o report.docx URL):");
            for (String format : List.of("html", "docx", "pdf")) {
                System.out.printf("  %-5s %s%n", format.toUpperCase(java.util.Locale.ROOT), report.url(format));
            }
            System.out.println();
        } else if (demo != null) {
            System.out.println("The demo county is loaded; report-service gave no report yet (see above).");
            System.out.println();
        }
    }

    private static void requireFreePort(Service s) {
        try (ServerSocket socket = new ServerSocket(s.port())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + s.port() + " for " + s.name() + " is in use; stop what holds it");
        }
    }

    void stop() {
        System.out.println("\nStopping ...");
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        KafkaBroker.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                System.err.println("PostgreSQL: " + e.getMessage());
            }
        }
        System.out.println("Stopped.");
    }
}
