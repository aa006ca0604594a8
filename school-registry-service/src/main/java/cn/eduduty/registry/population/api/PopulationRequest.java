package cn.eduduty.registry.population.api;

import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Resident population by single year of age, and identified school-age children with disabilities")
public record PopulationRequest(
        @NotNull @Size(max = 26) @Schema(description = "Residents per age (0–25)", examples = "{\"3\":4210,\"4\":4188,\"5\":4302}")
        Map<Integer, Integer> residentsByAge,
        @Min(0) @Schema(description = "已认定的适龄残疾儿童少年数", examples = "215") Integer identifiedDisabledChildren) {
}
