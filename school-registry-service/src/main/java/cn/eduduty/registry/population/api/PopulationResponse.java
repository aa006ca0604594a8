package cn.eduduty.registry.population.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A region's population for a year")
public record PopulationResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int year,
        Map<Integer, Integer> residentsByAge,
        Integer identifiedDisabledChildren,
        @Schema(examples = "county-editor@990101") String recordedBy,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
