package cn.eduduty.report.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import cn.eduduty.formulas.registry.School;
import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.formulas.registry.Staff;
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
        return read(region, java.util.Set.of(schoolYear)).get(schoolYear);
    }

    /**
     * The region's data for each of {@code schoolYears}, read with one query per table for all of
     * them (a report needs four school years: stock, completed, entrance and their comparisons).
     */
    @Transactional
    public Map<Integer, Read> read(String region, java.util.Set<Integer> schoolYears) {
        String prefix = RegionCode.prefix(region) + "%";
        int first = java.util.Collections.min(schoolYears);
        int last = java.util.Collections.max(schoolYears);
        @SuppressWarnings("unchecked")
        List<Object[]> schoolRows = em.createNativeQuery("""
                SELECT code, name, type, ownership, inclusive, township_central, area, township_code, opened_on, closed_on
                FROM rm_school WHERE township_code LIKE :prefix ORDER BY code""")
                .setParameter("prefix", prefix).getResultList();

        Map<Integer, List<SchoolYear>> years = schoolYears(prefix, first - 6, last);

        @SuppressWarnings("unchecked")
        List<Object[]> townshipRows = em.createNativeQuery("""
                SELECT code, valid_from, valid_to FROM rm_region
                WHERE level = 'TOWNSHIP' AND code LIKE :prefix ORDER BY code""")
                .setParameter("prefix", prefix).getResultList();

        @SuppressWarnings("unchecked")
        List<Object[]> populationRows = em.createNativeQuery("""
                SELECT year, residents_by_age::text, identified_disabled_children FROM rm_population
                WHERE region_code = :region AND year BETWEEN :from AND :to""").setParameter("region", region)
                .setParameter("from", first).setParameter("to", last).getResultList();

        Map<Integer, Read> reads = new TreeMap<>();
        for (int schoolYear : schoolYears) {
            LocalDate day = LocalDate.of(schoolYear, 9, 1);
            List<School> schools = schoolRows.stream()
                    .filter(r -> within(day, date(r[8]), date(r[9]), false))
                    .map(r -> new School((String) r[0], (String) r[1], SchoolType.valueOf((String) r[2]),
                            Ownership.valueOf((String) r[3]), (Boolean) r[4], (Boolean) r[5], Area.valueOf((String) r[6]),
                            (String) r[7])).toList();
            List<String> townships = townshipRows.stream()
                    .filter(r -> within(day, date(r[1]), date(r[2]), true))
                    .map(r -> (String) r[0]).toList();
            Population population = populationRows.stream()
                    .filter(r -> ((Number) r[0]).intValue() == schoolYear).findFirst()
                    .map(r -> new Population(schoolYear, ages((String) r[1]),
                            r[2] == null ? null : ((Number) r[2]).intValue()))
                    .orElse(null);
            Map<Integer, List<SchoolYear>> cohortYears = new TreeMap<>(years.entrySet().stream()
                    .filter(e -> e.getKey() >= schoolYear - 6 && e.getKey() <= schoolYear)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            java.util.Set<String> open = schools.stream().map(School::code).collect(java.util.stream.Collectors.toSet());
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

    /**
     * Whether {@code day} lies in a validity span: a school is open from its opening day until
     * (excluding) its closing day; a township is valid through its last day.
     */
    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to, boolean toInclusive) {
        return (from == null || !from.isAfter(day))
                && (to == null || (toInclusive ? !to.isBefore(day) : to.isAfter(day)));
    }

    /** A stored school year's identity: a new event or version is new content. */
    private record Stored(String school, int year, long version, java.util.UUID event) {
    }

    /**
     * Parsed school years, by the row they were parsed from. A row's content never changes under the
     * same event and version, so a report reads the rows' identities in its own transaction and
     * parses only those it has not seen; reports of the same county (previews, drafts, deadline
     * finals) then cost a query, not a parse of every class of ten years. Bounded, least recently
     * used first out.
     */
    private static final int CACHED = 10_000;
    private static final Map<Stored, SchoolYear> PARSED = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Stored, SchoolYear> eldest) {
                    return size() > CACHED;
                }
            });

    /** The region's school years {@code from}–{@code to}, by year, in school code order. */
    private Map<Integer, List<SchoolYear>> schoolYears(String prefix, int from, int to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT school_code, school_year, version, event_id FROM rm_school_year
                WHERE township_code LIKE :prefix AND school_year BETWEEN :from AND :to
                ORDER BY school_year, school_code""").setParameter("prefix", prefix)
                .setParameter("from", from).setParameter("to", to).getResultList();
        List<Stored> stored = rows.stream().map(r -> new Stored((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), (java.util.UUID) r[3])).toList();
        // this read's school years, from the cache or parsed now; the result is built from these, so an
        // eviction by another report meanwhile costs nothing
        Map<Stored, SchoolYear> read = new java.util.HashMap<>();
        Map<java.util.UUID, Stored> missing = new LinkedHashMap<>();
        for (Stored s : stored) {
            SchoolYear cached = PARSED.get(s);
            if (cached != null) {
                read.put(s, cached);
            } else {
                missing.put(s.event(), s);
            }
        }
        List<java.util.UUID> ids = new ArrayList<>(missing.keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            @SuppressWarnings("unchecked")
            List<Object[]> data = em.createNativeQuery("""
                    SELECT event_id, data::text FROM rm_school_year WHERE event_id IN (:ids)""")
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).getResultList();
            for (Object[] row : data) {
                Stored s = missing.remove((java.util.UUID) row[0]);
                if (s != null) {
                    SchoolYear parsed = toFacts(parse((String) row[1]));
                    PARSED.put(s, parsed);
                    read.put(s, parsed);
                }
            }
        }
        for (Stored s : missing.values()) {
            // replaced between the two queries (a caller outside a REPEATABLE READ transaction): its
            // current content, not cached under the old identity; gone altogether, it is left out
            @SuppressWarnings("unchecked")
            List<String> data = em.createNativeQuery("""
                    SELECT data::text FROM rm_school_year WHERE school_code = :school AND school_year = :year""")
                    .setParameter("school", s.school()).setParameter("year", s.year()).getResultList();
            data.stream().findFirst().ifPresent(json -> read.put(s, toFacts(parse(json))));
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
