package cn.eduduty.report.checks.narrative;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.report.checks.narrative.api.NarrativeCheckRequest;
import cn.eduduty.report.checks.narrative.api.NarrativeCheckResponse;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

/**
 * Checks a narrative before it is saved: the numbers it states against the figures a report of
 * the region and year would compute now. Stores nothing.
 */
@Path("/api/v1/narrative-checks")
@Tag(name = "Narrative checks", description = "The stated numbers of a narrative checked against the computed figures")
public class NarrativeCheckResource {

    private final FigureEngine engine;
    private final Access access;

    NarrativeCheckResource(FigureEngine engine, Access access) {
        this.engine = engine;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "checkNarrative",
            summary = "Check the numbers a narrative states against the computed figures of a region and year")
    @APIResponse(responseCode = "200", description = "Every stated number with its attribution, computed value and verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NarrativeCheckResponse.class)))
    public NarrativeCheckResponse check(@Valid @NotNull NarrativeCheckRequest request) {
        access.requireRead(request.region());
        FigureEngine.Book book = engine.compute(request.region(), request.year());
        List<StatedFigure> figures = NarrativeChecks.checker(book).check(request.text());
        NarrativeChecks.Summary summary = NarrativeChecks.Summary.of(figures);
        return new NarrativeCheckResponse(request.region(), request.year(),
                new NarrativeCheckResponse.Summary(summary.checked(), summary.mismatched(), summary.unchecked(),
                        summary.sentence()),
                figures.stream().map(NarrativeCheckResponse.Stated::of).toList());
    }
}
