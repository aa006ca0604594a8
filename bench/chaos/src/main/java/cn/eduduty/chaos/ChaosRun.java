package cn.eduduty.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.launcher.Launcher;
import cn.eduduty.launcher.Launcher.Service;
import cn.eduduty.embedded.FreePort;
import cn.eduduty.embedded.KafkaAccess;
import cn.eduduty.embedded.KafkaBroker;
import cn.eduduty.embedded.PostgresServer;
import cn.eduduty.embedded.TokenIssuer;

/**
 * The fault-injection run (bench/README.md, "Crash-proof delivery"): the four packaged services on
 * one PostgreSQL and one KRaft broker (three partitions a topic), clients writing to every owner
 * with retries, SIGKILLs on a seeded plan, then an account of every write: in its owner exactly
 * once, in report-service's read model exactly once with the owner's values, in the reports, in
 * order. Exits 1 on any loss, duplicate or reorder.
 *
 * <p>Arguments: {@code [--seed N] [--short] [--writes N] [--clients N] [--root DIR]}.
 */
public final class ChaosRun {

    static final String PROVINCE = "970000";
    static final String PREFECTURE = "970100";
    static final String PREFIX = "97";
    static final int REPORT_YEAR = 2025;
    static final Duration CALM = Duration.ofSeconds(10);
    static final Set<String> OWNER_TOPICS = Set.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING);
    static final Map<String, String> OWNER_DATABASES = Map.of(
            "indicator-service", "indicator", "school-registry-service", "registry", "funding-service", "funding");

    /** How big a run is and what it does. */
    public record Options(long seed, boolean quick, int writes, int clients, Path root) {

        public static Options full(long seed, Path root) {
            return new Options(seed, false, 10_000, 8, root);
        }

        public static Options quick(long seed, Path root) {
            return new Options(seed, true, 1_000, 8, root);
        }
    }

    /** The run's account: what the table shows, and whether anything was lost, duplicated or reordered. */
    public record Result(long seed, boolean quick, int clients, Duration took, long acknowledged,
            Map<String, Integer> acknowledgedByKind, long gaveUp, long refused, long retries, long lost, long duplicated,
            long reordered, long versionSamples, long readModelRows, long readModelDifferent, long figures,
            long figuresDifferent, long parkedInjected, long parkedOther, long outboxUnsent, long outboxParked,
            String faults, Duration quietAfterLastFault, Duration quietAfterLastWrite, Latency underLoad, Latency calm,
            List<String> findings) {

        /** Nothing lost, doubled or reordered, nothing left behind, every service ready, and the versions were watched. */
        public boolean clean() {
            return lost == 0 && duplicated == 0 && reordered == 0 && refused == 0 && readModelDifferent == 0
                    && figuresDifferent == 0 && parkedOther == 0 && outboxUnsent == 0 && outboxParked == 0
                    && versionSamples > 0 && findings.stream().noneMatch(f -> f.startsWith("NOT READY"));
        }

        /** The results table, as bench/README.md records it. */
        public String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "%n| chaos run, seed %d%s, %d clients, %s in all | |%n|---|---|%n", seed,
                    quick ? " (short)" : "", clients, Faults.seconds(took)));
            row(t, "writes acknowledged", String.format(Locale.ROOT, "%,d (%s)", acknowledged, acknowledgedByKind.entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            row(t, "writes given up without an answer / refused", gaveUp + " / " + refused);
            row(t, "client retries", String.format(Locale.ROOT, "%,d", retries));
            row(t, "lost", Long.toString(lost));
            row(t, "duplicated", Long.toString(duplicated));
            row(t, "reordered", String.format(Locale.ROOT, "%d (read-model versions watched %,d times)", reordered,
                    versionSamples));
            row(t, "read-model rows compared with a resync / differing", String.format(Locale.ROOT, "%,d / %d", readModelRows,
                    readModelDifferent));
            row(t, "report figures and checks compared / differing", String.format(Locale.ROOT, "%,d / %d", figures,
                    figuresDifferent));
            row(t, "events parked (injected / other)", parkedInjected + " / " + parkedOther);
            row(t, "outbox unsent / parked", outboxUnsent + " / " + outboxParked);
            row(t, "faults injected", faults);
            row(t, "time to quiet after the last fault / after the last write", Faults.seconds(quietAfterLastFault) + " / "
                    + Faults.seconds(quietAfterLastWrite));
            row(t, "commit → read model outside the faults, under the clients' full load", underLoad.describe());
            row(t, "commit → read model in a calm phase after (one client, a write every 100 ms)", calm.describe());
            row(t, "verdict", clean() ? "nothing lost, nothing twice, nothing out of order" : "FAILED (see the findings above)");
            return t.toString();
        }

        private static void row(StringBuilder t, String name, String value) {
            t.append("| ").append(name).append(" | ").append(value).append(" |\n");
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Path work;
    private Launcher launcher;
    private TokenIssuer issuer;
    private Http http;
    private final List<RecordMetadata> injected = new ArrayList<>();
    private final AtomicLong retries = new AtomicLong();

    public ChaosRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.work = options.root().resolve("bench/chaos/target/run-" + options.seed());
    }

    public static void main(String[] args) throws Exception {
        long seed = System.currentTimeMillis() % 1_000_000;
        boolean quick = false;
        Integer writes = null;
        Integer clients = null;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--short" -> quick = true;
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench/chaos/run [--seed N] [--short] [--writes N] [--clients N] [--root DIR]");
                    System.exit(2);
                }
            }
        }
        root = root.toAbsolutePath().normalize();
        Options base = quick ? Options.quick(seed, root) : Options.full(seed, root);
        Options options = new Options(seed, quick, writes == null ? base.writes() : writes,
                clients == null ? base.clients() : clients, root);
        Result result = new ChaosRun(options, System.out).run();
        System.exit(result.clean() ? 0 : 1);
    }

    public Result run() throws Exception {
        Instant begun = Instant.now();
        List<Faults.Step> plan = options.quick() ? Faults.quick(options.seed()) : Faults.full(options.seed());
        out.printf("[chaos] seed %d (repeat with: bench/chaos/run --seed %d%s), %d writes from %d clients%n",
                options.seed(), options.seed(), options.quick() ? " --short" : "", options.writes(), options.clients());
        plan.forEach(s -> out.printf("[chaos]   after %s: %s%n", Faults.seconds(s.pauseBefore()), s.describe()));
        deleteTree(work);
        Files.createDirectories(work);
        List<Service> services = Launcher.SERVICES.stream()
                .map(s -> new Service(s.name(), FreePort.find(), FreePort.find(), s.database())).toList();
        launcher = new Launcher(options.root(), work, services)
                .environment("EDUDUTY_OUTBOX_TOPIC_PARTITIONS", "3")
                .environment("EDUDUTY_DEADLINES_EVERY", "off")
                .environment("EDUDUTY_REPORT_RATE_LIMIT_PER_REGION", "1000");
        Process scratch = null;
        Faults faults = new Faults(plan, suite(), out);
        Thread faultThread = new Thread(faults, "chaos-faults");
        try {
            launcher.start();
            issuer = launcher.issuer();
            http = new Http(Duration.ofSeconds(20));
            List<CountyClient> clients = setUp();

            Sampler sampler = new Sampler();
            Thread samplerThread = new Thread(sampler, "chaos-sampler");
            samplerThread.setDaemon(true);
            samplerThread.start();

            Instant workloadStart = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            List<Future<?>> running = new ArrayList<>();
            faultThread.start();
            for (CountyClient c : clients) {
                running.add(pool.submit(() -> c.run(() -> faults.failure != null
                        || (faults.done && total(clients) >= options.writes()), Duration.ZERO)));
            }
            Thread progress = progress(clients, faults);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            progress.interrupt();
            faultThread.join();
            Instant workloadEnd = Instant.now();
            out.printf("[chaos] workload done after %s: %d writes acknowledged%n",
                    Faults.seconds(Duration.between(workloadStart, workloadEnd)), total(clients));

            Instant quiet = awaitQuiet(Duration.ofMinutes(5));

            // then a calm phase: one client, a write every 100 ms, nothing killed, no backlog
            Instant calmStart = Instant.now();
            clients.get(0).run(() -> Duration.between(calmStart, Instant.now()).compareTo(CALM) >= 0, Duration.ofMillis(100));
            awaitQuiet(Duration.ofMinutes(1));
            sampler.stop = true;
            samplerThread.join();
            List<String> findings = new ArrayList<>(faults.findings);
            // once quiet, every service says it is ready again: restarted pools, relays and consumers
            HttpClient probe = HttpClient.newHttpClient();
            for (Service s : launcher.services()) {
                if (!Launcher.isReady(probe, s)) {
                    findings.add("NOT READY after the run: " + s.name());
                }
            }

            // owners against the clients' ledgers
            long lost = 0;
            long duplicated = 0;
            long refused = 0;
            long gaveUp = 0;
            Http reader = new Http(Duration.ofSeconds(60));
            for (CountyClient c : clients) {
                CountyClient.OwnerCheck check = c.checkOwners(reader);
                lost += check.lost;
                duplicated += check.duplicated;
                refused += c.refused.get() + check.unexpected;
                gaveUp += c.gaveUp.get();
                findings.addAll(check.findings);
                findings.addAll(c.refusals);
            }

            // the read model against a resync of the owners into a scratch read model
            Service scratchService = new Service("report-service", FreePort.find(), FreePort.find(), "report_scratch");
            scratch = startScratch(scratchService);
            ReadModelCheck.Result readModel;
            try (Connection built = connect("report"); Connection expected = connect("report_scratch")) {
                readModel = ReadModelCheck.compare(built, expected, PREFIX);
            }
            findings.addAll(readModel.findings);
            lost += readModel.missing;
            duplicated += readModel.extra;
            long reordered = sampler.regressions.get() + readModel.older;
            findings.addAll(sampler.findings);

            // the reports of each county from both read models, figure by figure
            long[] figures = compareReports(clients, launcher.service("report-service"), scratchService, findings);

            // what is left in the outboxes (the reports just generated published events: a moment
            // for report-service's relay to send them) and parked on the consumer side
            long[] outboxes = outboxes();
            Instant drained = Instant.now().plusSeconds(30);
            while (outboxes[0] > 0 && Instant.now().isBefore(drained)) {
                Thread.sleep(200);
                outboxes = outboxes();
            }
            long unsent = outboxes[0];
            long outboxParked = outboxes[1];
            long[] parked = parked(findings);
            Latency latency = latency(faults.windows, workloadStart, workloadEnd);
            Latency calm = latency(List.of(), calmStart, Instant.now());

            String faultsText = faults.brokerKills + " broker, " + faults.postgresKills + " PostgreSQL, " + faults.serviceKills
                    + " service SIGKILLs; " + faults.badEvents + " bad events";
            Map<String, Integer> byKind = new TreeMap<>();
            clients.forEach(c -> c.acknowledgedByKind.forEach((k, v) -> byKind.merge(k, v, Integer::sum)));
            if (sampler.failure != null) {
                findings.add("the read-model versions stopped being watched: " + sampler.failure);
            }
            Result result = new Result(options.seed(), options.quick(), clients.size(), Duration.between(begun, Instant.now()),
                    total(clients), byKind, gaveUp, refused, retries.get(), lost, duplicated, reordered, sampler.samples,
                    readModel.rows, readModel.missing + readModel.extra + readModel.different, figures[0], figures[1],
                    parked[0], parked[1], unsent, outboxParked, faultsText,
                    Duration.between(faults.lastRecovered(), quiet), Duration.between(workloadEnd, quiet), latency, calm,
                    findings);
            findings.stream().limit(60).forEach(f -> out.println("[chaos] " + f));
            out.println(result.table());
            if (faults.failure != null) {
                throw new IllegalStateException("a fault could not be carried out", faults.failure);
            }
            return result;
        } finally {
            // an abandoned run must not leave a fault half done, or restart something after the stop
            faults.stop();
            faultThread.interrupt();
            faultThread.join(TimeUnit.MINUTES.toMillis(3));
            if (scratch != null) {
                scratch.destroy();
                scratch.waitFor(20, TimeUnit.SECONDS);
            }
            launcher.stop();
            out.println("[chaos] logs of the run: " + work.resolve("logs"));
        }
    }

    private static long total(List<CountyClient> clients) {
        return clients.stream().mapToLong(c -> c.acknowledged.get()).sum();
    }

    private Thread progress(List<CountyClient> clients, Faults faults) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    out.printf("[chaos] %s %d writes acknowledged, %d given up, faults %s%n", Instant.now(), total(clients),
                            clients.stream().mapToLong(c -> c.gaveUp.get()).sum(), faults.done ? "done" : "running");
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "chaos-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ set-up

    private List<CountyClient> setUp() throws Exception {
        String system = issuer.mint("chaos-admin@" + PROVINCE, "system", PROVINCE, Duration.ofHours(8));
        String reviewer = issuer.mint("chaos-reviewer@" + PREFECTURE, "prefecture-reviewer", PREFECTURE, Duration.ofHours(8));
        String registry = launcher.service("school-registry-service").url();
        Retrying once = new Retrying(Duration.ofSeconds(60), new SplittableRandom(options.seed()), new AtomicLong());
        List<String[]> regions = new ArrayList<>();
        regions.add(new String[] { PROVINCE, "混沌演练省", null });
        regions.add(new String[] { PREFECTURE, "混沌演练市", PROVINCE });
        for (int i = 1; i <= options.clients(); i++) {
            String county = county(i);
            regions.add(new String[] { county, "混沌演练第" + i + "县", PREFECTURE });
            regions.add(new String[] { CountyClient.township(county), "混沌演练第" + i + "县城关镇", county });
        }
        for (String[] r : regions) {
            ObjectNode body = Http.object().put("name", r[1]).put("validFrom", "2000-01-01");
            if (r[2] != null) {
                body.put("parentCode", r[2]);
            }
            Http.Reply reply = once.call(() -> http.put(registry + "/api/v1/regions/" + r[0], system, body, null));
            if (reply.status() != 201 && reply.status() != 428) {
                throw new IllegalStateException("region " + r[0] + ": " + reply.describe());
            }
        }
        String indicator = launcher.service("indicator-service").url();
        ObjectNode framework = Http.object().put("code", "CHAOS-" + PREFECTURE + "-" + REPORT_YEAR)
                .put("name", "混沌演练市" + REPORT_YEAR + "年县级人民政府履行教育职责评价指标体系").put("evaluationYear", REPORT_YEAR)
                .put("issuer", "混沌演练市人民政府教育督导室").put("regionCode", PREFECTURE);
        Http.Reply created = once.call(() -> http.post(indicator + "/api/v1/templates/national/frameworks", reviewer,
                framework, Map.of()));
        if (created.status() != 201) {
            throw new IllegalStateException("framework: " + created.describe());
        }
        String frameworkId = created.json().path("id").asText();
        String version = created.json().path("version").asText();
        Http.Reply published = once.call(() -> http.post(indicator + "/api/v1/frameworks/" + frameworkId + "/publication", reviewer,
                null, Map.of("If-Match", "\"" + version + "\"")));
        if (published.status() != 200) {
            throw new IllegalStateException("publish the framework: " + published.describe());
        }
        CountyClient.Endpoints endpoints = new CountyClient.Endpoints(registry, launcher.service("funding-service").url(),
                indicator, frameworkId);
        List<CountyClient> clients = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(options.seed());
        for (int i = 1; i <= options.clients(); i++) {
            String county = county(i);
            String editor = issuer.mint("chaos-editor@" + county, "county-editor", county, Duration.ofHours(8));
            clients.add(new CountyClient(county, i, endpoints, http, Duration.ofSeconds(120), seeds.nextLong(), retries,
                    editor, reviewer));
        }
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> done = new ArrayList<>();
        clients.forEach(c -> done.add(pool.submit(c::setUp)));
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        out.printf("[chaos] %d counties set up in %s (schools, school years, fiscal contexts, rated self-evaluations)%n",
                clients.size(), Faults.seconds(Duration.between(started, Instant.now())));
        awaitQuiet(Duration.ofMinutes(3));
        return clients;
    }

    static String county(int i) {
        return PREFECTURE.substring(0, 4) + String.format("%02d", i);
    }

    // ------------------------------------------------------------------ the suite, for the faults

    private Faults.Suite suite() {
        return new Faults.Suite() {
            @Override
            public Launcher launcher() {
                return launcher;
            }

            @Override
            public int publishBadEvents() {
                return ChaosRun.this.publishBadEvents();
            }

            @Override
            public int appliedLastSecond() {
                try (Connection c = connect("report"); PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM processed_event WHERE processed_at > now() - interval '1 second'");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                } catch (SQLException e) {
                    return -1;
                }
            }
        };
    }

    /** Events unsent and events parked (refused by Kafka for good) in the four services' outboxes. */
    private long[] outboxes() throws SQLException {
        long unsent = 0;
        long parked = 0;
        for (String db : List.of("indicator", "registry", "funding", "report")) {
            try (Connection c = connect(db); PreparedStatement s = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),
                           count(*) FILTER (WHERE failed_at IS NOT NULL)
                    FROM outbox""");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                unsent += rs.getLong(1);
                parked += rs.getLong(2);
            }
        }
        return new long[] { unsent, parked };
    }

    /**
     * Onto each owner topic, as the administrator (who may write anywhere): a record that is not
     * a CloudEvents envelope, and a well-formed event of that topic whose source is another owner.
     */
    private int publishBadEvents() {
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(KafkaAccess.ADMIN));
        p.put("acks", "all");
        p.put("delivery.timeout.ms", 60_000);
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String topic : OWNER_TOPICS.stream().sorted().toList()) {
                String county = county(1 + sent % options.clients());
                injected.add(producer.send(new ProducerRecord<>(topic, county, "{\"specversion\": \"1.0\", \"id\": truncated"))
                        .get(60, TimeUnit.SECONDS));
                EventType<?> type = EventTypes.ALL.stream().filter(t -> t.topic().equals(topic)).findFirst().orElseThrow();
                CloudEvent sample = EventJson.read(EventJson.goldenSample(type));
                String foreign = OWNER_TOPICS.stream().filter(t -> !t.equals(topic)).sorted().findFirst()
                        .flatMap(Topics::ownerSource).orElseThrow();
                CloudEvent forged = new CloudEvent(sample.specversion(), UUID.randomUUID().toString(), foreign, sample.type(),
                        sample.subject(), Instant.now(), sample.datacontenttype(), sample.dataschema(), county, sample.data());
                injected.add(producer.send(new ProducerRecord<>(topic, county, EventJson.write(forged))).get(60, TimeUnit.SECONDS));
                sent += 2;
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the bad events", e);
        }
        return sent;
    }

    // ------------------------------------------------------------------ quiet

    /**
     * Waits until every owner's outbox is sent and report-service's consumer group has committed
     * the end of every partition of the owner topics; answers when.
     */
    private Instant awaitQuiet(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plusSeconds(5);
        String last = "";
        Properties p = new Properties();
        p.putAll(KafkaBroker.clientProperties(KafkaAccess.ADMIN));
        try (Admin admin = Admin.create(p)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    long unsent = 0;
                    for (String db : OWNER_DATABASES.values()) {
                        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
                                ResultSet rs = s.executeQuery()) {
                            rs.next();
                            unsent += rs.getLong(1);
                        }
                    }
                    long behind = consumerLag(admin);
                    if (unsent == 0 && behind == 0) {
                        return Instant.now();
                    }
                    last = unsent + " events unsent, " + behind + " not yet consumed";
                } catch (Exception e) {
                    last = e.toString();
                }
                if (Instant.now().isAfter(nextReport)) {
                    out.printf("[chaos] %s waiting for quiet: %s%n", Instant.now(), last);
                    nextReport = Instant.now().plusSeconds(5);
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("not quiet after " + timeout.toSeconds() + " s: " + last);
    }

    private static long consumerLag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(OWNER_TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            d.partitions().forEach(part -> latest.put(new TopicPartition(d.name(), part.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("report-service")
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long behind = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            behind += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return behind;
    }

    // ------------------------------------------------------------------ the expected read model

    private Process startScratch(Service s) throws Exception {
        launcher.postgres().createServiceDatabase(s.database(), PostgresServer.ServiceRoles.of(s.database()));
        Process p = launcher.startInstance(s, "report-service-scratch", Map.of(
                "EDUDUTY_INBOX_ENABLED", "false",
                "EDUDUTY_OUTBOX_RELAY_ENABLED", "false",
                "EDUDUTY_DEADLINES_EVERY", "off"));
        try {
            HttpClient probe = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(180);
            while (!Launcher.isReady(probe, s)) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the scratch report-service did not start; see " + work.resolve("logs"));
                }
                Thread.sleep(300);
            }
            String system = issuer.mint("chaos-admin@" + PROVINCE, "system", PROVINCE, Duration.ofHours(1));
            Http slow = new Http(Duration.ofMinutes(5));
            Http.Reply resync = slow.post(s.url() + "/api/v1/read-model/resync", system, Http.object().put("region", PREFECTURE),
                    Map.of());
            if (!resync.ok()) {
                throw new IllegalStateException("resync into the scratch read model: " + resync.describe());
            }
            out.printf("[chaos] scratch read model resynchronised from the owners: %s%n", resync.json().path("read"));
            return p;
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Figures compared and figures that differ, over every county's report from both read models. */
    private long[] compareReports(List<CountyClient> clients, Service main, Service scratch, List<String> findings) {
        String system = issuer.mint("chaos-admin@" + PROVINCE, "system", PROVINCE, Duration.ofHours(1));
        Http slow = new Http(Duration.ofMinutes(2));
        long compared = 0;
        long different = 0;
        for (CountyClient c : clients) {
            JsonNode built = report(slow, main, c.county, system);
            JsonNode expected = report(slow, scratch, c.county, system);
            Map<String, JsonNode> have = figures(built);
            Map<String, JsonNode> want = figures(expected);
            for (Map.Entry<String, JsonNode> e : want.entrySet()) {
                compared++;
                JsonNode h = have.get(e.getKey());
                if (h == null || !h.equals(e.getValue())) {
                    different++;
                    if (different <= 20) {
                        findings.add("REPORT " + c.county + " figure " + e.getKey() + ": from the events " + h
                                + ", after a resync " + e.getValue());
                    }
                }
            }
            for (String key : have.keySet()) {
                if (!want.containsKey(key)) {
                    different++;
                    findings.add("REPORT " + c.county + " figure " + key + " only in the report from the events");
                }
            }
        }
        return new long[] { compared, different };
    }

    private static JsonNode report(Http http, Service s, String county, String token) {
        ObjectNode body = Http.object().put("region", county).put("year", REPORT_YEAR).put("kind", "DRAFT");
        Http.Reply created = http.post(s.url() + "/api/v1/reports", token, body, Map.of());
        if (created.status() != 201) {
            throw new IllegalStateException("report of " + county + " from " + s.url() + ": " + created.describe());
        }
        Http.Reply content = http.get(s.url() + "/api/v1/reports/" + created.json().path("id").asText() + "?format=json", token);
        if (!content.ok()) {
            throw new IllegalStateException("report content: " + content.describe());
        }
        return content.json();
    }

    /**
     * Every figure of a report (this year's and the earlier years'), the checks and the
     * self-evaluation it reports on, by key; without {@code asOf}, the read positions, which a
     * resync-built read model does not have.
     */
    private static Map<String, JsonNode> figures(JsonNode report) {
        Map<String, JsonNode> figures = new TreeMap<>();
        report.path("figures").forEach(f -> figures.put(f.path("key").asText(), withoutPosition(f)));
        report.path("earlierYears").forEach(y -> y.path("figures").forEach(f -> figures.put(y.path("year").asText() + "/"
                + f.path("key").asText(), withoutPosition(f))));
        int i = 0;
        for (JsonNode check : report.path("checks")) {
            figures.put("check/" + (i++), check);
        }
        figures.put("evaluation", report.path("evaluation"));
        return figures;
    }

    private static JsonNode withoutPosition(JsonNode figure) {
        ObjectNode copy = figure.deepCopy();
        copy.remove("asOf");
        return copy;
    }

    // ------------------------------------------------------------------ parked events and latency

    /** Parked events: those injected, and any other (an event that should have been applied). */
    private long[] parked(List<String> findings) throws SQLException {
        Set<String> expected = injected.stream().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .collect(Collectors.toSet());
        long matched = 0;
        long other = 0;
        try (Connection c = connect("report"); PreparedStatement s = c.prepareStatement(
                "SELECT topic, partition_no, record_offset, reason FROM parked_event WHERE resolved_at IS NULL");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String at = rs.getString(1) + "-" + rs.getInt(2) + "@" + rs.getLong(3);
                if (expected.contains(at)) {
                    matched++;
                } else {
                    other++;
                    findings.add("PARKED (not injected): " + at + " " + rs.getString(4));
                }
            }
        }
        if (matched < expected.size()) {
            findings.add("NOT PARKED: " + (expected.size() - matched) + " of the " + expected.size() + " injected bad events");
            other += expected.size() - matched;
        }
        return new long[] { matched, other };
    }

    /** Medians and 99th percentiles of commit → read model, over so many events. */
    public record Latency(Duration p50, Duration p99, long samples) {

        String describe() {
            return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms (%,d events)", p50.toMillis(), p99.toMillis(), samples);
        }
    }

    /**
     * From an event's outbox timestamp (its owner's transaction) to report-service's application of
     * it, for every event committed between {@code from} and {@code to} whose journey touched no
     * fault window.
     */
    private Latency latency(List<Faults.Window> windows, Instant from, Instant to) throws SQLException {
        Map<String, Instant> applied = new HashMap<>();
        try (Connection c = connect("report"); PreparedStatement s = c.prepareStatement(
                "SELECT event_id::text, processed_at FROM processed_event"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        List<Long> millis = new ArrayList<>();
        for (String db : OWNER_DATABASES.values()) {
            try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(
                    "SELECT id::text, \"timestamp\" FROM outbox WHERE region_code LIKE '" + PREFIX + "%'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant committed = rs.getTimestamp(2).toInstant();
                    Instant at = applied.get(rs.getString(1));
                    if (at == null || committed.isBefore(from) || committed.isAfter(to)) {
                        continue;
                    }
                    boolean touched = windows.stream().anyMatch(w -> !at.isBefore(w.start())
                            && !committed.isAfter(w.recovered().plusSeconds(5)));
                    if (!touched) {
                        millis.add(Duration.between(committed, at).toMillis());
                    }
                }
            }
        }
        if (millis.isEmpty()) {
            return new Latency(Duration.ZERO, Duration.ZERO, 0);
        }
        millis.sort(null);
        return new Latency(Duration.ofMillis(millis.get(millis.size() / 2)),
                Duration.ofMillis(millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1))),
                millis.size());
    }

    /**
     * Watches the versioned rows of the read model while the run goes on: a row whose version
     * goes down was overwritten by an older event.
     */
    private final class Sampler implements Runnable {
        volatile boolean stop;
        final AtomicLong regressions = new AtomicLong();
        final List<String> findings = new CopyOnWriteArrayList<>();
        private final Map<String, Long> highest = new ConcurrentHashMap<>();
        volatile long samples;
        volatile Throwable failure;

        @Override
        public void run() {
            String sql = """
                    SELECT 'school-year ' || school_code || '/' || school_year, version
                    FROM rm_school_year WHERE county_code LIKE '%1$s%%'
                    UNION ALL SELECT 'fiscal-context ' || region_code || '/' || fiscal_year, version
                    FROM rm_fiscal_context WHERE region_code LIKE '%1$s%%'
                    UNION ALL SELECT 'self-evaluation ' || id, version
                    FROM rm_self_evaluation WHERE region_code LIKE '%1$s%%'
                    UNION ALL SELECT 'rating ' || r.self_evaluation_id || '/' || r.indicator_code, r.version
                    FROM rm_rating r JOIN rm_self_evaluation e ON e.id = r.self_evaluation_id
                    WHERE e.region_code LIKE '%1$s%%'
                    """.formatted(PREFIX);
            while (!stop) {
                try (Connection c = connect("report"); PreparedStatement s = c.prepareStatement(sql)) {
                    while (!stop) {
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                String key = rs.getString(1);
                                long version = rs.getLong(2);
                                Long before = highest.put(key, version);
                                if (before != null && version < before) {
                                    regressions.incrementAndGet();
                                    findings.add("REORDERED " + key + ": version " + version + " after " + before);
                                    highest.put(key, before);
                                }
                            }
                        }
                        samples++;
                        Thread.sleep(250);
                    }
                } catch (SQLException e) {
                    Retrying.sleep(500); // PostgreSQL is down: look again when it is back
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    private Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", PostgresServer.SUPERUSER);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(launcher.jdbcUrl(database), p);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
