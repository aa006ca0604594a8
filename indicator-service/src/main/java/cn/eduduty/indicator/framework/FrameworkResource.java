package cn.eduduty.indicator.framework;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import cn.eduduty.indicator.framework.api.CreateFrameworkRequest;
import cn.eduduty.indicator.framework.api.FrameworkResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks", description = "Evaluation frameworks issued by a prefecture per evaluation year")
public class FrameworkResource {

    private final FrameworkService service;
    private final Access access;

    FrameworkResource(FrameworkService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "createFramework", summary = "Create a draft framework")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull CreateFrameworkRequest request) {
        access.require(request.regionCode(), "issue frameworks for", Roles.PREFECTURE_REVIEWER, Roles.SYSTEM);
        FrameworkResponse created = service.create(request, access.principal());
        return Response.created(URI.create("/api/v1/frameworks/" + created.id())).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getFramework", summary = "Get a framework")
    @APIResponse(responseCode = "200", description = "The framework, with its version as ETag",
            content = @Content(schema = @Schema(implementation = FrameworkResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        FrameworkResponse framework = service.get(id);
        // a framework applies to everything below its region: a county reads its prefecture's
        if (!RegionAccess.appliesTo(framework.regionCode(), access)) {
            access.requireRead(framework.regionCode());
        }
        return Response.ok(framework).tag(Versions.etag(framework.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listFrameworks", summary = "List frameworks of a region")
    @APIResponse(responseCode = "200", description = "One page of frameworks, newest year first")
    public Page<FrameworkResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "Region whose frameworks (its own and those below it) to list", required = true)
            String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Evaluation year") Integer year,
            @QueryParam("status") @Parameter(description = "DRAFT or PUBLISHED") FrameworkStatus status,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return service.list(region, year, status, page);
    }
}
