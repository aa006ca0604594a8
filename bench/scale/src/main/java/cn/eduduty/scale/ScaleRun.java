package cn.eduduty.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.eduduty.launcher.Launcher;
import cn.eduduty.launcher.Launcher.Service;
import cn.eduduty.launcher.demo.DemoCounty;
import cn.eduduty.launcher.demo.DemoLoader;
import cn.eduduty.embedded.FreePort;
import cn.eduduty.embedded.PostgresServer;

/**
 * Deadline day at scale (bench/README.md, "Deadline day"). Starts the four packaged services as
 * {@code deploy/run} does, loads {@code --counties} synthetic counties (the demo county's shape,
 * each from its own seed, moved to its own codes: {@link DemoCounty#at}) through the owners' public
 * APIs into one province of {@code --per-prefecture}-county prefectures, waits until report-service
 * has applied every event, then:
 *
 * <ol>
 * <li><b>province burst</b>: a deadline over the province due a few seconds ahead; from due to every
 * FINAL snapshot and roll-up stored, per-report generation times, report-service's memory;</li>
 * <li><b>two replicas</b>: the province copied in report-service's read model by SQL to a second
 * province ({@link ReadModelCopy}), a second report-service process started on the same database,
 * the same burst over the copy; every report exactly once, and which replica made how many;</li>
 * <li><b>national burst</b> ({@code --national}): the read model filled by SQL copies to 2,844
 * counties more, in provinces of the same shape, and a deadline over each of those provinces due
 * at the same moment.</li>
 * </ol>
 * Prints one table; the data and logs stay in {@code bench/scale/target/run-<seed>/}. {@code --reuse}
 * starts the suite on that data again (as {@code deploy/run} restarts on {@code .run/}), skips the
 * load, and makes the province bursts over fresh SQL copies of the loaded province (94, 95: the
 * loaded one has its deadline of the year already), then the national burst if asked;
 * {@code --national-only} reuses the data for the national burst alone.
 */
public final class ScaleRun {

    static final String SOURCE_PROVINCE = "92";
    static final String REPLICA_PROVINCE = "93";
    static final int REPORT_YEAR = DemoCounty.REPORT_YEAR;
    static final int NATIONAL_COUNTIES = 2844;

    record Options(long seed, int counties, int perPrefecture, int loaders, boolean replicas, boolean national,
            boolean reuse, boolean nationalOnly, Path root) {
    }

    /** One burst: what a deadline over {@code regions} took. */
    record Burst(String name, int reports, int counties, double firstAfterDueS, double allAfterDueS,
            double countyP50Ms, double countyP99Ms, double prefectureP50Ms, double provinceMaxMs, long rssMb,
            long peakRssMb, Map<String, Integer> byReplica, int duplicates, int failed) {
    }

    private final Options options;
    private final PrintStream out;
    private final Path work;
    private Launcher launcher;
    private final List<String> table = new ArrayList<>();

    ScaleRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.work = options.root().resolve("bench/scale/target/run-" + options.seed());
    }

    public static void main(String[] args) throws Exception {
        long seed = 20261130L;
        int counties = 100;
        int perPrefecture = 10;
        int loaders = 4;
        boolean replicas = true;
        boolean national = false;
        boolean reuse = false;
        boolean nationalOnly = false;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--counties" -> counties = Integer.parseInt(args[++i]);
                case "--per-prefecture" -> perPrefecture = Integer.parseInt(args[++i]);
                case "--loaders" -> loaders = Integer.parseInt(args[++i]);
                case "--no-replicas" -> replicas = false;
                case "--national" -> national = true;
                case "--reuse" -> reuse = true;
                case "--national-only" -> {
                    reuse = true;
                    national = true;
                    nationalOnly = true;
                }
                case "--root" -> root = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench/scale/run [--seed N] [--counties 100] [--per-prefecture 10] "
                            + "[--loaders 4] [--no-replicas] [--national] [--reuse] [--national-only] [--root DIR]");
                    System.exit(2);
                }
            }
        }
        Options options = new Options(seed, counties, perPrefecture, loaders, replicas, national, reuse, nationalOnly,
                root.toAbsolutePath().normalize());
        System.exit(new ScaleRun(options, System.out).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        if (!options.reuse()) {
            deleteTree(work);
        }
        Files.createDirectories(work);
        launcher = new Launcher(options.root(), work, Launcher.SERVICES)
                // the owners' topics as in production (three partitions), and no rate limit on the
                // bench's own report requests; the deadline tick keeps its default
                .environment("EDUDUTY_OUTBOX_TOPIC_PARTITIONS", "3");
        boolean clean = true;
        try {
            Instant started = Instant.now();
            launcher.start();
            out.printf("[scale] suite ready after %.1f s%n", seconds(started));
            if (!options.reuse()) {
                Duration load = load();
                table.add(String.format(Locale.ROOT, "| load %d counties through the owners' APIs (%d loaders) | %.0f s | %.1f s a county |",
                        options.counties(), options.loaders(), load.toMillis() / 1000.0,
                        load.toMillis() / 1000.0 / options.counties() * options.loaders()));
            }
            try (Connection report = connect("report")) {
                out.printf("[scale] read model: %s%n", sizes(report));
                if (!options.reuse()) {
                    // the province loaded through the APIs, then its copy with two replicas
                    clean &= report(burst(report, List.of(SOURCE_PROVINCE + "0000"), "province burst, 1 replica"));
                    if (options.replicas()) {
                        clean &= twoReplicas(report, REPLICA_PROVINCE);
                    }
                } else if (!options.nationalOnly()) {
                    // its deadlines exist: fresh copies of the loaded province, one for each burst
                    copy(report, "94");
                    clean &= report(burst(report, List.of("940000"), "province burst (a copy), 1 replica"));
                    if (options.replicas()) {
                        clean &= twoReplicas(report, "95");
                    }
                }
                if (options.national()) {
                    Instant copying = Instant.now();
                    // a run over data that held a national burst already: its provinces have their 2025
                    // deadlines, so the copies go to provinces 10–38, and jobs an interrupted run left are dropped
                    int first = 40;
                    if (options.reuse()) {
                        try (var r = report.createStatement().executeQuery(
                                "SELECT count(*) FROM deadline WHERE region_code LIKE '4_0000'")) {
                            r.next();
                            first = r.getLong(1) > 0 ? 10 : 40;
                        }
                        report.createStatement().executeUpdate("UPDATE report_job SET state = 'FAILED', "
                                + "last_error = 'bench/scale: left by an interrupted run' WHERE state = 'PENDING'");
                    }
                    List<String> provinces = ReadModelCopy.national(report, SOURCE_PROVINCE, first, options.counties(),
                            NATIONAL_COUNTIES, out);
                    out.printf("[scale] %d counties in %d provinces copied in %.0f s; read model: %s%n",
                            NATIONAL_COUNTIES, provinces.size(), seconds(copying), sizes(report));
                    report.createStatement().execute("ANALYZE");
                    Burst national = burst(report, provinces.stream().map(p -> p + "0000").toList(),
                            "national burst (" + provinces.size() + " province deadlines), 1 replica");
                    clean &= report(national);
                }
            }
        } finally {
            launcher.stop();
        }
        out.println();
        out.println("| what | measured | per unit |");
        out.println("|---|---|---|");
        table.forEach(out::println);
        // a --reuse run adds its rows to those of the run that loaded the data
        Files.write(work.resolve("result.md"), table, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                options.reuse() ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        return clean;
    }

    private void copy(Connection report, String province) throws SQLException {
        Instant copying = Instant.now();
        ReadModelCopy.copy(report, SOURCE_PROVINCE, province, options.counties());
        report.createStatement().execute("ANALYZE");
        out.printf("[scale] province %s copied to %s0000 in %.1f s%n", SOURCE_PROVINCE, province, seconds(copying));
    }

    /** A copy of the loaded province, and a burst over it with a second report-service on the same database. */
    private boolean twoReplicas(Connection report, String province) throws Exception {
        copy(report, province);
        Process second = startSecondReplica();
        try {
            return report(burst(report, List.of(province + "0000"), "province burst, 2 replicas"));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    // ---------------------------------------------------------------- loading

    /** The place of the {@code i}-th county: prefecture {@code i / perPrefecture + 1}, county {@code i % perPrefecture + 1}. */
    static DemoCounty.Place place(String province, int i, int perPrefecture) {
        String prefecture = province + String.format("%02d", i / perPrefecture + 1) + "00";
        String county = prefecture.substring(0, 4) + String.format("%02d", i % perPrefecture + 1);
        return new DemoCounty.Place(province + "0000", "规模" + province + "省", prefecture,
                "规模" + prefecture.substring(0, 4) + "市", county, "规模" + county + "县");
    }

    private Duration load() throws Exception {
        Instant started = Instant.now();
        DemoLoader.Config config = DemoLoader.Config.local(work.resolve("keys"));
        PrintStream log = new PrintStream(Files.newOutputStream(work.resolve("load.log")), true, StandardCharsets.UTF_8);
        AtomicInteger done = new AtomicInteger();
        // the first county alone (it registers the province), then the first of each other prefecture
        // (each registers its prefecture and publishes its framework, which the other counties then find)
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 1; i < options.counties(); i++) {
            (i % options.perPrefecture() == 0 ? first : rest).add(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.loaders());
        try {
            for (List<Integer> wave : List.of(List.of(0), first, rest)) {
                List<Future<?>> running = new ArrayList<>();
                for (int i : wave) {
                    running.add(pool.submit(() -> {
                        DemoCounty.Place place = place(SOURCE_PROVINCE, i, options.perPrefecture());
                        DemoCounty county = DemoCounty.generate(options.seed() + i).at(place);
                        new DemoLoader(config, log, place).load(county);
                        int n = done.incrementAndGet();
                        if (n % 10 == 0 || n == options.counties()) {
                            out.printf("[scale] %d/%d counties loaded after %.0f s%n", n, options.counties(),
                                    seconds(started));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        Duration took = Duration.between(started, Instant.now());
        DemoLoader waiter = new DemoLoader(config, new PrintStream(OutputStream.nullOutputStream()),
                place(SOURCE_PROVINCE, 0, options.perPrefecture()));
        Instant waiting = Instant.now();
        if (!waiter.awaitCaughtUp()) {
            throw new IllegalStateException("report-service did not catch up with the load");
        }
        out.printf("[scale] loaded in %.0f s; report-service caught up %.1f s later%n", took.toMillis() / 1000.0,
                seconds(waiting));
        return took;
    }

    // ---------------------------------------------------------------- bursts

    /**
     * Registers a deadline over each of {@code regions} (as the provinces' reviewers) due 35 s
     * later, so that every replica's periodic tick (30 s) has seen it and set its timer, as for a
     * deadline set days ahead; waits until every job is done, and reads the jobs' times from
     * report-service's database.
     */
    private Burst burst(Connection db, List<String> regions, String name) throws Exception {
        Instant due = Instant.now().plusSeconds(35).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (String region : regions) {
            ids.add(registerDeadline(region, due));
        }
        out.printf("[scale] %s: %d deadline(s) due at %s%n", name, ids.size(), due);
        long peakRss = 0;
        Instant giveUp = due.plus(Duration.ofMinutes(options.national() ? 40 : 10));
        while (true) {
            Thread.sleep(500);
            peakRss = Math.max(peakRss, reportServiceRss().stream().mapToLong(r -> r[0]).max().orElse(0));
            long[] counts = jobCounts(db, ids);
            if (Instant.now().isAfter(due) && counts[0] > 0 && counts[1] == 0 && expanded(db, ids)) {
                break;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(name + ": jobs still pending after " + Duration.between(due, giveUp));
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                SELECT j.region_code, extract(epoch FROM j.started_at - d.due_at), extract(epoch FROM j.done_at - d.due_at),
                       extract(epoch FROM j.done_at - j.started_at) * 1000, j.state, s.generated_by,
                       (SELECT count(*) FROM report_snapshot o WHERE o.deadline_id = j.deadline_id
                                                              AND o.region_code = j.region_code AND o.kind = j.kind)
                FROM report_job j JOIN deadline d ON d.id = j.deadline_id
                LEFT JOIN report_snapshot s ON s.id = j.report_id
                WHERE j.deadline_id = ANY (?::uuid[]) AND j.kind = 'FINAL'""")) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            List<Double> county = new ArrayList<>();
            List<Double> prefecture = new ArrayList<>();
            double province = 0;
            double first = Double.MAX_VALUE;
            double last = 0;
            int reports = 0;
            int counties = 0;
            int duplicates = 0;
            int failed = 0;
            Map<String, Integer> byReplica = new TreeMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String region = r.getString(1);
                    if (!"DONE".equals(r.getString(5))) {
                        failed++;
                        continue;
                    }
                    reports++;
                    first = Math.min(first, r.getDouble(3));
                    last = Math.max(last, r.getDouble(3));
                    double ms = r.getDouble(4);
                    if (region.endsWith("0000")) {
                        province = Math.max(province, ms);
                    } else if (region.endsWith("00")) {
                        prefecture.add(ms);
                    } else {
                        county.add(ms);
                        counties++;
                    }
                    duplicates += r.getInt(7) - 1;
                }
            }
            byReplica.putAll(workedBy(db, ids));
            long rss = reportServiceRss().stream().mapToLong(x -> x[0]).max().orElse(0);
            return new Burst(name, reports, counties, first, last, percentile(county, 50), percentile(county, 99),
                    percentile(prefecture, 50), province, rss, peakRss, byReplica, duplicates, failed);
        }
    }

    private boolean report(Burst b) {
        out.printf(Locale.ROOT, "[scale] %s: %d reports (%d counties), first stored %.1f s after due, all %.1f s after due; "
                + "county p50 %.0f ms p99 %.0f ms; prefecture roll-up p50 %.0f ms; province roll-up %.0f ms; "
                + "report-service RSS %d MB (peak %d MB); by replica %s; %d duplicates, %d failed%n",
                b.name(), b.reports(), b.counties(), b.firstAfterDueS(), b.allAfterDueS(), b.countyP50Ms(),
                b.countyP99Ms(), b.prefectureP50Ms(), b.provinceMaxMs(), b.rssMb(), b.peakRssMb(), b.byReplica(),
                b.duplicates(), b.failed());
        table.add(String.format(Locale.ROOT, "| %s: %d reports (%d counties), due → all stored | %.1f s | first %.2f s after due |",
                b.name(), b.reports(), b.counties(), b.allAfterDueS(), b.firstAfterDueS()));
        table.add(String.format(Locale.ROOT, "| %s: generation per county report (p50 / p99) | %.0f / %.0f ms | prefecture roll-up p50 %.0f ms, province roll-up %.0f ms |",
                b.name(), b.countyP50Ms(), b.countyP99Ms(), b.prefectureP50Ms(), b.provinceMaxMs()));
        table.add(String.format(Locale.ROOT, "| %s: report-service RSS after (peak) | %d MB (%d MB) | %s; %d duplicates, %d failed |",
                b.name(), b.rssMb(), b.peakRssMb(), b.byReplica().size() > 1 ? "jobs by replica " + b.byReplica()
                        : "one replica", b.duplicates(), b.failed()));
        return b.duplicates() == 0 && b.failed() == 0;
    }

    private String registerDeadline(String region, Instant due) throws IOException, InterruptedException {
        String token = launcher.issuer().mint("scale-reviewer@" + region, "prefecture-reviewer", region,
                Duration.ofHours(2));
        String body = "{\"regionCode\":\"" + region + "\",\"reportYear\":" + REPORT_YEAR + ",\"dueAt\":\""
                + OffsetDateTime.ofInstant(due, ZoneOffset.ofHours(8)) + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                launcher.service("report-service").url() + "/api/v1/deadlines")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("deadline of " + region + ": " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body()).path("id").asText();
    }

    private static long[] jobCounts(Connection db, List<String> ids) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE state = 'PENDING') FROM report_job
                WHERE deadline_id = ANY (?::uuid[]) AND kind = 'FINAL'""")) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] { r.getLong(1), r.getLong(2) };
            }
        }
    }

    private static boolean expanded(Connection db, List<String> ids) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*) FROM deadline WHERE id = ANY (?::uuid[]) AND final_expanded_at IS NULL""")) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 0;
            }
        }
    }

    private static Map<String, Integer> workedBy(Connection db, List<String> ids) throws SQLException {
        Map<String, Integer> by = new TreeMap<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT coalesce(worked_by, '?'), count(*) FROM report_job WHERE deadline_id = ANY (?::uuid[])
                GROUP BY 1""")) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    by.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return by;
    }

    private Process startSecondReplica() throws Exception {
        Service first = launcher.service("report-service");
        Service second = new Service(first.name(), FreePort.find(), FreePort.find(), first.database());
        Process p = launcher.startInstance(second, "report-service-2", Map.of());
        HttpClient probe = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (!Launcher.isReady(probe, second)) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the second report-service did not start; see " + work.resolve("logs"));
            }
            Thread.sleep(300);
        }
        out.printf("[scale] second report-service ready on %s%n", second.url());
        return p;
    }

    /** Resident and peak resident memory (MB) of each report-service process. */
    private static List<long[]> reportServiceRss() {
        List<long[]> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(
                "report-service/target/quarkus-app/quarkus-run.jar")).forEach(p -> {
                    try {
                        long rss = 0;
                        long hwm = 0;
                        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (line.startsWith("VmRSS:")) {
                                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                            } else if (line.startsWith("VmHWM:")) {
                                hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                            }
                        }
                        found.add(new long[] { rss, hwm });
                    } catch (IOException e) {
                        // gone meanwhile
                    }
                });
        return found;
    }

    private Connection connect(String database) throws SQLException {
        PostgresServer.ServiceRoles roles = PostgresServer.ServiceRoles.of(database);
        Properties props = new Properties();
        props.setProperty("user", roles.owner());
        props.setProperty("password", roles.owner());
        return DriverManager.getConnection(launcher.jdbcUrl(database), props);
    }

    private static String sizes(Connection db) throws SQLException {
        try (ResultSet r = db.createStatement().executeQuery("""
                SELECT (SELECT count(*) FROM rm_region WHERE level = 'COUNTY'), (SELECT count(*) FROM rm_school),
                       (SELECT count(*) FROM rm_school_year), (SELECT count(*) FROM rm_posting),
                       (SELECT count(*) FROM rm_posting_line), pg_size_pretty(pg_database_size(current_database()))""")) {
            r.next();
            return String.format(Locale.ROOT, "%,d counties, %,d schools, %,d school years, %,d postings (%,d lines), %s",
                    r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getString(6));
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
