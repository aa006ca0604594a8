package cn.eduduty.report.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.Topics;
import cn.eduduty.formulas.registry.RegistryStatistics;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Computes every figure a report needs for a region and year, and the same for the two years
 * before it (the year-over-year comparison): the rating summary (counties), the registry figures
 * (the shared formulas over the read model's per-school-year data, for any region level), the
 * funding figures and rules, each with its sources and the read position of its source service.
 * Reads join the caller's transaction; {@code ReportGenerator.compose} makes that one REPEATABLE
 * READ transaction, so the figures are of one consistent state of the read model.
 */
@ApplicationScoped
public class FigureEngine {

    /** How many years a report compares (the year and up to two before it). */
    public static final int YEARS = 3;

    private final RegistryInputs registry;
    private final FundingInputs funding;
    private final EvaluationInputs evaluations;
    private final Inbox inbox;

    FigureEngine(RegistryInputs registry, FundingInputs funding, EvaluationInputs evaluations, Inbox inbox) {
        this.registry = registry;
        this.funding = funding;
        this.evaluations = evaluations;
        this.inbox = inbox;
    }

    /** The figures of one year: registry (school year starting that year) and funding (fiscal year). */
    public record YearFigures(int year, List<Figure> registry, List<Figure> funding) {

        public Optional<Figure> find(String key) {
            return registry.stream().filter(f -> f.key().equals(key)).findFirst()
                    .or(() -> funding.stream().filter(f -> f.key().equals(key)).findFirst());
        }
    }

    /**
     * Everything computed for a report.
     *
     * @param years              the year first, then the years before it
     * @param closedWithStudents schools that reported students for the year but were not open on 1 September
     * @param positions          the read position of each topic partition when the figures were read
     */
    public record Book(String region, int year, Optional<Evaluation> evaluation, List<Figure> ratings,
            List<YearFigures> years, List<String> closedWithStudents, List<Inbox.Position> positions) {

        public YearFigures current() {
            return years.get(0);
        }

        /** Every figure of the report year: ratings, registry, funding. */
        public List<Figure> all() {
            List<Figure> all = new ArrayList<>(ratings);
            all.addAll(current().registry());
            all.addAll(current().funding());
            return all;
        }

        public Optional<Figure> find(String key) {
            return all().stream().filter(f -> f.key().equals(key)).findFirst();
        }
    }

    @Transactional
    public Book compute(String region, int year) {
        List<Inbox.Position> positions = inbox.positions(EventJournal.CONSUMER);
        Map<String, String> asOf = asOf(positions);
        List<YearFigures> years = new ArrayList<>();
        List<String> closedWithStudents = List.of();
        for (int y = year; y > year - YEARS; y--) {
            RegistryInputs.Read read = registry.read(region, y);
            if (y == year) {
                closedWithStudents = read.closedSchoolsWithStudents();
            }
            int schoolYear = y;
            List<Figure> registryFigures = RegistryStatistics.compute(read.data()).stream()
                    .map(f -> fromRegistry(f, region, schoolYear, asOf.get(Topics.REGISTRY))).toList();
            FundingYear now = funding.read(region, y);
            List<Figure> fundingFigures = new ArrayList<>(FundingRules.compute(now, funding.read(region, y - 1)));
            fundingFigures.addAll(FundingRules.amounts(now));
            fundingFigures.replaceAll(f -> f.withProvenance(List.of(), asOf.get(Topics.FUNDING)));
            years.add(new YearFigures(y, registryFigures, fundingFigures));
        }
        Optional<Evaluation> evaluation = RegionCode.level(region) == RegionCode.Level.COUNTY
                ? evaluations.read(region, year) : Optional.empty();
        List<Figure> ratings = evaluation.map(RatingFigures::compute).orElse(List.of()).stream()
                .map(f -> f.withProvenance(List.of(), asOf.get(Topics.INDICATOR))).toList();
        return new Book(region, year, evaluation, ratings, years, closedWithStudents, positions);
    }

    static Figure fromRegistry(cn.eduduty.formulas.registry.Figure f, String region, int schoolYear, String asOf) {
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
}
