package cn.eduduty.registry.schoolyear;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.registry.schoolyear.api.SchoolYearRequest;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/schools/{code}/years/{schoolYear}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "School years", description = "Classes, enrolment flows, students with disabilities and staff per school and year")
public class SchoolYearResource {

    private static final String CODE = "^\\d{10}$";
    private static final String CODE_MESSAGE = "must be a 10-digit school identification code";

    private final SchoolYearService service;
    private final Access access;

    SchoolYearResource(SchoolYearService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "replaceSchoolYear", summary = "Replace a school's data for a school year as a whole (If-Match once stored)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded for the first time",
            content = @Content(schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replace(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @PathParam("schoolYear") @Min(1990) @Max(2100) int schoolYear, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SchoolYearRequest request) {
        SchoolYearService.Saved saved = service.replace(code, schoolYear, request, ifMatch, access);
        return Versions.saved(saved.created(), "/api/v1/schools/" + code + "/years/" + schoolYear, saved.year(),
                saved.year().version());
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getSchoolYear", summary = "Get a school's data for a school year")
    @APIResponse(responseCode = "200", description = "The data, with its version as ETag",
            content = @Content(schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @PathParam("schoolYear") @Min(1990) @Max(2100) int schoolYear) {
        SchoolYearResponse year = service.get(code, schoolYear, access);
        return Response.ok(year).tag(Versions.etag(year.version())).build();
    }
}
