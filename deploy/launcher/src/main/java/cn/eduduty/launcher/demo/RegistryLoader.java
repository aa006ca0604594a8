package cn.eduduty.launcher.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.launcher.demo.JsonHttp.Reply;
import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.CountyFacts;
import cn.eduduty.launcher.demo.CountyData.Flow;
import cn.eduduty.launcher.demo.CountyData.InstitutionKind;
import cn.eduduty.launcher.demo.CountyData.Population;
import cn.eduduty.launcher.demo.CountyData.Region;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;
import cn.eduduty.launcher.demo.CountyData.SeniorEntrance;
import cn.eduduty.launcher.demo.CountyData.TeacherRecruitment;
import cn.eduduty.launcher.demo.CountyData.TrainingInstitutions;
import cn.eduduty.launcher.demo.LoadSession.Put;

/**
 * Loads what school-registry-service owns: the regions, the schools and their school years (four
 * bulk imports, then the disability placements), the population and the county's own facts
 * (senior-secondary entrance, teacher recruitment, training institutions: PUT with If-Match).
 * What is there already as the demo has it is left alone; the bulk imports carry idempotency keys.
 */
final class RegistryLoader extends ServiceClient {

    static final String VALID_FROM = "2000-01-01";

    RegistryLoader(LoadSession session, String baseUrl) {
        super(session, baseUrl);
    }

    /** Loads the county's registry data, each step leaving alone what is there already. */
    void load(DemoCounty county) {
        loadRegions(county.regions());
        importSheets(county);
        loadDisability(county.schoolYears());
        loadPopulation(county.populations());
        loadCountyFacts(county.facts());
    }

    private void loadRegions(List<Region> regions) {
        int registered = 0;
        int kept = 0;
        for (Region region : regions) {
            ObjectNode body = api.object().put("name", region.name()).put("parentCode", region.parentCode())
                    .put("validFrom", VALID_FROM);
            // GB/T 2260 records are written by the system role only
            Put put = session.put("region " + region.code(), url("/api/v1/regions/" + region.code()),
                    session.provincial, body, r -> r.path("name").asText().equals(region.name())
                            && Objects.equals(JsonHttp.text(r, "parentCode"), region.parentCode()));
            registered += put == Put.CREATED ? 1 : 0;
            kept += put == Put.KEPT ? 1 : 0;
        }
        session.out.printf("  regions: %d registered, %d already there%n", registered, kept);
    }

    private void importSheets(DemoCounty county) {
        importSheet("schools", DemoCsv.schools(county.schools()));
        importSheet("classes", DemoCsv.classes(county.schoolYears()));
        importSheet("enrolment", DemoCsv.enrolment(county.schoolYears()));
        importSheet("staff", DemoCsv.staff(county.schoolYears()));
    }

