package cn.eduduty.launcher.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.eduduty.launcher.demo.JsonHttp.Failure;

/**
 * Loads the {@link DemoCounty} into a running suite through the four services' public REST APIs
 * only, with the tokens a real client would hold ({@link LoadSession}), one owner after the other:
 * the registry's data ({@link RegistryLoader}), the money ({@link LedgerLoader}), the framework and
 * the county's self-evaluation ({@link EvaluationLoader}).
 *
 * <p>Idempotent: what is there already is compared and left alone (regions, school years,
 * population, county facts, fiscal contexts, ratings, signing choices), bulk imports and postings carry idempotency keys so a replay
 * changes nothing, and an approved self-evaluation is not touched. A second run duplicates nothing.
 *
 * <p>After loading it waits until the report service has read every event and asks it for the
 * 2025 report of 990101 ({@link #generateReport}, {@link ReportRequests}).
 *
 * <p>Configuration from the environment: {@code INDICATOR_URL}, {@code REGISTRY_URL},
 * {@code FUNDING_URL}, {@code REPORT_URL} (default {@code http://localhost:8081} … {@code 8084}),
 * {@code EDUDUTY_TOKEN_KEY} (the key pair directory, default {@code .run/keys}),
 * {@code DEMO_CATCH_UP_SECONDS} (how long to wait for the report service, default 180),
 * {@code DEMO_PRINT_TRACES} ({@code true}: print the trace id of each write, default false).
 */
public final class DemoLoader {

