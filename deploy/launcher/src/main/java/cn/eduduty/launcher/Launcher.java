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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.eduduty.launcher.demo.DemoLoader;
import cn.eduduty.embedded.KafkaBroker;
import cn.eduduty.embedded.PostgresServer;
import cn.eduduty.embedded.TokenIssuer;

/**
 * Runs the whole suite on one machine: an embedded PostgreSQL and Kafka (the same mechanisms the
 * tests use, with their data kept under {@code .run/}; Kafka with its SCRAM users and ACLs, each
 * service logging in as its own user), the four services as separate processes and, once they are
 * ready, the console (the people's web front-end, {@link Console}) as a fifth, until Ctrl-C, which
 * stops all of them. Once the services are ready it loads the demo county 990101 through their
 * APIs ({@link DemoLoader}; a second start finds it there and adds nothing) and asks for its 2025
 * report, unless started with {@code --no-demo}.
 *
 * <p>Arguments: {@code [ROOT] [--no-demo]}, ROOT the repository (default the working directory).
 */
public final class Launcher {

    /** The services in start order, with their ports and databases (../shared/architecture.md). */
    public static final List<Service> SERVICES = List.of(
            new Service("indicator-service", 8081, 9081, "indicator"),
            new Service("school-registry-service", 8082, 9082, "registry"),
            new Service("funding-service", 8083, 9083, "funding"),
            new Service("report-service", 8084, 9084, "report"));

    /**
     * A service to start: its module name, API port, management port (health and metrics, not
     * public) and database.
     */
    public record Service(String name, int port, int managementPort, String database) {
        public String url() {
            return "http://localhost:" + port;
        }

