package cn.eduduty.funding.fiscal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.funding.fiscal.api.FiscalContextResponse;
import cn.eduduty.funding.fiscal.api.PutFiscalContextRequest;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/counties/{regionCode}/fiscal-contexts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fiscal context", description = "Regular fiscal revenue, budget expenditure and pay levels per county and year")
public class FiscalContextResource {


    private final FiscalContextService service;
    private final Access access;

    FiscalContextResource(FiscalContextService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Path("/{fiscalYear}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putFiscalContext", summary = "Record or replace (If-Match) a county's fiscal context for a year")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = FiscalContextResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = FiscalContextResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String regionCode,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PutFiscalContextRequest request) {
        access.requireWrite(regionCode);
        FiscalContextService.Saved saved = service.put(regionCode, fiscalYear, request, ifMatch, access.principal());
        return Versions.saved(saved.created(), "/api/v1/counties/" + regionCode + "/fiscal-contexts/" + fiscalYear,
                saved.context(), saved.context().version());
    }

    @GET
    @Path("/{fiscalYear}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getFiscalContext", summary = "Get a county's fiscal context for a year")
    @APIResponse(responseCode = "200", description = "The fiscal context, with its version as ETag",
            content = @Content(schema = @Schema(implementation = FiscalContextResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String regionCode,
            @PathParam("fiscalYear") @Min(1990) @Max(2100) int fiscalYear) {
        access.requireRead(regionCode);
        FiscalContextResponse context = service.get(regionCode, fiscalYear);
        return Response.ok(context).tag(Versions.etag(context.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listFiscalContexts", summary = "List a county's fiscal contexts by year")
    @APIResponse(responseCode = "200", description = "One page of fiscal contexts, oldest year first")
    public Page<FiscalContextResponse> list(
            @PathParam("regionCode") @Pattern(regexp = RegionCode.COUNTY_PATTERN, message = RegionCode.COUNTY_MESSAGE) String regionCode,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(regionCode);
        return service.list(regionCode, page);
    }
}
