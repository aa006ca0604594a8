package cn.eduduty.report.deadline;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
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

import cn.eduduty.report.deadline.api.CreateDeadlineRequest;
import cn.eduduty.report.deadline.api.DeadlineResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Reporting deadlines of counties, prefectures and provinces")
public class DeadlineResource {

    private final DeadlineService service;
    private final Access access;

    DeadlineResource(DeadlineService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @POST
    // a deadline is set over the counties, not by them: it starts generation for every county below it
    @RolesAllowed({ Roles.PREFECTURE_REVIEWER, Roles.SYSTEM })
    @Operation(operationId = "createDeadline", summary = "Register a reporting deadline (reviewers and system clients of the region or above)",
            description = "One deadline per region and report year. A due time in the past is refused, except from a "
                    + "system client backfilling a deadline that was missed.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = DeadlineResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public Response create(@Valid @NotNull CreateDeadlineRequest request) {
        access.require(request.regionCode(), "set deadlines for", Roles.PREFECTURE_REVIEWER, Roles.SYSTEM);
        DeadlineResponse created = service.create(request, access.holds(Roles.SYSTEM), access.principal());
        return Response.created(URI.create("/api/v1/deadlines/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getDeadline", summary = "Get a reporting deadline")
    @APIResponse(responseCode = "200", description = "The deadline",
            content = @Content(schema = @Schema(implementation = DeadlineResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeadlineResponse get(@PathParam("id") UUID id) {
        DeadlineResponse deadline = service.get(id);
        // a prefecture's or province's deadline applies to every county below it, which may therefore read it;
        // another region's deadline looks missing
        if (!RegionCode.within(access.region(), deadline.regionCode())) {
            access.requireReadOrHide(deadline.regionCode(), () -> DeadlineService.missing(id));
        }
        return deadline;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listDeadlines", summary = "List the deadlines of a region and the regions below it, "
            + "or those that apply to it",
            description = "With applying=true: the deadlines the region must meet, its own and those of the regions above it "
                    + "(a prefecture's deadline covers its counties), which any reader of the region may see; a county's "
                    + "staff read their deadline this way, since they may not read the prefecture's other deadlines.")
    @APIResponse(responseCode = "200", description = "One page of deadlines, soonest first")
    public Page<DeadlineResponse> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
            @Parameter(description = "Region whose deadlines to list", required = true) String region,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Report year") Integer year,
            @QueryParam("applying") @DefaultValue("false")
            @Parameter(description = "true: the deadlines that apply to the region (its own and its enclosing regions'), "
                    + "instead of those of the region and below") boolean applying,
            @Valid @BeanParam PageRequest page) {
        access.requireRead(region);
        return applying ? service.applying(region, year, page) : service.list(region, year, page);
    }
}