        /** Where its health and metrics answer: {@code /q/health/ready}, {@code /q/metrics}. */
        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }
    }

    /**
     * The console: the web front-end on the services' APIs that people sign in to. Not a
     * {@link Service}: no database, no Kafka user, no events; it starts after the services and
     * only calls them. Its API port and management port (readiness at {@code /q/health/ready}).
     */
    public record Console(int port, int managementPort) {
        /** The module whose packaged application is started. */
        public static final String MODULE = "console";
        /** Where deploy/run serves it (../shared/architecture.md). */
        public static final Console DEFAULT = new Console(8080, 9080);

        public String url() {
            return "http://localhost:" + port;
        }

        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }
    }

    private final Path root;
    private final Path run;
    private final List<Service> services;
    private final List<Process> processes = new ArrayList<>();
    /** The console to start after the services, or null for none. */
    private Console console;
    /** The console's process, once started (null when not asked for or not built). */
    private Process consoleProcess;
    private final Map<String, String> environment = new LinkedHashMap<>();
    /**
     * The JVM options of every service: a small heap that starts small, the serial collector (one
     * machine of two cores runs all four services, PostgreSQL and Kafka), and C1 only, which starts
     * faster and is enough for a local suite; bench/scale compares other settings.
     */
    private List<String> jvmOptions = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private PostgresServer postgres;
    private TokenIssuer issuer;
    private String bootstrap;

    Launcher(Path root) {
        this(root, root.resolve(".run"), SERVICES);
        console(Console.DEFAULT);
    }

    /**
     * A suite of the packaged services under {@code root}, with its data, logs and keys in
     * {@code run} and the services on the given ports (the end-to-end test uses free ports); without
     * the console unless {@link #console(Console)} asks for it.
     */
    public Launcher(Path root, Path run, List<Service> services) {
        this.root = root;
        this.run = run;
        this.services = List.copyOf(services);
    }

    public List<Service> services() {
        return services;
    }

    /**
     * Also starts the console on these ports once the services are ready, if it is built
     * ({@link #consoleJar()}); a suite without its console still starts.
     */
    public Launcher console(Console console) {
        this.console = console;
        return this;
    }

    /** The console, if asked for and started. */
    public Optional<Console> console() {
        return consoleProcess == null ? Optional.empty() : Optional.of(console);
    }

    /** The packaged console that {@link #start()} runs. */
    public Path consoleJar() {
        return root.resolve(Console.MODULE).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where the console's local sign-in page signs the demo accounts' tokens with: the issuer's key. */
    private Path signingKey() {
        return run.resolve("keys").resolve("private-key.pem").toAbsolutePath();
    }

    /** The service of that module name. */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** JDBC URL of a service's database (superuser, no password). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The issuer whose public key the services trust. */
    public TokenIssuer issuer() {
        return issuer;
    }

    public Path run() {
        return run;
    }

    /** The PostgreSQL server of the suite, once started. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** Replaces the JVM options of every service started from now on. */
    public Launcher jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
        return this;
    }

    /** Sets an environment variable for every service started from now on (a configuration override). */
    public Launcher environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Kills a service with SIGKILL, as the OOM killer or a lost machine would: no shutdown hooks,
     * transactions and Kafka batches cut off wherever they are.
     */
    public void kill(String name) throws InterruptedException {
        Process p = processes.get(services.indexOf(service(name)));
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die");
        }
    }

    /** Starts a killed service again with the same configuration and waits until it is ready. */
    public void restart(String name, Duration timeout) throws IOException, InterruptedException {
        Service s = service(name);
        int i = services.indexOf(s);
        if (processes.get(i).isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        processes.set(i, startService(s, bootstrap, issuer, Map.of(), s.name(), true));
        awaitReady(List.of(s), timeout);
    }

    /**
     * Starts one more process of the packaged application {@code s.name()} (a second replica, a
     * scratch instance) with its own ports and database, on the suite's PostgreSQL and Kafka, with
     * {@code overrides} on top of its usual environment, logging to {@code logName}.log; the caller
     * waits for it ({@link #isReady}) and stops it.
     */
    public Process startInstance(Service s, String logName, Map<String, String> overrides) throws IOException {
        return startService(s, bootstrap, issuer, overrides, logName, false);
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
        System.out.printf("%nAll four services%s are ready after %.1f s.%n", launcher.console().isPresent() ? " and the console" : "",
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        DemoLoader.Outcome demoOutcome = demo ? launcher.loadDemo() : null;
        launcher.printWelcome(demoOutcome);
        System.out.println("Press Ctrl-C to stop everything.");
        Thread.currentThread().join();
    }

    public void start() throws Exception {
        for (Service s : services) {
            requireFreePort(s);
            Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (deploy/run does)");
            }
        }
        boolean withConsole = console != null && Files.exists(consoleJar());
        if (withConsole) {
            requireFreePort(Console.MODULE, console.port());
            requireFreePort(Console.MODULE, console.managementPort());
        } else if (console != null) {
            System.out.println("控制台未构建，套件不带控制台启动 / The console is not built (" + consoleJar()
                    + " is missing): the services start without it.");
        }
        Files.createDirectories(run.resolve("logs"));
        System.out.println("Starting PostgreSQL and Kafka (data in " + run + ") ...");
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(
                () -> KafkaBroker.ensureStarted(run.resolve("kafka"), false));
        postgres = PostgresServer.start(run.resolve("pg-work"), run.resolve("pg-data"));
        for (Service s : services) {
            // an owner Flyway migrates with and an application role that owns nothing, as in compose
            // and Kubernetes; a data directory from before the split is handed to the owner
            postgres.createServiceDatabase(s.database(), PostgresServer.ServiceRoles.of(s.database()));
        }
        bootstrap = kafka.join();
        issuer = TokenIssuer.inDirectory(run.resolve("keys"));
        System.out.println("PostgreSQL on port " + postgres.port() + ", Kafka on " + bootstrap
                + " (SASL/SCRAM; the administrator's kcat settings: " + run.resolve("kafka/kcat.conf") + ")");

        for (Service s : services) {
            processes.add(startService(s, bootstrap, issuer, Map.of()));
        }
        awaitReady(services, Duration.ofSeconds(180));
        if (withConsole) {
            consoleProcess = startConsole();
            await(List.of(new Awaited(Console.MODULE, console.managementUrl(), consoleProcess)), Duration.ofSeconds(120));
        }
    }

    /**
     * Starts the packaged console with the services' JVM options, pointed at the services' APIs, with
     * its local sign-in page on (it signs with the issuer's key, as deploy/mint-token does).
     */
    private Process startConsole() throws IOException {
        Path log = run.resolve("logs").resolve(Console.MODULE + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", consoleJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(console.port()));
        // its local sign-in hands out tokens to whoever reaches it: this machine only
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(console.managementPort()));
        env.put("QUARKUS_REST_CLIENT_INDICATOR_URL", service("indicator-service").url());
        env.put("QUARKUS_REST_CLIENT_REGISTRY_URL", service("school-registry-service").url());
        env.put("QUARKUS_REST_CLIENT_FUNDING_URL", service("funding-service").url());
        env.put("QUARKUS_REST_CLIENT_REPORT_URL", service("report-service").url());
        env.put("EDUDUTY_CONSOLE_LOCAL_SIGN_IN_KEY", signingKey().toString());
        System.out.println("Starting " + Console.MODULE + " on " + console.url() + " (log: " + log + ")");
        return builder.start();
    }

    private Process startService(Service s, String bootstrap, TokenIssuer issuer, Map<String, String> overrides)
            throws IOException {
        return startService(s, bootstrap, issuer, overrides, s.name(), false);
    }

    /** Starts the packaged application of {@code s.name()} as the process called {@code logName}. */
    private Process startService(Service s, String bootstrap, TokenIssuer issuer, Map<String, String> overrides,
            String logName, boolean restarted) throws IOException {
        Path log = run.resolve("logs").resolve(logName + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        // a restarted service appends, so what the killed process logged stays to be read
        ProcessBuilder.Redirect output = restarted ? ProcessBuilder.Redirect.appendTo(log.toFile())
                : ProcessBuilder.Redirect.to(log.toFile());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(s.managementPort()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
        // the server trusts localhost: the passwords are there because Quarkus uses the Flyway user
        // only when it has one
        PostgresServer.ServiceRoles roles = PostgresServer.ServiceRoles.of(s.database());
        env.put("QUARKUS_DATASOURCE_USERNAME", roles.application());
        env.put("QUARKUS_DATASOURCE_PASSWORD", roles.application());
        env.put("QUARKUS_FLYWAY_USERNAME", roles.owner());
        env.put("QUARKUS_FLYWAY_PASSWORD", roles.owner());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        // each service logs in as its own Kafka user, which may write only its own topic (KafkaAccess)
        env.put("KAFKA_SASL_JAAS_CONFIG", KafkaBroker.jaasConfig(s.name()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.publicKeyFile().toUri().toString());
        if (s.name().equals("report-service")) {
            // where a resync reads the owners from
            env.put("EDUDUTY_OWNERS_INDICATOR_URL", service("indicator-service").url());
            env.put("EDUDUTY_OWNERS_REGISTRY_URL", service("school-registry-service").url());
            env.put("EDUDUTY_OWNERS_FUNDING_URL", service("funding-service").url());
        }
        env.putAll(environment);
        env.putAll(overrides);
        System.out.println("Starting " + logName + " on " + s.url() + " (log: " + log + ")");
        return builder.start();
    }

    /** A started process waited for: its name (and log's), where it answers readiness, the process. */
    private record Awaited(String name, String managementUrl, Process process) {
    }

    private void awaitReady(List<Service> which, Duration timeout) throws InterruptedException {
        List<Awaited> awaited = new ArrayList<>();
        for (Service s : which) {
            awaited.add(new Awaited(s.name(), s.managementUrl(), processes.get(services.indexOf(s))));
        }
        await(awaited, timeout);
    }

    private void await(List<Awaited> which, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        List<Awaited> waiting = new ArrayList<>(which);
        while (!waiting.isEmpty()) {
            for (Awaited a : which) {
                if (!a.process().isAlive()) {
                    throw new IllegalStateException(a.name() + " exited; see " + run.resolve("logs").resolve(a.name() + ".log"));
                }
            }
            waiting.removeIf(a -> isReady(http, a.managementUrl()));
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(Awaited::name).toList());
            }
            Thread.sleep(500);
        }
    }

    public static boolean isReady(HttpClient http, Service s) {
        return isReady(http, s.managementUrl());
    }

    private static boolean isReady(HttpClient http, String managementUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
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
        console().ifPresent(c -> {
            System.out.println("  ================================================================");
            System.out.println("  控制台 (console): " + c.url() + "/ — 本机登录页 /sign-in");
            System.out.println("  Sign in at " + c.url() + "/sign-in as a demo account (local use only)");
            System.out.println("  ================================================================");
            System.out.println();
        });
        System.out.println("The services' APIs (Swagger UI and OpenAPI):");
        for (Service s : services) {
            System.out.printf("  %-24s %s/q/swagger-ui   (OpenAPI: %s/q/openapi)%n", s.name(), s.url(), s.url());
        }
        System.out.println("Health and metrics on the management ports, which a deployment does not publish:");
        for (Service s : services) {
            System.out.printf("  %-24s %s/q/health   %s/q/metrics%n", s.name(), s.managementUrl(), s.managementUrl());
        }
        System.out.println();
        System.out.println("Bearer tokens for the demo county 990101 and its prefecture 990100 (valid 8 h;");
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
            System.out.println("The demo county's 2025 self-evaluation report, saved to open directly:");
            String viewer = tokens.get("viewer 990101");
            for (String format : List.of("html", "docx", "pdf", "xlsx")) {
                System.out.printf("  %-5s %s%n", format.toUpperCase(Locale.ROOT), save(report, format, viewer));
            }
            System.out.println("and from report-service (send a token above as Bearer, e.g.");
            System.out.println("curl -H \"Authorization: Bearer $TOKEN\" -o report.docx URL):");
            for (String format : List.of("html", "docx", "pdf", "xlsx")) {
                System.out.printf("  %-5s %s%n", format.toUpperCase(Locale.ROOT), report.url(format));
            }
            System.out.println();
        } else if (demo != null) {
            System.out.println("The demo county is loaded; report-service gave no report yet (see above).");
            System.out.println();
        }
    }

    /** Downloads a rendering of the report into .run/reports; the path, or why it could not. */
    private String save(DemoLoader.Report report, String format, String token) {
        try {
            Path file = run.resolve("reports").resolve("demo-990101-2025." + format);
            Files.createDirectories(file.getParent());
            HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(report.url(format)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            return response.statusCode() == 200 ? file.toUri().toString() : "(not saved: HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "(not saved: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(not saved: interrupted)";
        }
    }

    private static void requireFreePort(Service s) {
        requireFreePort(s.name(), s.port());
        requireFreePort(s.name(), s.managementPort());
    }

    private static void requireFreePort(String name, int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + name + " is in use; stop what holds it");
        }
    }

    public void stop() {
        System.out.println("\nStopping ...");
        // the console first: it only calls the services
        List<Process> all = new ArrayList<>();
        if (consoleProcess != null) {
            all.add(consoleProcess);
        }
        all.addAll(processes);
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
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
