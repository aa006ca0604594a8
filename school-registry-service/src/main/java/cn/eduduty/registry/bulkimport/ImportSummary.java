package cn.eduduty.registry.bulkimport;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What an import stored")
public record ImportSummary(
        @Schema(enumeration = { "schools", "classes", "enrolment", "staff", "senior-entrance", "teacher-recruitment",
                "training-institutions" }, examples = "classes") String kind,
        @Schema(description = "Data rows read", examples = "1312") long rows,
        @Schema(description = "Schools registered", examples = "0") long schoolsRegistered,
        @Schema(description = "Schools whose registration was replaced", examples = "0") long schoolsUpdated,
        @Schema(description = "School years whose data was replaced", examples = "62") long schoolYearsReplaced,
        @Schema(description = "County years whose fact was recorded or replaced", examples = "0") long countyYearsRecorded,
        @Schema(description = "True when this key was imported before: nothing changed now") boolean replayed) {
}
