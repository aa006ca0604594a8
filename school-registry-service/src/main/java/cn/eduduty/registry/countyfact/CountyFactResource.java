package cn.eduduty.registry.countyfact;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.registry.countyfact.api.SeniorEntranceRequest;
import cn.eduduty.registry.countyfact.api.SeniorEntranceResponse;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentRequest;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentResponse;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsRequest;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

/**
 * A county's own facts per year, which belong to no school: senior-secondary entrance (autumn),
 * teacher recruitment and off-campus training institutions (calendar year). County editors and
 * system clients write their own county; every role reads within its region.
 */
@Path("/api/v1/counties/{county}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "County facts", description = "Senior-secondary entrance, teacher recruitment and off-campus training "
        + "institutions of a county per year")
public class CountyFactResource {

    private static final String BASE = "/api/v1/counties/";

    private final CountyFactService service;
    private final Access access;

    CountyFactResource(CountyFactService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Path("/senior-entrance/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putSeniorEntrance",
            summary = "Record or replace (If-Match) the senior-secondary entrance of the county's junior graduates in the autumn of a year")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SeniorEntranceResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SeniorEntranceResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response putSeniorEntrance(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SeniorEntranceRequest request) {
        access.requireWrite(county);
        return saved(service.putSeniorEntrance(county, year, request, ifMatch, access.principal()),
                BASE + county + "/senior-entrance/" + year);
    }

    @GET
    @Path("/senior-entrance/{year}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getSeniorEntrance", summary = "Get the county's senior-secondary entrance of a year")
    @APIResponse(responseCode = "200", description = "The entrance, with its version as ETag",
            content = @Content(schema = @Schema(implementation = SeniorEntranceResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getSeniorEntrance(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year) {
        access.requireRead(county);
        SeniorEntranceResponse fact = service.seniorEntrance(county, year);
        return Response.ok(fact).tag(Versions.etag(fact.version())).build();
    }

    @GET
    @Path("/senior-entrance")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listSeniorEntrances", summary = "List the county's senior-secondary entrance of every recorded year")
    @APIResponse(responseCode = "200", description = "One page, by year")
    public Page<SeniorEntranceResponse> listSeniorEntrances(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(county);
        return service.seniorEntrances(county, page);
    }

    @PUT
    @Path("/teacher-recruitment/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putTeacherRecruitment", summary = "Record or replace (If-Match) the county's teacher recruitment of a year")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = TeacherRecruitmentResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TeacherRecruitmentResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response putTeacherRecruitment(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TeacherRecruitmentRequest request) {
        access.requireWrite(county);
        return saved(service.putTeacherRecruitment(county, year, request, ifMatch, access.principal()),
                BASE + county + "/teacher-recruitment/" + year);
    }

    @GET
    @Path("/teacher-recruitment/{year}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getTeacherRecruitment", summary = "Get the county's teacher recruitment of a year")
    @APIResponse(responseCode = "200", description = "The recruitment, with its version as ETag",
            content = @Content(schema = @Schema(implementation = TeacherRecruitmentResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getTeacherRecruitment(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year) {
        access.requireRead(county);
        TeacherRecruitmentResponse fact = service.teacherRecruitment(county, year);
        return Response.ok(fact).tag(Versions.etag(fact.version())).build();
    }

    @GET
    @Path("/teacher-recruitment")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listTeacherRecruitments", summary = "List the county's teacher recruitment of every recorded year")
    @APIResponse(responseCode = "200", description = "One page, by year")
    public Page<TeacherRecruitmentResponse> listTeacherRecruitments(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(county);
        return service.teacherRecruitments(county, page);
    }

    @PUT
    @Path("/training-institutions/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putTrainingInstitutions",
            summary = "Record or replace (If-Match) the county's off-campus training institutions and their governance of a year")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = TrainingInstitutionsResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TrainingInstitutionsResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response putTrainingInstitutions(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TrainingInstitutionsRequest request) {
        access.requireWrite(county);
        return saved(service.putTrainingInstitutions(county, year, request, ifMatch, access.principal()),
                BASE + county + "/training-institutions/" + year);
    }

    @GET
    @Path("/training-institutions/{year}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getTrainingInstitutions", summary = "Get the county's off-campus training institutions of a year")
    @APIResponse(responseCode = "200", description = "The institutions, with their version as ETag",
            content = @Content(schema = @Schema(implementation = TrainingInstitutionsResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getTrainingInstitutions(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @PathParam("year") @Min(1990) @Max(2100) int year) {
        access.requireRead(county);
        TrainingInstitutionsResponse fact = service.trainingInstitutions(county, year);
        return Response.ok(fact).tag(Versions.etag(fact.version())).build();
    }

    @GET
    @Path("/training-institutions")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listTrainingInstitutions",
            summary = "List the county's off-campus training institutions of every recorded year")
    @APIResponse(responseCode = "200", description = "One page, by year")
    public Page<TrainingInstitutionsResponse> listTrainingInstitutions(
            @PathParam("county") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String county,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(county);
        return service.trainingInstitutions(county, page);
    }

    private static Response saved(CountyFactService.Saved<?> saved, String location) {
        return Versions.saved(saved.created(), location, saved.fact(), saved.version());
    }
}
