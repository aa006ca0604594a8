package cn.eduduty.report.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.report.ReportGenerated;
import cn.eduduty.contracts.report.ReportKind;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.ConsistencyChecks;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Composes a report from the read model (a county's self-evaluation report, or a prefecture's or
 * province's roll-up over its counties) and, when asked to, stores it as an immutable snapshot and announces
 * it with ReportGenerated through the outbox, in one transaction.
 */
@ApplicationScoped
public class ReportGenerator {

    /**
     * How long composing and storing one report may take: a province's roll-up reads every county
     * below it (tens of seconds when its lines are not remembered), far beyond the default 60 s.
     */
    public static final int TIMEOUT_SECONDS = 600;
    /** The triggers of {@link #generate}: a deadline's job, or a caller's request. */
    static final List<String> TRIGGERS = List.of("DEADLINE", "ON_DEMAND");
    private static final List<RegionCode.Level> LEVELS = List.of(RegionCode.Level.COUNTY, RegionCode.Level.PREFECTURE,
            RegionCode.Level.PROVINCE);
    /** From a county's report (under a second) to a province's roll-up (up to the timeout). */
    private static final Duration[] GENERATION_BUCKETS = Stream
            .of(250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private static final Logger LOG = Logger.getLogger(ReportGenerator.class);

    private final FigureEngine engine;
    private final SnapshotStore store;
    private final Outbox outbox;
    private final SnapshotQueries queries;
    private final RollUpLines lines;
    private final Inbox inbox;
    private final ReadModelLag lag;
    private final MeterRegistry registry;

    ReportGenerator(FigureEngine engine, SnapshotStore store, Outbox outbox, SnapshotQueries queries,
            RollUpLines lines, Inbox inbox, ReadModelLag lag, MeterRegistry registry) {
        this.engine = engine;
        this.store = store;
        this.outbox = outbox;
        this.queries = queries;
        this.lines = lines;
        this.inbox = inbox;
        this.lag = lag;
        this.registry = registry;
    }

    /** Every kind, trigger and level from the start, so the series exist (at 0) before the first report. */
    void registerTimers(@Observes StartupEvent event) {
        for (ReportKind kind : ReportKind.values()) {
            for (String trigger : TRIGGERS) {
                LEVELS.forEach(level -> generationTimer(kind.name(), trigger, level));
            }
        }
    }

    /**
     * {@code eduduty.report.generation} (Prometheus {@code eduduty_report_generation_seconds}): composing
     * and storing a snapshot, by kind, trigger and level of region, with buckets up to the timeout.
     */
    private Timer generationTimer(String kind, String trigger, RegionCode.Level level) {
        return Timer.builder("eduduty.report.generation")
                .description("Time to compose and store a report snapshot")
                .tags("kind", kind, "trigger", trigger, "level", level.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(GENERATION_BUCKETS)
                .register(registry);
    }

    /**
     * The report's content as of now, not stored. It is read in a transaction of its own,
     * REPEATABLE READ and READ ONLY, so every figure, year, county and the as-of positions come from
     * one state of the read model even while events are being applied; the caller's transaction (a
     * deadline job's, holding its row lock) is suspended meanwhile.
     */
    public ReportContent compose(String region, int year, String kind, String generatedBy, Instant at,
            ReportOptions options) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            queries.readOneState();
            return composeNow(region, year, kind, generatedBy, at, options);
        });
    }

    private ReportContent composeNow(String region, int year, String kind, String generatedBy, Instant at,
            ReportOptions options) {
        LocalDate today = at.atZone(Wording.CHINA).toLocalDate();
        RegionCode.Level level = RegionCode.level(region);
        if (level == RegionCode.Level.TOWNSHIP) {
            throw ProblemException.invalid("region", "reports are written for a county, a prefecture or a province, "
                    + "not a township");
        }
        String regionName = queries.nameOf(region).orElseThrow(() -> ProblemException.notFound("Region", region
                + " (not in the read model: registered in the registry? see GET /api/v1/read-positions)"));
        Optional<RollUpLines.State> state = state();
        if (level == RegionCode.Level.COUNTY) {
            long t0 = System.nanoTime();
            FigureEngine.Book book = engine.compute(region, year, options.periods(), today);
            // the county's line in its prefecture's and province's roll-ups, in this state of the read model
            state.ifPresent(st -> lines.put(st.key(region, year, options.periods(), today),
                    ReportComposer.countyRow(book, ConsistencyChecks.run(book), regionName)));
            long t1 = System.nanoTime();
            ReportComposer.Signature signature = Signatures.county(book, regionName, at);
            List<NarrativeChecks.Statement> stated = NarrativeChecks.statements(book);
            long t2 = System.nanoTime();
            List<Check> checks = new ArrayList<>(ConsistencyChecks.run(book, stated));
            checks.addAll(Signatures.warnings(region, signature));
            long t3 = System.nanoTime();
            ReportContent content = ReportComposer.county(book, checks, stated, regionName, kind, at, generatedBy,
                    signature);
            LOG.debugf("report of %s/%d composed: figures %d ms, stated numbers %d ms, checks %d ms, document %d ms",
                    region, year, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000);
            return content;
        }
        List<ReportContent.CountyRow> counties = new ArrayList<>();
        for (String county : queries.countiesBelow(region)) {
            counties.add(line(county, year, options, today, state, () -> {
                FigureEngine.Book book = engine.compute(county, year, options.periods(), today);
                return ReportComposer.countyRow(book, ConsistencyChecks.run(book), name(county));
            }));
        }
        FigureEngine.Book book = engine.compute(region, year, options.periods(), today);
        ReportComposer.Signature signature = Signatures.rollUp(regionName, options, at);
        List<Check> checks = new ArrayList<>(ConsistencyChecks.run(book));
        checks.addAll(Signatures.warnings(region, signature));
        if (level == RegionCode.Level.PREFECTURE) {
            // the prefecture's line in its province's roll-up
            state.ifPresent(st -> lines.put(st.key(region, year, options.periods(), today),
                    ReportComposer.countyRow(book, List.of(), regionName)));
            return ReportComposer.prefecture(book, checks, regionName, counties, kind, at, generatedBy, signature);
        }
        // a province's prefectures: those with a county the read model knows, each computed from its own counts
        List<ReportContent.CountyRow> prefectures = new ArrayList<>();
        for (String prefecture : counties.stream().map(c -> RegionCode.parent(c.regionCode())).distinct().toList()) {
            ReportContent.CountyRow row = line(prefecture, year, options, today, state, () -> ReportComposer.countyRow(
                    engine.compute(prefecture, year, options.periods(), today), List.of(), name(prefecture)));
            prefectures.add(new ReportContent.CountyRow(row.regionCode(), row.regionName(), null, row.figures(),
                    counties.stream().filter(c -> RegionCode.within(c.regionCode(), prefecture))
                            .mapToInt(ReportContent.CountyRow::checksFailed).sum()));
        }
        return ReportComposer.province(book, checks, regionName, prefectures, counties, kind, at, generatedBy,
                signature);
    }

    /**
     * The state of the read model this transaction sees, by which roll-up lines are remembered:
     * the consumer's positions, the last completed resync and the number of parked events applied
     * again (each committed with its resolution); empty while a resync runs here (it rewrites rows
     * without moving the positions).
     */
    private Optional<RollUpLines.State> state() {
        if (lag.resyncRunning()) {
            return Optional.empty();
        }
        SnapshotQueries.Marks marks = queries.marks();
        return Optional.of(RollUpLines.State.of(inbox.positions(EventJournal.CONSUMER), marks.lastResync(),
                marks.reapplied()));
    }

    /** A region's roll-up line: the one computed in this very state of the read model, else {@code compute}. */
    private ReportContent.CountyRow line(String region, int year, ReportOptions options, LocalDate today,
            Optional<RollUpLines.State> state, Supplier<ReportContent.CountyRow> compute) {
        Optional<RollUpLines.Key> key = state.map(st -> st.key(region, year, options.periods(), today));
        Optional<ReportContent.CountyRow> known = key.flatMap(lines::get);
        if (known.isPresent()) {
            return known.get();
        }
        ReportContent.CountyRow line = compute.get();
        key.ifPresent(k -> lines.put(k, line));
        return line;
    }

    /**
     * Generates, stores and announces a snapshot, in the caller's transaction (a deadline job's) or
     * in one of its own, which may last {@value #TIMEOUT_SECONDS} s.
     */
    public SnapshotStore.Stored generate(String region, int year, String kind, String trigger, UUID deadlineId,
            String generatedBy, ReportOptions options) {
        if (QuarkusTransaction.isActive()) {
            return generateNow(region, year, kind, trigger, deadlineId, generatedBy, options);
        }
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                .call(() -> generateNow(region, year, kind, trigger, deadlineId, generatedBy, options));
    }

    private SnapshotStore.Stored generateNow(String region, int year, String kind, String trigger, UUID deadlineId,
            String generatedBy, ReportOptions options) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Timer.Sample sample = Timer.start(registry);
        long t0 = System.nanoTime();
        ReportContent content = compose(region, year, kind, generatedBy, at, options);
        long t1 = System.nanoTime();
        String json = ReportJson.write(content);
        LOG.debugf("report of %s/%d: composed in %d ms, written as %d characters of JSON in %d ms", region, year,
                (t1 - t0) / 1_000_000, json.length(), (System.nanoTime() - t1) / 1_000_000);
        int failed = (int) content.checks().stream().filter(c -> c.severity() == Check.Severity.ERROR).count();
        UUID frameworkId = content.framework() == null ? null : content.framework().id();
        SnapshotStore.Stored stored = new SnapshotStore.Stored(UUID.randomUUID(), region, content.regionName(), year,
                kind, trigger, deadlineId, frameworkId, json, ReportJson.hash(json), failed, at, generatedBy);
        store.insert(stored);
        outbox.publish(EventTypes.REPORT_GENERATED, "report", region + "/" + year, region,
                new ReportGenerated(stored.id(), region, year, kind, trigger, deadlineId, frameworkId,
                        stored.contentHash(), at, generatedBy), generatedBy);
        sample.stop(generationTimer(kind, trigger, RegionCode.level(region)));
        return stored;
    }

    private String name(String region) {
        return queries.nameOf(region).orElse(region);
    }
}
