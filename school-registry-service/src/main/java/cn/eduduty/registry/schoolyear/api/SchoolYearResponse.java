package cn.eduduty.registry.schoolyear.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A school's data for one school year")
public record SchoolYearResponse(
        @Schema(examples = "2199010101") String schoolCode,
        @Schema(description = "Starting year: 2025 means 2025–2026", examples = "2025") int schoolYear,
        List<SchoolYearRequest.ClassRequest> classes,
        List<SchoolYearRequest.FlowRequest> flows,
        SchoolYearRequest.DisabilityRequest disability,
        SchoolYearRequest.StaffRequest staff,
        @Schema(examples = "county-editor@990101") String recordedBy,
        Instant recordedAt,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
