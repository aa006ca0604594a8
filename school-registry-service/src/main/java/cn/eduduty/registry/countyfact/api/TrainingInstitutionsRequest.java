package cn.eduduty.registry.countyfact.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's off-campus training institutions (校外培训机构) in a calendar year, by kind, "
        + "and the governance work of the year (规范校外培训)")
public record TrainingInstitutionsRequest(
        @NotNull @Size(max = 5) @Valid @Schema(description = "At most one entry per kind") List<InstitutionKind> kinds,
        @Min(0) @Max(1_000_000) @Schema(description = "检查次数（专项检查、联合执法） (optional)", examples = "24")
        Integer inspections,
        @Min(0) @Max(1_000_000) @Schema(description = "受理并办结的投诉举报件数 (optional)", examples = "7")
        Integer complaintsHandled) {

    /** The kinds, in the order reports list them. */
    public static final List<String> KINDS = List.of("SUBJECT", "ARTS", "SPORTS", "SCIENCE", "OTHER");

    @Schema(name = "InstitutionKind", description = "The institutions of one kind")
    public record InstitutionKind(
            @NotNull @Schema(description = "学科类, 艺术, 体育, 科技, 其他", examples = "SUBJECT",
                    enumeration = { "SUBJECT", "ARTS", "SPORTS", "SCIENCE", "OTHER" }) String kind,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "机构数 on 1 January", examples = "12") Integer atStart,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "机构数 on 31 December", examples = "3") Integer atEnd,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "审批登记 during the year", examples = "0") Integer approved,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "责令整改", examples = "4") Integer rectified,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "取缔、关停 (licensed or not)", examples = "9")
            Integer closed) {
    }
}
