package cn.eduduty.registry.countyfact.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's off-campus training institutions of a calendar year")
public record TrainingInstitutionsResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int year,
        @Schema(description = "By kind, in the order SUBJECT, ARTS, SPORTS, SCIENCE, OTHER")
        List<TrainingInstitutionsRequest.InstitutionKind> kinds,
        Integer inspections,
        Integer complaintsHandled,
        @Schema(examples = "county-editor@990101") String recordedBy,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
