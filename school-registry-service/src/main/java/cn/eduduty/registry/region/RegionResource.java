package cn.eduduty.registry.region;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.registry.region.api.PutRegionRequest;
import cn.eduduty.registry.region.api.RegionResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "GB/T 2260 administrative divisions")
public class RegionResource {

    private static final String CODE = "^(\\d{6}|\\d{9})$";
    private static final String CODE_MESSAGE = "must be a 6- or 9-digit GB/T 2260 code";

    private final RegionService service;
    private final Access access;

    RegionResource(RegionService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Path("/{code}")
    // GB/T 2260 is national master data: a county may not rename or re-parent itself
    @RolesAllowed({ Roles.SYSTEM })
    @Operation(operationId = "putRegion", summary = "Register a region, or replace it (If-Match); system clients only")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PutRegionRequest request) {
        access.require(code, "write region records of", Roles.SYSTEM);
        RegionService.Saved saved = service.put(code, request, ifMatch, access.principal());
        return Versions.saved(saved.created(), "/api/v1/regions/" + code, saved.region(), saved.region().version());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getRegion", summary = "Get a region")
    @APIResponse(responseCode = "200", description = "The region, with its version as ETag",
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        access.requireRead(code);
        RegionResponse region = service.get(code);
        return Response.ok(region).tag(Versions.etag(region.version())).build();
    }

    @GET
    @Path("/{code}/children")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listRegionChildren", summary = "List the regions directly below a region")
    @APIResponse(responseCode = "200", description = "One page of child regions, by code")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<RegionResponse> children(
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(code);
        return service.children(code, page);
    }

    @GET
    @Path("/{code}/ancestors")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listRegionAncestors", summary = "List a region's enclosing regions, nearest first")
    @APIResponse(responseCode = "200", description = "Parent, grandparent, … up to the province",
            content = @Content(schema = @Schema(implementation = RegionResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RegionResponse> ancestors(
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        access.requireRead(code);
        return service.ancestors(code);
    }
}
