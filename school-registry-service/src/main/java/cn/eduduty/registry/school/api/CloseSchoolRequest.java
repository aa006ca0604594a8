package cn.eduduty.registry.school.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Closes a school; it still counts in the school years it was open")
public record CloseSchoolRequest(@NotNull @Schema(examples = "2026-07-15") LocalDate closedOn) {
}
