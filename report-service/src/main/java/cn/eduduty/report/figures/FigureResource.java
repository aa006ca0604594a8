package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

/** Figures computed from the read model, each with its provenance. */
@Path("/api/v1/regions/{code}/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figures", description = "Figures of a region and year, with inputs and sources")
public class FigureResource {

    private final FundingInputs inputs;
    private final Access access;

    FigureResource(FundingInputs inputs, Access access) {
        this.inputs = inputs;
        this.access = access;
    }

    @Schema(name = "ReportFigure", description = "A figure with its formula, inputs and source records, or the reason it is absent")
    public record FigureResponse(
            @Schema(examples = "funding.three_growths.appropriation_vs_revenue") String key,
            @Schema(examples = "教育拨款增长高于财政经常性收入增长") String label,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "1") BigDecimal value,
            @Schema(examples = "BOOLEAN") String unit,
            @Schema(examples = "政府教育拨款增长率 > 财政经常性收入增长率") String formula,
            List<Figure.Input> inputs,
            List<Figure.Source> sources,
            @Schema(examples = "2024年、2025年无财政经常性收入数据，无法比较") String absentReason) {
    }

    @GET
    @Path("/funding")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "getFundingFigures", summary = "Compute the funding figures and rules of a region for a year")
    @APIResponse(responseCode = "200", description = "三个增长, 两个只增不减, education share, pay, per-student figures",
            content = @Content(schema = @Schema(implementation = FigureResponse.class, type = SchemaType.ARRAY)))
    public List<FigureResponse> funding(
            @PathParam("code") @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code") String code,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(description = "Fiscal year", required = true)
            Integer year) {
        access.requireRead(code);
        return FundingRules.compute(inputs.read(code, year), inputs.read(code, year - 1)).stream()
                .map(f -> new FigureResponse(f.key(), f.label(), f.value(), f.unit(), f.formula(), f.inputs(),
                        f.sources(), f.absentReason()))
                .toList();
    }
}