    /** Where the services are and how to sign tokens. */
    public record Config(String indicatorUrl, String registryUrl, String fundingUrl, String reportUrl, Path keyDirectory,
            Duration catchUpTimeout, boolean printTraces, Stage stage) {

        /** {@code true}: print the trace id of each write the loader makes. */
        public static final String PRINT_TRACES = "DEMO_PRINT_TRACES";
        /** How far the county's self-evaluation goes: {@code approved} (default), {@code submitted} or {@code draft}. */
        public static final String STAGE = "DEMO_EVALUATION_STAGE";

        /** A loader that takes the self-evaluation to its approval. */
        public Config(String indicatorUrl, String registryUrl, String fundingUrl, String reportUrl, Path keyDirectory,
                Duration catchUpTimeout, boolean printTraces) {
            this(indicatorUrl, registryUrl, fundingUrl, reportUrl, keyDirectory, catchUpTimeout, printTraces, Stage.APPROVED);
        }

        public static Config fromEnvironment(Map<String, String> env) {
            return new Config(url(env, "INDICATOR_URL", 8081), url(env, "REGISTRY_URL", 8082), url(env, "FUNDING_URL", 8083),
                    url(env, "REPORT_URL", 8084), Path.of(env.getOrDefault("EDUDUTY_TOKEN_KEY", ".run/keys")),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("DEMO_CATCH_UP_SECONDS", "180"))),
                    Boolean.parseBoolean(env.getOrDefault(PRINT_TRACES, "false")), Stage.of(env.getOrDefault(STAGE, "approved")));
        }

        /** The suite as the launcher runs it, on localhost:8081–8084; {@value #PRINT_TRACES} and {@value #STAGE} are honoured. */
        public static Config local(Path keyDirectory) {
            return fromEnvironment(Map.of(PRINT_TRACES, System.getenv().getOrDefault(PRINT_TRACES, "false"),
                    STAGE, System.getenv().getOrDefault(STAGE, "approved")))
                    .withKeyDirectory(keyDirectory);
        }

        public Config withKeyDirectory(Path directory) {
            return new Config(indicatorUrl, registryUrl, fundingUrl, reportUrl, directory, catchUpTimeout, printTraces, stage);
        }

        public Config withStage(Stage newStage) {
            return new Config(indicatorUrl, registryUrl, fundingUrl, reportUrl, keyDirectory, catchUpTimeout, printTraces, newStage);
        }

        private static String url(Map<String, String> env, String name, int port) {
            String url = env.getOrDefault(name, "http://localhost:" + port);
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /**
     * How far the loader takes the county's self-evaluation: rated and signed ({@code DRAFT}, for
     * trying the console's editing and review), submitted to the prefecture, or approved (the
     * default: the launcher's report is then the county's final one).
     */
    public enum Stage {
        DRAFT, SUBMITTED, APPROVED;

        static Stage of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(Config.STAGE + " is draft, submitted or approved, not " + name);
            }
        }
    }

    /** What the services hold for the demo county after loading, and how long loading took. */
    public record Summary(long schools, long classes, long classes2025, long postings, int postingsBookedNow,
            int ratings, String selfEvaluationStatus, int writes, Duration took) {
    }

    /** A generated report and where to get its renderings. */
    public record Report(String id, String baseUrl) {

        public String url(String format) {
            return baseUrl + "/api/v1/reports/" + id + "?format=" + format;
        }
    }

    public record Outcome(Summary summary, Optional<Report> report) {
    }

    private final Config config;
    private final PrintStream out;
    private final DemoCounty.Place place;
    private final LoadSession session;
    private final RegistryLoader registry;
    private final LedgerLoader ledger;
    private final EvaluationLoader evaluations;
    private final ReportRequests reports;

    public DemoLoader(Config config, PrintStream out) {
        this(config, out, DemoCounty.Place.DEMO);
    }

    /** A loader of a county at {@code place} (a {@link DemoCounty#at moved} county), with tokens of its regions. */
    public DemoLoader(Config config, PrintStream out, DemoCounty.Place place) {
        this.config = config;
        this.out = out;
        this.place = place;
        this.session = new LoadSession(config.keyDirectory(), place, out, config.printTraces());
        this.registry = new RegistryLoader(session, config.registryUrl());
        this.ledger = new LedgerLoader(session, config.fundingUrl());
        this.evaluations = new EvaluationLoader(session, config.indicatorUrl());
        this.reports = new ReportRequests(session, config.reportUrl(),
                List.of(config.indicatorUrl(), config.registryUrl(), config.fundingUrl()), config.catchUpTimeout());
    }

    public static void main(String[] args) {
        DemoLoader loader;
        try {
            loader = new DemoLoader(Config.fromEnvironment(System.getenv()), System.out);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = loader.run();
            outcome.report().ifPresent(r -> {
                System.out.println("The 2025 report of " + DemoCounty.COUNTY + ":");
                for (String format : List.of("html", "docx", "pdf", "xlsx", "markdown", "json")) {
                    System.out.println("  " + r.url(format));
                }
            });
        } catch (Failure e) {
            System.err.println("Loading the demo county failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Loads the demo county, waits for the report service and asks for the report. */
    public Outcome run() {
        DemoCounty county = DemoCounty.generate();
        Summary summary = load(county);
        out.printf("Demo county %s loaded in %.1f s: %d schools, %d classes (%d in %d), %d postings (%d booked now), "
                + "%d ratings, self-evaluation %s.%n", place.county(), summary.took().toMillis() / 1000.0,
                summary.schools(), summary.classes(), summary.classes2025(), DemoCounty.REPORT_YEAR, summary.postings(),
                summary.postingsBookedNow(), summary.ratings(), summary.selfEvaluationStatus());
        Optional<Report> report = Optional.empty();
        if (awaitCaughtUp()) {
            if (summary.writes() == 0) {
                // nothing changed since a report was last generated: showing that one adds no duplicate snapshot
                report = latestReport(place.county(), DemoCounty.REPORT_YEAR);
                report.ifPresent(r -> out.println("The demo data was all there already: showing the newest report, " + r.id()
                        + " (POST /api/v1/reports makes a fresh one)."));
            }
            if (report.isEmpty()) {
                report = generateReport(place.county(), DemoCounty.REPORT_YEAR);
            }
        }
        return new Outcome(summary, report);
    }

    /** Loads everything, owner by owner; each step leaves alone what is there already. */
    public Summary load(DemoCounty county) {
        Instant started = Instant.now();
        session.resetWrites();
        registry.load(county);
        int booked = ledger.load(county);
        String status = evaluations.load(county, config.stage());
        Duration took = Duration.between(started, Instant.now());
        Map<Integer, Long> classes = registry.countClasses(DemoCounty.SCHOOL_YEARS);
        return new Summary(registry.countSchools(), classes.values().stream().mapToLong(Long::longValue).sum(),
                classes.getOrDefault(DemoCounty.REPORT_YEAR, 0L), ledger.countPostings(), booked, county.ratings().size(),
                status, session.writes(), took);
    }

    /** Waits until the report service has read every event of the owners ({@link ReportRequests#awaitCaughtUp}). */
    public boolean awaitCaughtUp() {
        return reports.awaitCaughtUp();
    }

    /** The newest final report of {@code region} and {@code year}, if the report service lists one. */
    Optional<Report> latestReport(String region, int year) {
        return reports.latestReport(region, year).map(id -> new Report(id, config.reportUrl()));
    }

    /**
     * Asks the report service for a new final report of {@code region} and {@code year}
     * ({@link ReportRequests#generateReport}); empty, with the reason printed, when it gives none.
     */
    public Optional<Report> generateReport(String region, int year) {
        return reports.generateReport(region, year).map(id -> new Report(id, config.reportUrl()));
    }
}
