package cn.eduduty.report.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.formulas.registry.Area;
import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Disability;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.Ownership;
import cn.eduduty.formulas.registry.Population;
import cn.eduduty.formulas.registry.RegionData;
import cn.eduduty.formulas.registry.SchoolFacts;
import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.formulas.registry.Staff;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Reads what {@link cn.eduduty.formulas.registry.RegistryStatistics} needs of a region and school
 * year from the read model, exactly as the registry assembles it from its own tables: the schools
 * open on 1 September, the school years of the region for the year and the six before it (the
 * cohorts), the townships valid that day and the region's population. A report reads several
 * school years at once, with one query per table.
 */
@ApplicationScoped
public class RegistryInputs {

    private final EntityManager em;

    RegistryInputs(EntityManager em) {
        this.em = em;
    }

    /**
     * The region's registry data for a school year, the schools that reported for it although
     * closed, and how many schools reported for it.
     */
    public record Read(RegionData data, List<String> closedSchoolsWithStudents, int schoolsReported) {
    }

    @Transactional
    public Read read(String region, int schoolYear) {
        return read(region, Set.of(schoolYear)).get(schoolYear);
    }

    /**
     * The region's data for each of {@code schoolYears}, read with one query per table for all of
     * them (a report needs four school years: stock, completed, entrance and their comparisons).
     */
    @Transactional
    public Map<Integer, Read> read(String region, Set<Integer> schoolYears) {
        String prefix = RegionCode.prefix(region) + "%";
        int first = Collections.min(schoolYears);
        int last = Collections.max(schoolYears);
        List<Dated<SchoolFacts>> schoolRows = Rows.list(em, """
                SELECT code, name, type, ownership, inclusive, township_central, area, township_code, opened_on, closed_on
                FROM rm_school WHERE township_code LIKE :prefix ORDER BY code""", q -> q.setParameter("prefix", prefix))
                .stream().map(t -> new Dated<>(new SchoolFacts(Rows.text(t, "code"), Rows.text(t, "name"),
                        SchoolType.valueOf(Rows.text(t, "type")), Ownership.valueOf(Rows.text(t, "ownership")),
                        Rows.bool(t, "inclusive"), Rows.bool(t, "township_central"), Area.valueOf(Rows.text(t, "area")),
                        Rows.text(t, "township_code")), Rows.date(t, "opened_on"), Rows.date(t, "closed_on"))).toList();

        Map<Integer, List<SchoolYear>> years = schoolYears(prefix, first - 6, last);

        List<Dated<String>> townshipRows = Rows.list(em, """
                SELECT code, valid_from, valid_to FROM rm_region
                WHERE level = 'TOWNSHIP' AND code LIKE :prefix ORDER BY code""", q -> q.setParameter("prefix", prefix))
                .stream().map(t -> new Dated<>(Rows.text(t, "code"), Rows.date(t, "valid_from"), Rows.date(t, "valid_to")))
                .toList();

        Map<Integer, Population> populations = new HashMap<>();
        Rows.list(em, """
                SELECT year, residents_by_age::text AS residents_by_age, identified_disabled_children FROM rm_population
                WHERE region_code = :region AND year BETWEEN :from AND :to""", q -> q.setParameter("region", region)
                .setParameter("from", first).setParameter("to", last))
                .forEach(t -> populations.put(Rows.integer(t, "year"), new Population(Rows.integer(t, "year"),
                        ages(Rows.text(t, "residents_by_age")), Rows.integer(t, "identified_disabled_children"))));

        Map<Integer, Read> reads = new TreeMap<>();
        for (int schoolYear : schoolYears) {
            LocalDate day = LocalDate.of(schoolYear, 9, 1);
            List<SchoolFacts> schools = schoolRows.stream()
                    .filter(r -> within(day, r.from(), r.to(), false))
                    .map(Dated::value).toList();
            List<String> townships = townshipRows.stream()
                    .filter(r -> within(day, r.from(), r.to(), true))
                    .map(Dated::value).toList();
            Population population = populations.get(schoolYear);
            Map<Integer, List<SchoolYear>> cohortYears = new TreeMap<>(years.entrySet().stream()
                    .filter(e -> e.getKey() >= schoolYear - 6 && e.getKey() <= schoolYear)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            Set<String> open = schools.stream().map(SchoolFacts::code).collect(Collectors.toSet());
            List<SchoolYear> reported = years.getOrDefault(schoolYear, List.of());
            List<String> closedWithStudents = reported.stream()
                    .filter(y -> !open.contains(y.schoolCode()))
                    .filter(y -> y.classes().stream().anyMatch(c -> c.students() > 0))
                    .map(SchoolYear::schoolCode).toList();
            reads.put(schoolYear, new Read(new RegionData(region, schoolYear, schools, cohortYears, townships, population),
                    closedWithStudents, reported.size()));
        }
        return reads;
    }

    /** A school or a township with the span it is open or valid. */
    private record Dated<T>(T value, LocalDate from, LocalDate to) {
    }

    /**
     * Whether {@code day} lies in a validity span: a school is open from its opening day until
     * (excluding) its closing day; a township is valid through its last day.
     */
    private static boolean within(LocalDate day, LocalDate from, LocalDate to, boolean toInclusive) {
        return (from == null || !from.isAfter(day))
                && (to == null || (toInclusive ? !to.isBefore(day) : to.isAfter(day)));
    }

    /** A stored school year's identity: a new event or version is new content. */
    private record Stored(String school, int year, long version, UUID event) {
    }

    /**
     * Parsed school years, by the row they were parsed from. A row's content never changes under the
     * same event and version, so a report reads the rows' identities in its own transaction and
     * parses only those it has not seen; reports of the same county (previews, drafts, deadline
     * finals) then cost a query, not a parse of every class of ten years. Bounded, least recently
     * used first out.
     */
    private static final int CACHED = 10_000;
    private static final Map<Stored, SchoolYear> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Stored, SchoolYear> eldest) {
                    return size() > CACHED;
                }
            });

    /** The region's school years {@code from}–{@code to}, by year, in school code order. */
    private Map<Integer, List<SchoolYear>> schoolYears(String prefix, int from, int to) {
        List<Stored> stored = Rows.list(em, """
                SELECT school_code, school_year, version, event_id FROM rm_school_year
                WHERE township_code LIKE :prefix AND school_year BETWEEN :from AND :to
                ORDER BY school_year, school_code""", q -> q.setParameter("prefix", prefix)
                .setParameter("from", from).setParameter("to", to))
                .stream().map(t -> new Stored(Rows.text(t, "school_code"), Rows.integer(t, "school_year"),
                        Rows.whole(t, "version"), Rows.uuid(t, "event_id"))).toList();
        // this read's school years, from the cache or parsed now; the result is built from these, so an
        // eviction by another report meanwhile costs nothing
        Map<Stored, SchoolYear> read = new HashMap<>();
        Map<UUID, Stored> missing = new LinkedHashMap<>();
        for (Stored s : stored) {
            SchoolYear cached = PARSED.get(s);
            if (cached != null) {
                read.put(s, cached);
            } else {
                missing.put(s.event(), s);
            }
        }
        List<UUID> ids = new ArrayList<>(missing.keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<UUID> batch = ids.subList(i, Math.min(ids.size(), i + 1000));
            for (Tuple row : Rows.list(em, """
                    SELECT event_id, data::text AS data FROM rm_school_year WHERE event_id IN (:ids)""",
                    q -> q.setParameter("ids", batch))) {
                Stored s = missing.remove(Rows.uuid(row, "event_id"));
                if (s != null) {
                    SchoolYear parsed = toFacts(parse(Rows.text(row, "data")));
                    PARSED.put(s, parsed);
                    read.put(s, parsed);
                }
            }
        }
        for (Stored s : missing.values()) {
            // replaced between the two queries (a caller outside a REPEATABLE READ transaction): its
            // current content, not cached under the old identity; gone altogether, it is left out
            Rows.one(em, """
                    SELECT data::text AS data FROM rm_school_year WHERE school_code = :school AND school_year = :year""",
                    q -> q.setParameter("school", s.school()).setParameter("year", s.year()))
                    .ifPresent(t -> read.put(s, toFacts(parse(Rows.text(t, "data")))));
        }
        Map<Integer, List<SchoolYear>> years = new TreeMap<>();
        for (Stored s : stored) {
            SchoolYear parsed = read.get(s);
            if (parsed != null) {
                years.computeIfAbsent(s.year(), k -> new ArrayList<>()).add(parsed);
            }
        }
        return years;
    }

    static SchoolYear toFacts(SchoolYearDataReplaced r) {
        return new SchoolYear(r.schoolCode(), r.schoolYear(),
                r.classes().stream().map(c -> new ClassRoom(Stage.valueOf(c.stage()), c.grade(), c.students(),
                        c.commonLanguage())).toList(),
                r.flows().stream().map(f -> new Flow(Stage.valueOf(f.stage()), f.grade(), f.entrants(), f.graduates(),
                        f.transfersIn(), f.transfersOut(), f.dropouts())).toList(),
                r.disability() == null ? null : new Disability(r.disability().regularClass(),
                        r.disability().specialClass(), r.disability().specialSchool(), r.disability().homeDelivered()),
                r.staff() == null ? null : new Staff(r.staff().teachers(), r.staff().newHires(),
                        r.staff().ruralNewHires(), r.staff().eligibleForRotation(), r.staff().rotated(),
                        r.staff().rotatedBackbone(), r.staff().newHiresPutonghua2B()));
    }

    private static SchoolYearDataReplaced parse(String json) {
        try {
            return EventJson.mapper().readValue(json, SchoolYearDataReplaced.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored school year is not a SchoolYearDataReplaced", e);
        }
    }

    private static Map<Integer, Integer> ages(String json) {
        try {
            return new LinkedHashMap<>(EventJson.mapper().readValue(json, new TypeReference<Map<Integer, Integer>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored population is not an age map", e);
        }
    }
}
