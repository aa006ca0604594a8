package cn.eduduty.report.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.eduduty.contracts.Topics;
import cn.eduduty.formulas.registry.RegionData;
import cn.eduduty.formulas.registry.RegistryFigure;
import cn.eduduty.formulas.registry.RegistryStatistics;
import cn.eduduty.formulas.registry.SchoolFacts;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.report.snapshot.Wording;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Computes every figure a report for evaluation year Y needs, each on its own period
 * (../shared/domain.md §5, {@link ReportPeriods}): stock figures on the stock school year,
 * completion figures (巩固率) on the school year that ended in the summer of Y, entrance figures
 * (普职比) on the autumn intake, the funding rules on the last closed fiscal year against the one
 * before it, and the ratings on Y. The same is computed for the two periods before each (the
 * three-period comparison), and the money of Y booked so far as a labelled part year that is never
 * compared. The county's own facts (senior-secondary entrance, teacher recruitment, training
 * institutions) join the registry figures: 普职比 from the recorded entrance when there is one.
 * Every figure carries its period, sources and the read position of its source service.
 * Reads join the caller's transaction; {@code ReportGenerator.compose} makes that one REPEATABLE
 * READ transaction, so the figures are of one consistent state of the read model.
 */
@ApplicationScoped
public class FigureEngine {

    /** How many periods a report compares (the evaluated one and up to two before it). */
    public static final int YEARS = 3;

    /** Registry figures evaluated on the completed school year rather than the stock one. */
    static final Set<String> COMPLETION = Set.of("registry.primary.consolidation_rate",
            "registry.junior.consolidation_rate");

    /** Registry figures evaluated on the autumn intake. */
    static final Set<String> ENTRANCE = Set.of("registry.senior.vocational_entrant_share",
            "registry.senior.general_vocational_ratio");

    private final RegistryInputs registry;
    private final FundingInputs funding;
    private final EvaluationInputs evaluations;
    private final Inbox inbox;
    private final PeriodDefaults defaults;
    private final CountyFactsInputs countyFacts;

    FigureEngine(RegistryInputs registry, FundingInputs funding, EvaluationInputs evaluations, Inbox inbox,
            PeriodDefaults defaults, CountyFactsInputs countyFacts) {
        this.countyFacts = countyFacts;
        this.registry = registry;
        this.funding = funding;
        this.evaluations = evaluations;
        this.inbox = inbox;
        this.defaults = defaults;
    }

    /**
     * The figures of one step of the comparison: step 0 is the evaluated periods, step 1 each period
     * one year before, and so on. {@code year} is the evaluation year the step stands for.
     */
    public record YearFigures(int year, List<Figure> registry, List<Figure> funding) {

        public Optional<Figure> find(String key) {
            return registry.stream().filter(f -> f.key().equals(key)).findFirst()
                    .or(() -> funding.stream().filter(f -> f.key().equals(key)).findFirst());
        }
    }

    /**
     * Everything computed for a report.
     *
     * @param periods            the periods evaluated
     * @param years              the evaluated periods first, then the steps before them
     * @param yearToDate         money of the evaluation year booked so far (a labelled part year), if any
     * @param closedWithStudents schools that reported students for the stock school year but were not open on 1 September
     * @param entrantWarnings    schools whose grade-10 entrants of the evaluated intake exceed their grade-10 students, in words
     * @param schoolsReported    per school year, how many schools reported for it
     * @param postings           per fiscal year, how many postings it has
     * @param positions          the read position of each topic partition when the figures were read
     */
    public record Book(String region, int year, ReportPeriods periods, Optional<Evaluation> evaluation,
            List<Figure> ratings, List<YearFigures> years, List<Figure> yearToDate, List<String> closedWithStudents,
            List<String> entrantWarnings, Map<Integer, Integer> schoolsReported, Map<Integer, Long> postings, List<Inbox.Position> positions) {

        public YearFigures current() {
            return years.get(0);
        }

        /** Every figure of the evaluated periods: ratings, registry, funding, and the part year. */
        public List<Figure> all() {
            List<Figure> all = new ArrayList<>(ratings);
            all.addAll(current().registry());
            all.addAll(current().funding());
            all.addAll(yearToDate);
            return all;
        }

        public Optional<Figure> find(String key) {
            return all().stream().filter(f -> f.key().equals(key)).findFirst();
        }
    }

    /** The figures of evaluation year {@code year} on the default periods, the part year as of now. */
    @Transactional
    public Book compute(String region, int year) {
        return compute(region, year, ReportPeriods.Choice.DEFAULTS, LocalDate.now(Wording.CHINA));
    }

