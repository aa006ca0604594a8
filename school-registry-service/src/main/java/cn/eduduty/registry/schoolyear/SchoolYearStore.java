package cn.eduduty.registry.schoolyear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.registry.schoolyear.api.SchoolYearRequest;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Disability;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Staff;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.runtime.persistence.SqlValues;

/**
 * Reads and writes school-year data as rows (school_year, school_class, enrolment_flow). Reads are
 * set-based by region and years, so statistics for a county cost three queries, not one per school.
 */
@ApplicationScoped
public class SchoolYearStore {

    private final EntityManager em;

    SchoolYearStore(EntityManager em) {
        this.em = em;
    }

    /** The current version of a school year, or null when none is stored. */
    Long version(String school, int year) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT version FROM school_year WHERE school_code = :s AND school_year = :y")
                .setParameter("s", school).setParameter("y", year).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** Replaces the whole school year; returns the new version. */
    long replace(String school, String county, int year, SchoolYearRequest data, Long expectedVersion, String principal) {
        SchoolYearRequest.DisabilityRequest d = data.disability();
        SchoolYearRequest.StaffRequest s = data.staff();
        long version;
        if (expectedVersion == null) {
            em.createNativeQuery("""
                    INSERT INTO school_year (school_code, school_year, county_code, recorded_by) VALUES (:s, :y, :c, :by)""")
                    .setParameter("s", school).setParameter("y", year).setParameter("c", county).setParameter("by", principal)
                    .executeUpdate();
            version = 0;
        } else {
            // claim the version first: a concurrent writer with the same If-Match finds it gone
            int claimed = em.createNativeQuery("UPDATE school_year SET version = version + 1 "
                    + "WHERE school_code = :s AND school_year = :y AND version = :v")
                    .setParameter("s", school).setParameter("y", year).setParameter("v", expectedVersion).executeUpdate();
            if (claimed != 1) {
                throw new cn.eduduty.runtime.problem.ProblemException(cn.eduduty.runtime.problem.ProblemType.PRECONDITION_FAILED,
                        "The school year was changed by someone else; fetch it again and retry");
            }
            em.createNativeQuery("DELETE FROM school_class WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
            em.createNativeQuery("DELETE FROM enrolment_flow WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
            version = expectedVersion + 1;
        }
        em.createNativeQuery("""
                UPDATE school_year SET disability_regular_class = :d1, disability_special_class = :d2,
                       disability_special_school = :d3, disability_home_delivered = :d4, teachers = :t, new_hires = :n,
                       rural_new_hires = :rn, eligible_for_rotation = :e, rotated = :r, rotated_backbone = :rb,
                       new_hires_putonghua_2b = :p, version = :v, recorded_by = :by, recorded_at = now()
                WHERE school_code = :s AND school_year = :y""")
                .setParameter("d1", d == null ? null : d.regularClass()).setParameter("d2", d == null ? null : d.specialClass())
                .setParameter("d3", d == null ? null : d.specialSchool()).setParameter("d4", d == null ? null : d.homeDelivered())
                .setParameter("t", s == null ? null : s.teachers()).setParameter("n", s == null ? null : s.newHires())
                .setParameter("rn", s == null ? null : s.ruralNewHires())
                .setParameter("e", s == null ? null : s.eligibleForRotation()).setParameter("r", s == null ? null : s.rotated())
                .setParameter("rb", s == null ? null : s.rotatedBackbone())
                .setParameter("p", s == null ? null : s.newHiresPutonghua2B())
                .setParameter("v", version).setParameter("by", principal).setParameter("s", school).setParameter("y", year)
                .executeUpdate();
        int no = 0;
        for (SchoolYearRequest.ClassRequest c : data.classes()) {
            em.createNativeQuery("""
                    INSERT INTO school_class (school_code, school_year, class_no, stage, grade, students, common_language)
                    VALUES (:s, :y, :no, :stage, :grade, :students, :lang)""")
                    .setParameter("s", school).setParameter("y", year).setParameter("no", ++no)
                    .setParameter("stage", c.stage()).setParameter("grade", c.grade()).setParameter("students", c.students())
                    .setParameter("lang", c.commonLanguage() == null || c.commonLanguage()).executeUpdate();
        }
        for (SchoolYearRequest.FlowRequest f : data.flows() == null ? List.<SchoolYearRequest.FlowRequest>of() : data.flows()) {
            em.createNativeQuery("""
                    INSERT INTO enrolment_flow (school_code, school_year, stage, grade, entrants, graduates, transfers_in,
                                                transfers_out, dropouts)
                    VALUES (:s, :y, :stage, :grade, :e, :g, :ti, :to, :d)""")
                    .setParameter("s", school).setParameter("y", year).setParameter("stage", f.stage())
                    .setParameter("grade", f.grade()).setParameter("e", f.entrants()).setParameter("g", f.graduates())
                    .setParameter("ti", f.transfersIn()).setParameter("to", f.transfersOut()).setParameter("d", f.dropouts())
                    .executeUpdate();
        }
        return version;
    }

    /** One school's data for one year, or null. */
    @Transactional
    public SchoolYearResponse one(String school, int year) {
        List<SchoolYearResponse> found = load(null, List.of(school), List.of(year), 1, 0);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Several schools' data for one year, for publishing after a bulk import. */
    @Transactional
    public List<SchoolYearResponse> ofSchools(List<String> schools, int year) {
        return schools.isEmpty() ? List.of() : load(null, schools, List.of(year), schools.size(), 0);
    }

    /**
     * Makes room for an import's rows of a school year: creates the year if absent, or bumps its
     * version and empties the parts the import replaces.
     */
    public void prepareForImport(String school, String county, int year, boolean classes, boolean flows, String principal) {
        Long current = version(school, year);
        if (current == null) {
            em.createNativeQuery("INSERT INTO school_year (school_code, school_year, county_code, recorded_by) VALUES (:s, :y, :c, :by)")
                    .setParameter("s", school).setParameter("y", year).setParameter("c", county).setParameter("by", principal)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE school_year SET version = version + 1, recorded_by = :by, recorded_at = now() "
                    + "WHERE school_code = :s AND school_year = :y")
                    .setParameter("by", principal).setParameter("s", school).setParameter("y", year).executeUpdate();
        }
        if (classes) {
            em.createNativeQuery("DELETE FROM school_class WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
        }
        if (flows) {
            em.createNativeQuery("DELETE FROM enrolment_flow WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
        }
    }

    /** Sets the staff aggregates of a year, in the order of {@link SchoolYearRequest.StaffRequest}. */
    public void replaceStaff(String school, int year, int[] c) {
        em.createNativeQuery("UPDATE school_year SET teachers = :t, new_hires = :n, rural_new_hires = :rn, "
                + "eligible_for_rotation = :e, rotated = :r, rotated_backbone = :rb, new_hires_putonghua_2b = :p "
                + "WHERE school_code = :s AND school_year = :y")
                .setParameter("t", c[0]).setParameter("n", c[1]).setParameter("rn", c[2]).setParameter("e", c[3])
                .setParameter("r", c[4]).setParameter("rb", c[5]).setParameter("p", c[6])
                .setParameter("s", school).setParameter("y", year).executeUpdate();
    }

    /** Full data of the school years of schools within a region prefix, for the given years. */
    @Transactional
    public List<SchoolYearResponse> within(String regionPrefix, List<Integer> years, int limit, int offset) {
        return load(regionPrefix, null, years, limit, offset);
    }

    private List<SchoolYearResponse> load(String regionPrefix, List<String> codes, List<Integer> years, int limit,
            int offset) {
        String which = codes == null ? "s.township_code LIKE :prefix" : "y.school_code IN (:codes)";
        var query = em.createNativeQuery("""
                SELECT y.school_code, y.school_year, y.disability_regular_class, y.disability_special_class,
                       y.disability_special_school, y.disability_home_delivered, y.teachers, y.new_hires, y.rural_new_hires,
                       y.eligible_for_rotation, y.rotated, y.rotated_backbone, y.new_hires_putonghua_2b, y.recorded_by,
                       y.recorded_at, y.version
                FROM school_year y JOIN school s ON s.code = y.school_code
                """ + "WHERE " + which + " AND y.school_year IN (:years)"
                + " ORDER BY y.school_year, y.school_code LIMIT :limit OFFSET :offset")
                .setParameter("years", years).setParameter("limit", limit).setParameter("offset", offset);
        if (codes == null) {
            query.setParameter("prefix", regionPrefix + "%");
        } else {
            query.setParameter("codes", codes);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> heads = query.getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> schools = heads.stream().map(h -> (String) h[0]).distinct().toList();
        Map<String, List<SchoolYearRequest.ClassRequest>> classes = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> classRows = em.createNativeQuery("""
                SELECT school_code, school_year, stage, grade, students, common_language FROM school_class
                WHERE school_code IN (:schools) AND school_year IN (:years) ORDER BY school_code, school_year, class_no""")
                .setParameter("schools", schools).setParameter("years", years).getResultList();
        for (Object[] r : classRows) {
            classes.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(new SchoolYearRequest.ClassRequest(
                    (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (Boolean) r[5]));
        }
        Map<String, List<SchoolYearRequest.FlowRequest>> flows = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> flowRows = em.createNativeQuery("""
                SELECT school_code, school_year, stage, grade, entrants, graduates, transfers_in, transfers_out, dropouts
                FROM enrolment_flow WHERE school_code IN (:schools) AND school_year IN (:years)
                ORDER BY school_code, school_year, stage, grade""")
                .setParameter("schools", schools).setParameter("years", years).getResultList();
        for (Object[] r : flowRows) {
            flows.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(new SchoolYearRequest.FlowRequest(
                    (String) r[2], i(r[3]), i(r[4]), i(r[5]), i(r[6]), i(r[7]), i(r[8])));
        }
        List<SchoolYearResponse> result = new ArrayList<>();
        for (Object[] h : heads) {
            String key = h[0] + "/" + h[1];
            SchoolYearRequest.DisabilityRequest disability = h[2] == null ? null
                    : new SchoolYearRequest.DisabilityRequest(i(h[2]), i(h[3]), i(h[4]), i(h[5]));
            SchoolYearRequest.StaffRequest staff = h[6] == null ? null
                    : new SchoolYearRequest.StaffRequest(i(h[6]), i(h[7]), i(h[8]), i(h[9]), i(h[10]), i(h[11]), i(h[12]));
            result.add(new SchoolYearResponse((String) h[0], i(h[1]), classes.getOrDefault(key, List.of()),
                    flows.getOrDefault(key, List.of()), disability, staff, (String) h[13], SqlValues.instant(h[14]),
                    ((Number) h[15]).longValue()));
        }
        return result;
    }

    @Transactional
    public long countWithin(String regionPrefix, List<Integer> years) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM school_year y JOIN school s ON s.code = y.school_code
                WHERE s.township_code LIKE :prefix AND y.school_year IN (:years)""")
                .setParameter("prefix", regionPrefix + "%").setParameter("years", years).getSingleResult()).longValue();
    }

    /** The statistics engine's view, keyed by school year. */
    @Transactional
    public Map<Integer, List<SchoolYear>> facts(String regionPrefix, List<Integer> years) {
        Map<Integer, List<SchoolYear>> byYear = new LinkedHashMap<>();
        for (SchoolYearResponse r : within(regionPrefix, years, Integer.MAX_VALUE, 0)) {
            byYear.computeIfAbsent(r.schoolYear(), k -> new ArrayList<>()).add(toFacts(r));
        }
        return byYear;
    }

    static SchoolYear toFacts(SchoolYearResponse r) {
        return new SchoolYear(r.schoolCode(), r.schoolYear(),
                r.classes().stream().map(c -> new ClassRoom(Stage.valueOf(c.stage()), c.grade(), c.students(),
                        c.commonLanguage() == null || c.commonLanguage())).toList(),
                r.flows().stream().map(f -> new Flow(Stage.valueOf(f.stage()), f.grade(), f.entrants(), f.graduates(),
                        f.transfersIn(), f.transfersOut(), f.dropouts())).toList(),
                r.disability() == null ? null : new Disability(r.disability().regularClass(), r.disability().specialClass(),
                        r.disability().specialSchool(), r.disability().homeDelivered()),
                r.staff() == null ? null : new Staff(r.staff().teachers(), r.staff().newHires(), r.staff().ruralNewHires(),
                        r.staff().eligibleForRotation(), r.staff().rotated(), r.staff().rotatedBackbone(),
                        r.staff().newHiresPutonghua2B()));
    }

    private static int i(Object value) {
        return ((Number) value).intValue();
    }
}
