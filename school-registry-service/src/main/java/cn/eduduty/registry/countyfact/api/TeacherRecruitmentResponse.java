package cn.eduduty.registry.countyfact.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's teacher recruitment of a calendar year")
public record TeacherRecruitmentResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int year,
        int recruited,
        int ruralRecruited,
        @Schema(examples = "county-editor@990101") String recordedBy,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
