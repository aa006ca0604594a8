package cn.eduduty.report.snapshot.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.contracts.report.ReportKind;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.snapshot.ReportOptions;

@Schema(description = "Generate a report snapshot of a county (self-evaluation report), or of a prefecture or a province (roll-up)")
public record GenerateReportRequest(
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 county, prefecture or province code")
        @Schema(examples = "990101", required = true) String region,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2025", required = true) Integer year,
        @Pattern(regexp = "^(DRAFT|FINAL)$", message = "must be DRAFT or FINAL")
        @Schema(description = "DRAFT or FINAL (default)", examples = "FINAL", enumeration = { "DRAFT", "FINAL" })
        String kind,
        @Valid
        @Schema(description = "Periods to evaluate instead of the defaults (each optional; the snapshot records those used)")
        ReportPeriods.Choice periods,
        @Size(max = 100)
        @Schema(description = "For a roll-up (prefecture or province): who signs it (default: <region>人民政府教育督导室); a county's report is signed as its self-evaluation says",
                examples = "示例州人民政府教育督导室")
        String signingAuthority,
        @Schema(description = "For a roll-up (prefecture or province): the date printed on it (default: the generation date)",
                examples = "2026-03-31")
        LocalDate signingDate) {

    public String kindOrDefault() {
        return kind == null ? ReportKind.FINAL.name() : kind;
    }

    public ReportOptions options() {
        return new ReportOptions(periods, signingAuthority, signingDate);
    }
}