    /** One bulk import, keyed by the sheet's content: the same sheet again is a replay that changes nothing. */
    private void importSheet(String kind, String csv) {
        String county = session.place.county();
        String key = "demo-" + county + "-" + kind + "-" + DemoCsv.fingerprint(csv);
        Reply reply = JsonHttp.expect("import " + kind, api.post(url("/api/v1/counties/" + county + "/imports/" + kind),
                session.editor, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key)), 201, 200);
        JsonNode s = reply.json();
        session.wrote(s.path("replayed").asBoolean() ? 0 : 1);
        if (s.path("replayed").asBoolean()) {
            session.out.printf("  %s: %d rows imported before under key %s, nothing changed%n", kind,
                    s.path("rows").asLong(), key);
        } else if (kind.equals("schools")) {
            session.out.printf("  schools: %d rows, %d registered, %d updated%n", s.path("rows").asLong(),
                    s.path("schoolsRegistered").asLong(), s.path("schoolsUpdated").asLong());
        } else {
            session.out.printf("  %s: %d rows, %d school years replaced%n", kind, s.path("rows").asLong(),
                    s.path("schoolYearsReplaced").asLong());
        }
    }

    /**
     * Disability placements exist only on the whole-year PUT: for the school years that report them,
     * the year is written once more with the same classes, flows and staff, if its placements differ.
     */
    private void loadDisability(List<SchoolYear> years) {
        int written = 0;
        int kept = 0;
        for (SchoolYear y : years) {
            if (y.disability() == null) {
                continue;
            }
            ObjectNode body = schoolYear(y);
            Put put = session.put("school year " + y.schoolCode() + "/" + y.year(),
                    url("/api/v1/schools/" + y.schoolCode() + "/years/" + y.year()), session.editor, body,
                    stored -> stored.path("disability").equals(body.path("disability")));
            written += put == Put.KEPT ? 0 : 1;
            kept += put == Put.KEPT ? 1 : 0;
        }
        session.out.printf("  disability placements: %d school years written, %d already there%n", written, kept);
    }

    private ObjectNode schoolYear(SchoolYear y) {
        ObjectNode body = api.object();
        ArrayNode classes = body.putArray("classes");
        for (ClassRoom c : y.classes()) {
            classes.addObject().put("stage", c.stage()).put("grade", c.grade()).put("students", c.students())
                    .put("commonLanguage", c.commonLanguage());
        }
        ArrayNode flows = body.putArray("flows");
        for (Flow f : y.flows()) {
            flows.addObject().put("stage", f.stage()).put("grade", f.grade()).put("entrants", f.entrants())
                    .put("graduates", f.graduates()).put("transfersIn", f.transfersIn()).put("transfersOut", f.transfersOut())
                    .put("dropouts", f.dropouts());
        }
        if (y.disability() != null) {
            body.putObject("disability").put("regularClass", y.disability().regularClass())
                    .put("specialClass", y.disability().specialClass()).put("specialSchool", y.disability().specialSchool())
                    .put("homeDelivered", y.disability().homeDelivered());
        }
        if (y.staff() != null) {
            var s = y.staff();
            body.putObject("staff").put("teachers", s.teachers()).put("newHires", s.newHires())
                    .put("ruralNewHires", s.ruralNewHires()).put("eligibleForRotation", s.eligibleForRotation())
                    .put("rotated", s.rotated()).put("rotatedBackbone", s.rotatedBackbone())
                    .put("newHiresPutonghua2B", s.newHiresPutonghua2B());
        }
        return body;
    }

    private void loadPopulation(List<Population> populations) {
        int written = 0;
        for (Population p : populations) {
            ObjectNode body = api.object();
            ObjectNode ages = body.putObject("residentsByAge");
            p.residentsByAge().forEach((age, n) -> ages.put(Integer.toString(age), n));
            body.put("identifiedDisabledChildren", p.identifiedDisabledChildren());
            Put put = session.put("population " + p.year(),
                    url("/api/v1/regions/" + session.place.county() + "/population/" + p.year()), session.editor, body,
                    stored -> stored.path("residentsByAge").equals(ages)
                            && stored.path("identifiedDisabledChildren").asInt() == p.identifiedDisabledChildren());
            written += put == Put.KEPT ? 0 : 1;
        }
        session.out.printf("  population: %d years written, %d already there%n", written, populations.size() - written);
    }

    /**
     * The county's own facts, each year through its PUT (If-Match once recorded): the
     * senior-secondary entrance, teacher recruitment and training institutions. A fact that is there
     * already as the demo has it is left alone.
     */
    private void loadCountyFacts(CountyFacts facts) {
        int written = 0;
        int kept = 0;
        for (SeniorEntrance e : facts.seniorEntrance()) {
            ObjectNode body = api.object().put("generalEntrants", e.generalEntrants())
                    .put("vocationalEntrantsInCounty", e.vocationalEntrantsInCounty())
                    .put("vocationalEntrantsOutOfCounty", e.vocationalEntrantsOutOfCounty());
            JsonHttp.putPresent(body, "juniorGraduates", e.juniorGraduates());
            JsonHttp.putPresent(body, "examTakers", e.examTakers());
            JsonHttp.putPresent(body, "generalEnrolmentPlan", e.generalEnrolmentPlan());
            boolean changed = putCountyFact("senior-entrance", e.year(), body, List.of("juniorGraduates", "examTakers",
                    "generalEntrants", "vocationalEntrantsInCounty", "vocationalEntrantsOutOfCounty", "generalEnrolmentPlan"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        for (TeacherRecruitment r : facts.teacherRecruitment()) {
            ObjectNode body = api.object().put("recruited", r.recruited()).put("ruralRecruited", r.ruralRecruited());
            boolean changed = putCountyFact("teacher-recruitment", r.year(), body, List.of("recruited", "ruralRecruited"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        for (TrainingInstitutions t : facts.trainingInstitutions()) {
            ObjectNode body = api.object();
            ArrayNode kinds = body.putArray("kinds");
            for (InstitutionKind k : t.kinds()) {
                kinds.addObject().put("kind", k.kind()).put("atStart", k.atStart()).put("atEnd", k.atEnd())
                        .put("approved", k.approved()).put("rectified", k.rectified()).put("closed", k.closed());
            }
            JsonHttp.putPresent(body, "inspections", t.inspections());
            JsonHttp.putPresent(body, "complaintsHandled", t.complaintsHandled());
            boolean changed = putCountyFact("training-institutions", t.year(), body,
                    List.of("kinds", "inspections", "complaintsHandled"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        session.out.printf("  county facts (senior-secondary entrance, teacher recruitment, training institutions): %d written, "
                + "%d already there%n", written, kept);
    }

    /** PUTs one county fact unless the registry holds it with the same {@code fields}; whether it wrote. */
    private boolean putCountyFact(String kind, int year, ObjectNode body, List<String> fields) {
        return session.put(kind + " " + year, url("/api/v1/counties/" + session.place.county() + "/" + kind + "/" + year),
                session.editor, body, stored -> JsonHttp.sameFields(stored, body, fields)) != Put.KEPT;
    }

    long countSchools() {
        return JsonHttp.expect("list schools", api.get(url("/api/v1/schools?region=" + session.place.county() + "&size=1"),
                session.editor), 200).json().path("totalItems").asLong();
    }

    /** Classes the registry holds for the county, per school year. */
    Map<Integer, Long> countClasses(List<Integer> years) {
        Map<Integer, Long> classes = new LinkedHashMap<>();
        for (int year : years) {
            long count = 0;
            for (int page = 0;; page++) {
                JsonNode list = JsonHttp.expect("list school years " + year, api.get(url("/api/v1/school-years?region="
                        + session.place.county() + "&schoolYear=" + year + "&size=200&page=" + page), session.editor), 200)
                        .json();
                for (JsonNode item : list.path("items")) {
                    count += item.path("classes").size();
                }
                if ((long) (page + 1) * 200 >= list.path("totalItems").asLong()) {
                    break;
                }
            }
            classes.put(year, count);
        }
        return classes;
    }
}
