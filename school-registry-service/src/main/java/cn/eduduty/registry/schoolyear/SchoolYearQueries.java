package cn.eduduty.registry.schoolyear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import cn.eduduty.registry.schoolyear.api.SchoolYearRequest;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Disability;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Staff;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.runtime.persistence.Rows;

/**
 * The school-year tables' SQL: reads and writes school-year data as rows (school_year, school_class, enrolment_flow). Reads are
 * set-based by region and years, so statistics for a county cost three queries, not one per school.
 */
@ApplicationScoped
public class SchoolYearQueries {

    private final EntityManager em;

    SchoolYearQueries(EntityManager em) {
        this.em = em;
    }

    /** The current version of a school year, or null when none is stored. */
    Long version(String school, int year) {
        return Rows.one(em, "SELECT version FROM school_year WHERE school_code = :s AND school_year = :y",
                q -> q.setParameter("s", school).setParameter("y", year)).map(t -> Rows.whole(t, "version")).orElse(null);
    }

    /** Stores an empty school year, version 0. */
    void insert(String school, String county, int year, String principal) {
        em.createNativeQuery("""
                INSERT INTO school_year (school_code, school_year, county_code, recorded_by) VALUES (:s, :y, :c, :by)""")
                .setParameter("s", school).setParameter("y", year).setParameter("c", county).setParameter("by", principal)
                .executeUpdate();
    }

    /**
     * Moves the school year from version {@code expected} on by one, before it is rewritten, so that
     * a concurrent writer with the same If-Match finds it gone; false when it is not at that version now.
     */
    boolean claim(String school, int year, long expected) {
        return em.createNativeQuery("UPDATE school_year SET version = version + 1 "
                + "WHERE school_code = :s AND school_year = :y AND version = :v")
                .setParameter("s", school).setParameter("y", year).setParameter("v", expected).executeUpdate() == 1;
    }

    /** Deletes the year's classes, its enrolment flows, or both. */
    void deleteParts(String school, int year, boolean classes, boolean flows) {
        if (classes) {
            em.createNativeQuery("DELETE FROM school_class WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
        }
        if (flows) {
            em.createNativeQuery("DELETE FROM enrolment_flow WHERE school_code = :s AND school_year = :y")
                    .setParameter("s", school).setParameter("y", year).executeUpdate();
        }
    }

    /** Writes the whole year's data as {@code version} into a stored year whose classes and flows are empty. */
    void write(String school, int year, SchoolYearRequest data, long version, String principal) {
        SchoolYearRequest.DisabilityRequest d = data.disability();
        SchoolYearRequest.StaffRequest s = data.staff();
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
        if (version(school, year) == null) {
            insert(school, county, year, principal);
        } else {
            em.createNativeQuery("UPDATE school_year SET version = version + 1, recorded_by = :by, recorded_at = now() "
                    + "WHERE school_code = :s AND school_year = :y")
                    .setParameter("by", principal).setParameter("s", school).setParameter("y", year).executeUpdate();
        }
        deleteParts(school, year, classes, flows);
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
        List<Tuple> heads = Rows.list(em, """
                SELECT y.school_code, y.school_year, y.disability_regular_class, y.disability_special_class,
                       y.disability_special_school, y.disability_home_delivered, y.teachers, y.new_hires, y.rural_new_hires,
                       y.eligible_for_rotation, y.rotated, y.rotated_backbone, y.new_hires_putonghua_2b, y.recorded_by,
                       y.recorded_at, y.version
                FROM school_year y JOIN school s ON s.code = y.school_code
                """ + "WHERE " + which + " AND y.school_year IN (:years)"
                + " ORDER BY y.school_year, y.school_code LIMIT :limit OFFSET :offset",
                q -> (codes == null ? q.setParameter("prefix", regionPrefix + "%") : q.setParameter("codes", codes))
                        .setParameter("years", years).setParameter("limit", limit).setParameter("offset", offset));
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> schools = heads.stream().map(h -> Rows.text(h, "school_code")).distinct().toList();
        Map<String, List<SchoolYearRequest.ClassRequest>> classes = new HashMap<>();
        for (Tuple r : Rows.list(em, """
                SELECT school_code, school_year, stage, grade, students, common_language FROM school_class
                WHERE school_code IN (:schools) AND school_year IN (:years) ORDER BY school_code, school_year, class_no""",
                q -> q.setParameter("schools", schools).setParameter("years", years))) {
            classes.computeIfAbsent(key(r), k -> new ArrayList<>()).add(new SchoolYearRequest.ClassRequest(
                    Rows.text(r, "stage"), Rows.integer(r, "grade"), Rows.integer(r, "students"),
                    Rows.bool(r, "common_language")));
        }
        Map<String, List<SchoolYearRequest.FlowRequest>> flows = new HashMap<>();
        for (Tuple r : Rows.list(em, """
                SELECT school_code, school_year, stage, grade, entrants, graduates, transfers_in, transfers_out, dropouts
                FROM enrolment_flow WHERE school_code IN (:schools) AND school_year IN (:years)
                ORDER BY school_code, school_year, stage, grade""",
                q -> q.setParameter("schools", schools).setParameter("years", years))) {
            flows.computeIfAbsent(key(r), k -> new ArrayList<>()).add(new SchoolYearRequest.FlowRequest(
                    Rows.text(r, "stage"), Rows.integer(r, "grade"), Rows.integer(r, "entrants"),
                    Rows.integer(r, "graduates"), Rows.integer(r, "transfers_in"), Rows.integer(r, "transfers_out"),
                    Rows.integer(r, "dropouts")));
        }
        List<SchoolYearResponse> result = new ArrayList<>();
        for (Tuple h : heads) {
            String key = key(h);
            SchoolYearRequest.DisabilityRequest disability = h.get("disability_regular_class") == null ? null
                    : new SchoolYearRequest.DisabilityRequest(Rows.integer(h, "disability_regular_class"),
                            Rows.integer(h, "disability_special_class"), Rows.integer(h, "disability_special_school"),
                            Rows.integer(h, "disability_home_delivered"));
            SchoolYearRequest.StaffRequest staff = h.get("teachers") == null ? null
                    : new SchoolYearRequest.StaffRequest(Rows.integer(h, "teachers"), Rows.integer(h, "new_hires"),
                            Rows.integer(h, "rural_new_hires"), Rows.integer(h, "eligible_for_rotation"),
                            Rows.integer(h, "rotated"), Rows.integer(h, "rotated_backbone"),
                            Rows.integer(h, "new_hires_putonghua_2b"));
            result.add(new SchoolYearResponse(Rows.text(h, "school_code"), Rows.integer(h, "school_year"),
                    classes.getOrDefault(key, List.of()), flows.getOrDefault(key, List.of()), disability, staff,
                    Rows.text(h, "recorded_by"), Rows.instant(h, "recorded_at"), Rows.whole(h, "version")));
        }
        return result;
    }

    /** The (school, year) a row belongs to. */
    private static String key(Tuple row) {
        return Rows.text(row, "school_code") + "/" + Rows.integer(row, "school_year");
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
}
