package cn.eduduty.report.deadline.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.report.figures.ReportPeriods;

@Schema(description = "A reporting deadline for a county; for a prefecture, all its counties and its roll-up; for a province, all its counties, each prefecture's roll-up and the province's")
public record CreateDeadlineRequest(
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
        @Schema(examples = "990100") String regionCode,
        @NotNull @Min(2000) @Max(2100)
        @Schema(description = "Evaluation year the report covers", examples = "2025") Integer reportYear,
        @NotNull
        @Schema(description = "When the final report is due (ISO-8601 with offset)", examples = "2026-03-31T17:00:00+08:00")
        OffsetDateTime dueAt,
        @Schema(type = SchemaType.STRING, description = "How long before the due time a draft is generated (ISO-8601 duration); none by default",
                examples = "P7D")
        Duration draftLeadTime,
        @Valid
        @Schema(description = "Periods the reports evaluate instead of the defaults (each optional)")
        ReportPeriods.Choice periods,
        @Size(max = 100)
        @Schema(description = "For a roll-up (prefecture or province): who signs it (default: <region>人民政府教育督导室)",
                examples = "示例州人民政府教育督导室")
        String signingAuthority,
        @Schema(description = "For a roll-up (prefecture or province): the date printed on it (default: the generation date)",
                examples = "2026-03-31")
        LocalDate signingDate) {
}
