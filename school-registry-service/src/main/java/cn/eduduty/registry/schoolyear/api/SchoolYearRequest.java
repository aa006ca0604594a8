package cn.eduduty.registry.schoolyear.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A school's data for one school year, as at 1 September; replaces what was there")
public record SchoolYearRequest(
        @NotNull @Size(max = 500) @Valid @Schema(description = "Every class (教学班)") List<ClassRequest> classes,
        @Size(max = 100) @Valid @Schema(description = "Enrolment flows per stage and grade") List<FlowRequest> flows,
        @Valid @Schema(description = "Students with disabilities by placement") DisabilityRequest disability,
        @Valid @Schema(description = "Staff aggregates") StaffRequest staff) {

    @Schema(name = "ClassRequest")
    public record ClassRequest(
            @NotNull @Schema(examples = "PRIMARY", enumeration = { "PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL",
                    "SPECIAL" }) String stage,
            @NotNull @Schema(description = "Preschool 1–3, primary 1–6, junior 7–9, senior and vocational 10–12", examples = "1")
            Integer grade,
            @NotNull @Min(0) @Schema(examples = "45") Integer students,
            @Schema(description = "Taught in the national common language; true when absent", examples = "true")
            Boolean commonLanguage) {
    }

    @Schema(name = "FlowRequest")
    public record FlowRequest(
            @NotNull @Schema(examples = "PRIMARY") String stage,
            @NotNull @Schema(examples = "1") Integer grade,
            @NotNull @Min(0) @Schema(examples = "90") Integer entrants,
            @NotNull @Min(0) @Schema(examples = "0") Integer graduates,
            @NotNull @Min(0) @Schema(examples = "2") Integer transfersIn,
            @NotNull @Min(0) @Schema(examples = "1") Integer transfersOut,
            @NotNull @Min(0) @Schema(examples = "0") Integer dropouts) {
    }

    @Schema(name = "DisabilityRequest")
    public record DisabilityRequest(
            @NotNull @Min(0) @Schema(description = "随班就读", examples = "3") Integer regularClass,
            @NotNull @Min(0) @Schema(description = "特教班", examples = "0") Integer specialClass,
            @NotNull @Min(0) @Schema(description = "特教学校", examples = "0") Integer specialSchool,
            @NotNull @Min(0) @Schema(description = "送教上门", examples = "1") Integer homeDelivered) {
    }

    @Schema(name = "StaffRequest")
    public record StaffRequest(
            @NotNull @Min(0) @Schema(examples = "48") Integer teachers,
            @NotNull @Min(0) @Schema(examples = "4") Integer newHires,
            @NotNull @Min(0) @Schema(description = "of the new hires, in rural schools", examples = "1") Integer ruralNewHires,
            @NotNull @Min(0) @Schema(description = "teachers eligible for rotation", examples = "30") Integer eligibleForRotation,
            @NotNull @Min(0) @Schema(examples = "4") Integer rotated,
            @NotNull @Min(0) @Schema(description = "of the rotated, backbone teachers", examples = "1") Integer rotatedBackbone,
            @NotNull @Min(0) @Schema(description = "of the new hires, Putonghua level 2B or better", examples = "4")
            Integer newHiresPutonghua2B) {
    }
}
