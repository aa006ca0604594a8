package cn.eduduty.registry.population;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import cn.eduduty.registry.population.api.PopulationRequest;
import cn.eduduty.registry.population.api.PopulationResponse;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Versions;

@Path("/api/v1/regions/{code}/population/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Population", description = "Resident population by age, for gross enrolment rates")
public class PopulationResource {

    private final PopulationService service;
    private final Access access;

    PopulationResource(PopulationService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.SYSTEM })
    @Operation(operationId = "putPopulation", summary = "Record or replace (If-Match) a region's population for a year")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = PopulationResponse.class)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PopulationResponse.class)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@PathParam("code") @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a GB/T 2260 code") String code,
            @PathParam("year") @Min(1990) @Max(2100) int year, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PopulationRequest request) {
        access.requireWrite(code);
        PopulationService.Saved saved = service.put(code, year, request, ifMatch, access.principal());
        return Versions.saved(saved.created(), "/api/v1/regions/" + code + "/population/" + year, saved.population(),
                saved.population().version());
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getPopulation", summary = "Get a region's population for a year")
    @APIResponse(responseCode = "200", description = "The population, with its version as ETag",
            content = @Content(schema = @Schema(implementation = PopulationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("code") @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a GB/T 2260 code") String code,
            @PathParam("year") @Min(1990) @Max(2100) int year) {
        access.requireRead(code);
        PopulationResponse population = service.get(code, year);
        return Response.ok(population).tag(Versions.etag(population.version())).build();
    }
}
