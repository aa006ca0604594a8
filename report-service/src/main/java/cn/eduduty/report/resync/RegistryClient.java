package cn.eduduty.report.resync;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What a resync reads from school-registry-service: regions, schools, school years, population and
 * the county's own facts. The records name only the fields resync uses; each is checked against
 * the registry's OpenAPI document (OwnerContractTest).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface RegistryClient {

    @GET
    @Path("/regions/{code}")
    Region region(@PathParam("code") String code);

    @GET
    @Path("/regions/{code}/ancestors")
    List<Region> ancestors(@PathParam("code") String code);

    @GET
    @Path("/regions/{code}/children")
    Page<Region> children(@PathParam("code") String code, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/schools")
    Page<School> schools(@QueryParam("region") String region, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/school-years")
    Page<SchoolYear> schoolYears(@QueryParam("region") String region, @QueryParam("schoolYear") int schoolYear,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/regions/{code}/population/{year}")
    Population population(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/counties/{county}/senior-entrance")
    Page<SeniorEntrance> seniorEntrance(@PathParam("county") String county, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/counties/{county}/teacher-recruitment")
    Page<TeacherRecruitment> teacherRecruitment(@PathParam("county") String county, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/counties/{county}/training-institutions")
    Page<TrainingInstitutions> trainingInstitutions(@PathParam("county") String county,
            @QueryParam("page") int page, @QueryParam("size") int size);

    record Region(String code, String name, String level, String parentCode, LocalDate validFrom, LocalDate validTo,
            long version) {
    }

    record School(String code, String name, String type, String ownership, boolean inclusive,
            boolean townshipCentral, String area, String townshipCode, String countyCode, LocalDate openedOn,
            LocalDate closedOn, long version) {
    }

    /** A school's year; a class without {@code commonLanguage} teaches in it (the registry's default). */
    record SchoolYear(String schoolCode, int schoolYear, List<ClassRoom> classes, List<Flow> flows,
            Disability disability, Staff staff, long version) {

        record ClassRoom(String stage, int grade, int students, Boolean commonLanguage) {
        }

        record Flow(String stage, int grade, int entrants, int graduates, int transfersIn, int transfersOut,
                int dropouts) {
        }

        record Disability(int regularClass, int specialClass, int specialSchool, int homeDelivered) {
        }

        record Staff(int teachers, int newHires, int ruralNewHires, int eligibleForRotation, int rotated,
                int rotatedBackbone, int newHiresPutonghua2B) {
        }
    }

    record Population(String regionCode, int year, Map<Integer, Integer> residentsByAge,
            Integer identifiedDisabledChildren, long version) {
    }

    record SeniorEntrance(String regionCode, int year, Integer juniorGraduates, Integer examTakers,
            int generalEntrants, int vocationalEntrantsInCounty, int vocationalEntrantsOutOfCounty,
            Integer generalEnrolmentPlan, long version) {
    }

    record TeacherRecruitment(String regionCode, int year, int recruited, int ruralRecruited, long version) {
    }

    record TrainingInstitutions(String regionCode, int year, List<Kind> kinds, Integer inspections,
            Integer complaintsHandled, long version) {

        record Kind(String kind, int atStart, int atEnd, int approved, int rectified, int closed) {
        }
    }
}