    /**
     * The figures of evaluation year {@code year} on the chosen periods (defaults for those not
     * chosen); money of the year booked through {@code asOf} is quoted as a part year.
     */
    @Transactional
    public Book compute(String region, int year, ReportPeriods.Choice choice, LocalDate asOf) {
        List<Inbox.Position> positions = inbox.positions(EventJournal.CONSUMER);
        Map<String, String> positionByTopic = asOf(positions);
        ReportPeriods.Choice chosen = ReportPeriods.Choice.orDefaults(choice);
        int completed = Optional.ofNullable(chosen.completedSchoolYear()).orElse(year + defaults.completedSchoolYearOffset());
        int entrance = Optional.ofNullable(chosen.entranceYear()).orElse(year + defaults.entranceYearOffset());
        int fiscal = Optional.ofNullable(chosen.fiscalYear()).orElse(year + defaults.fiscalYearOffset());
        int stock = Optional.ofNullable(chosen.schoolYear()).orElse(year + defaults.schoolYearOffset());

        // every school year any kind needs, read at once: the three steps of each kind, the year before
        // the stock year (its fallback), and the school years of the four fiscal years the three
        // funding comparisons divide by (one more step than the others)
        Set<Integer> schoolYears = new TreeSet<>();
        for (int step = 0; step <= YEARS; step++) {
            schoolYears.add(stock - step);
            schoolYears.add(stock - step - 1);
            schoolYears.add(completed - step);
            schoolYears.add(entrance - step);
            // per-student figures of fiscal year F divide by the students of school year F
            schoolYears.add(fiscal - step);
        }
        long t0 = System.nanoTime();
        Map<Integer, RegistryInputs.Read> reads = registry.read(region, schoolYears);
        long t1 = System.nanoTime();
        boolean fallback = false;
        if (chosen.schoolYear() == null && defaults.schoolYearFallback() && !reads.get(stock).data().hasDataFor(stock)
                && reads.get(stock - 1).data().hasDataFor(stock - 1)) {
            stock--;
            fallback = true;
        }
        ReportPeriods periods = new ReportPeriods(year, stock, fallback, completed, entrance, fiscal);

        Map<Integer, List<RegistryFigure>> statistics = new TreeMap<>();
        String registryAsOf = positionByTopic.get(Topics.REGISTRY);
        String fundingAsOf = positionByTopic.get(Topics.FUNDING);
        List<Integer> fiscalRange = new ArrayList<>();
        for (int f = fiscal - YEARS; f <= fiscal; f++) {
            fiscalRange.add(f);
        }
        Map<Integer, FundingYear> fiscalYears = funding.read(region, fiscalRange,
                y -> studentsByStage(reads.get(y).data(), y));
        long t2 = System.nanoTime();
        CountyFacts facts = countyFacts.read(region);
        long t3 = System.nanoTime();
        List<YearFigures> years = new ArrayList<>();
        for (int step = 0; step < YEARS; step++) {
            List<Figure> registryFigures = new ArrayList<>();
            for (var f : statistics(statistics, reads, stock - step)) {
                if (!COMPLETION.contains(f.key()) && !ENTRANCE.contains(f.key())) {
                    registryFigures.add(fromRegistry(f, region, stock - step, registryAsOf).in(Period.schoolYear(stock - step)));
                }
            }
            for (var f : statistics(statistics, reads, completed - step)) {
                if (COMPLETION.contains(f.key())) {
                    registryFigures.add(fromRegistry(f, region, completed - step, registryAsOf)
                            .in(Period.completedSchoolYear(completed - step)));
                }
            }
            // entrance figures come from the county's recorded senior-secondary entrance (with entrants to
            // vocational schools outside the county), else from its schools' grade-10 flows; recruitment and
            // training institutions are of the evaluation year
            int intake = entrance - step;
            int calendar = year - step;
            for (Figure f : CountyFactFigures.compute(facts, intake, calendar,
                    reads.get(intake).data().schoolYearsOf(intake))) {
                boolean ofIntake = ENTRANCE.contains(f.key()) || f.key().startsWith("registry.entrance.");
                registryFigures.add(f.withProvenance(List.of(), registryAsOf)
                        .in(ofIntake ? Period.entrance(intake) : Period.calendarYear(calendar)));
            }
            if (step == 0) {
                registryFigures.add(CountyFactFigures.cumulative(facts, year - YEARS + 1, year)
                        .withProvenance(List.of(), registryAsOf).in(Period.calendarYears(year - YEARS + 1, year)));
            }
            int f = fiscal - step;
            FundingYear now = fiscalYears.get(f);
            FundingYear before = fiscalYears.get(f - 1);
            List<Figure> fundingFigures = new ArrayList<>(FundingRules.compute(now, before));
            fundingFigures.addAll(FundingRules.amounts(now));
            fundingFigures.replaceAll(x -> x.withProvenance(List.of(), fundingAsOf).in(Period.fiscalYear(f)));
            years.add(new YearFigures(year - step, registryFigures, fundingFigures));
        }

        long t4 = System.nanoTime();
        List<Figure> yearToDate = fiscal < year
                ? funding.readToDate(region, year, asOf).map(FundingRules::yearToDate).orElse(List.of()).stream()
                        .map(x -> x.withProvenance(List.of(), fundingAsOf)).toList()
                : List.of();

        Optional<Evaluation> evaluation = RegionCode.level(region) == RegionCode.Level.COUNTY
                ? evaluations.read(region, year) : Optional.empty();
        List<Figure> ratings = evaluation.map(RatingFigures::compute).orElse(List.of()).stream()
                .map(x -> x.withProvenance(List.of(), positionByTopic.get(Topics.INDICATOR))
                        .in(Period.evaluationYear(year)))
                .toList();
        Map<Integer, Integer> schoolsReported = new TreeMap<>();
        reads.forEach((y, read) -> schoolsReported.put(y, read.schoolsReported()));
        Map<Integer, Long> postings = funding.postingCounts(region, fiscalYears.keySet());
        RegistryInputs.Read intake = reads.get(entrance);
        Map<String, String> names = intake.data().schools().stream()
                .collect(Collectors.toMap(SchoolFacts::code, SchoolFacts::name));
        List<String> entrantWarnings = SchoolEntrantChecks.run(intake.data().schoolYearsOf(entrance)).stream()
                .map(finding -> finding.message(names.get(finding.schoolCode()))).toList();
        Logger.getLogger(FigureEngine.class).debugf(
                "figures of %s/%d: registry read %d ms, funding read %d ms, county facts %d ms, statistics and rules %d ms, rest %d ms",
                region, year, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                (System.nanoTime() - t4) / 1_000_000);
        return new Book(region, year, periods, evaluation, ratings, years, yearToDate,
                reads.get(stock).closedSchoolsWithStudents(), entrantWarnings, schoolsReported, postings, positions);
    }

