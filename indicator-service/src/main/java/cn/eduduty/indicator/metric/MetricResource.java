package cn.eduduty.indicator.metric;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.runtime.security.Roles;

/** The published catalogue of metric keys indicators can be bound to; the same for every region. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "The catalogue of figures the report service computes")
public class MetricResource {

    @Schema(name = "Metric", description = "A figure indicators can be bound to and evidence can cite")
    public record MetricResponse(
            @Schema(examples = "registry.preschool.gross_enrolment_rate") String key,
            @Schema(examples = "学前教育毛入园率") String label,
            @Schema(enumeration = { "PERCENT", "COUNT", "YUAN", "RATIO", "BOOLEAN" }, examples = "PERCENT") String unit,
            @Schema(examples = "在园幼儿数（不分年龄）÷ 3–5 周岁常住人口数") String definition,
            @Schema(description = "Other words a narrative uses for the metric; the report's stated-figure checker "
                    + "reads them (one word may name metrics of different units, e.g. the count and the share of 大班额)",
                    examples = "[\"毛入园率\", \"学前三年毛入园率\"]") List<String> aliases) {
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listMetrics", summary = "List the metric catalogue")
    @APIResponse(responseCode = "200", description = "Every metric key with its label, unit, definition and aliases",
            content = @Content(schema = @Schema(implementation = MetricResponse.class, type = SchemaType.ARRAY)))
    public List<MetricResponse> list() {
        return MetricCatalogue.all().stream()
                .map(m -> new MetricResponse(m.key(), m.label(), m.unit().name(), m.definition(), m.aliases())).toList();
    }
}
