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
 * cohorts), the townships valid that day and the region's population.
 */
@ApplicationScoped
public class RegistryInputs {

    private final EntityManager em;

    RegistryInputs(EntityManager em) {
        this.em = em;
    }

    /** The region's registry data, plus the schools that reported for the year although closed. */
    public record Read(RegionData data, List<String> closedSchoolsWithStudents) {
    }

    @Transactional
    public Read read(String region, int schoolYear) {
        String prefix = RegionCode.prefix(region) + "%";
        LocalDate snapshot = LocalDate.of(schoolYear, 9, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> schoolRows = em.createNativeQuery("""
                SELECT code, name, type, ownership, inclusive, township_central, area, township_code
                FROM rm_school
                WHERE township_code LIKE :prefix AND (opened_on IS NULL OR opened_on <= :day)
                  AND (closed_on IS NULL OR closed_on > :day)
                ORDER BY code""").setParameter("prefix", prefix).setParameter("day", snapshot).getResultList();
        List<School> schools = schoolRows.stream().map(r -> new School((String) r[0], (String) r[1],
                SchoolType.valueOf((String) r[2]), Ownership.valueOf((String) r[3]), (Boolean) r[4], (Boolean) r[5],
                Area.valueOf((String) r[6]), (String) r[7])).toList();

        Map<Integer, List<SchoolYear>> years = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> yearRows = em.createNativeQuery("""
                SELECT school_year, data::text FROM rm_school_year
                WHERE township_code LIKE :prefix AND school_year BETWEEN :from AND :to
                ORDER BY school_year, school_code""").setParameter("prefix", prefix)
                .setParameter("from", schoolYear - 6).setParameter("to", schoolYear).getResultList();
        for (Object[] row : yearRows) {
            years.computeIfAbsent(((Number) row[0]).intValue(), k -> new ArrayList<>()).add(toFacts(parse((String) row[1])));
        }

        @SuppressWarnings("unchecked")
        List<String> townships = em.createNativeQuery("""
                SELECT code FROM rm_region
                WHERE level = 'TOWNSHIP' AND code LIKE :prefix
                  AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to >= :day)
                ORDER BY code""").setParameter("prefix", prefix).setParameter("day", snapshot).getResultList();

        @SuppressWarnings("unchecked")
        List<Object[]> populationRows = em.createNativeQuery("""
                SELECT residents_by_age::text, identified_disabled_children FROM rm_population
                WHERE region_code = :region AND year = :year""").setParameter("region", region)
                .setParameter("year", schoolYear).getResultList();
        Population population = populationRows.isEmpty() ? null : new Population(schoolYear,
                ages((String) populationRows.get(0)[0]),
                populationRows.get(0)[1] == null ? null : ((Number) populationRows.get(0)[1]).intValue());

        List<String> open = schools.stream().map(School::code).toList();
        List<String> closedWithStudents = years.getOrDefault(schoolYear, List.of()).stream()
                .filter(y -> !open.contains(y.schoolCode()))
                .filter(y -> y.classes().stream().anyMatch(c -> c.students() > 0))
                .map(SchoolYear::schoolCode).toList();
        return new Read(new RegionData(region, schoolYear, schools, years, townships, population), closedWithStudents);
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
