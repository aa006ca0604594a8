package cn.eduduty.registry.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import cn.eduduty.registry.school.api.CloseSchoolRequest;
import cn.eduduty.registry.school.api.SchoolRequest;
import cn.eduduty.registry.school.api.SchoolResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Schools by their 10-digit national identification code")
public class SchoolResource {

    static final String CODE = "^\\d{10}$";
    static final String CODE_MESSAGE = "must be a 10-digit school identification code";

    private final SchoolService service;
    private final Access access;

    SchoolResource(SchoolService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putSchool", summary = "Register a school, or replace its registration (If-Match)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SchoolRequest request) {
        access.requireWrite(request.townshipCode());
        // a code of another county is a conflict naming nothing of it; only the system role may
        // move a school between counties, and only between counties within its own region
        SchoolService.Saved saved = service.put(code, request, ifMatch,
                county -> access.holds(Roles.SYSTEM) && access.visible(county), access.principal());
        return Versions.saved(saved.created(), "/api/v1/schools/" + code, saved.school(), saved.school().version());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getSchool", summary = "Get a school")
    @APIResponse(responseCode = "200", description = "The school, with its version as ETag",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        SchoolResponse school = service.get(code);
        access.requireReadOrHide(school.townshipCode(), () -> SchoolService.missing(code));
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @POST
    @Path("/{code}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "closeSchool", summary = "Close a school (If-Match); it still counts in the years it was open")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response close(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CloseSchoolRequest request) {
        SchoolResponse school = service.close(code, request, ifMatch, access);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listSchools", summary = "List the schools within a region, by code")
    @APIResponse(responseCode = "200", description = "One page of schools, open and closed")
    public Page<SchoolResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a GB/T 2260 code")
            @Parameter(description = "Region whose schools to list", required = true) String region,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return service.list(region, page);
    }
}