    /** Students by stage (the stage's name) of a school year, from the registry read. */
    private static Map<String, Long> studentsByStage(RegionData data, int schoolYear) {
        Map<String, Long> students = new TreeMap<>();
        for (var year : data.schoolYearsOf(schoolYear)) {
            for (var c : year.classes()) {
                students.merge(c.stage().name(), (long) c.students(), Long::sum);
            }
        }
        return students;
    }

    private static List<RegistryFigure> statistics(
            Map<Integer, List<RegistryFigure>> cache, Map<Integer, RegistryInputs.Read> reads,
            int schoolYear) {
        return cache.computeIfAbsent(schoolYear, y -> RegistryStatistics.compute(reads.get(y).data()));
    }

    static Figure fromRegistry(RegistryFigure f, String region, int schoolYear, String asOf) {
        List<Figure.Input> inputs = new ArrayList<>();
        if (f.numerator() != null) {
            inputs.add(new Figure.Input("numerator", f.numerator()));
        }
        if (f.denominator() != null) {
            inputs.add(new Figure.Input("denominator", f.denominator()));
        }
        List<Figure.Source> sources = new ArrayList<>();
        sources.add(new Figure.Source("school-registry-service", f.key().startsWith("registry.schools.")
                ? "schools" : "school-years", region + "/" + schoolYear));
        if (f.key().contains("gross_enrolment_rate") || f.key().contains("disabled_children")) {
            sources.add(new Figure.Source("school-registry-service", "population", region + "/" + schoolYear));
        }
        Figure figure = f.isPresent()
                ? Figure.present(f.key(), f.label(), f.value(), f.unit(), f.definition(), inputs, sources)
                : Figure.absent(f.key(), f.label(), f.unit(), f.definition(), f.absentReason());
        return figure.withProvenance(f.isPresent() ? List.of() : sources, asOf);
    }

    /** Per topic, its partitions' next offsets, e.g. {@code registry.events 0:1284 1:97}. */
    static Map<String, String> asOf(List<Inbox.Position> positions) {
        Map<String, String> byTopic = new TreeMap<>();
        for (String topic : List.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING)) {
            String parts = positions.stream().filter(p -> p.topic().equals(topic))
                    .map(p -> p.partition() + ":" + p.nextOffset()).collect(Collectors.joining(" "));
            byTopic.put(topic, topic + " " + (parts.isEmpty() ? "(nothing read yet)" : parts));
        }
        return byTopic;
    }

    /** The time of the newest event applied from {@code topic}, if any. */
    public static Optional<Instant> dataTime(List<Inbox.Position> positions, String topic) {
        return positions.stream().filter(p -> p.topic().equals(topic) && p.lastEventTime() != null)
                .map(Inbox.Position::lastEventTime).max(Instant::compareTo);
    }
}
