package cn.eduduty.registry.countyfact.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's senior-secondary entrance of a year (autumn)")
public record SeniorEntranceResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(description = "The year whose autumn the entrants started in", examples = "2025") int year,
        Integer juniorGraduates,
        Integer examTakers,
        int generalEntrants,
        int vocationalEntrantsInCounty,
        int vocationalEntrantsOutOfCounty,
        Integer generalEnrolmentPlan,
        @Schema(examples = "county-editor@990101") String recordedBy,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
