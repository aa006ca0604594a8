package cn.eduduty.report.deadline.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.report.figures.ReportPeriods;

@Schema(description = "A registered reporting deadline")
public record DeadlineResponse(
        UUID id,
        @Schema(examples = "990100") String regionCode,
        @Schema(examples = "2025") int reportYear,
        @Schema(examples = "2026-03-31T09:00:00Z") Instant dueAt,
        @Schema(type = SchemaType.STRING, examples = "PT168H") Duration draftLeadTime,
        @Schema(description = "When the draft is due to be generated") Instant draftAt,
        @Schema(description = "Periods set on the deadline (null ones take the defaults)")
        ReportPeriods.Choice periods,
        @Schema(examples = "示例州人民政府教育督导室") String signingAuthority,
        @Schema(examples = "2026-03-31") LocalDate signingDate,
        @Schema(examples = "prefecture-reviewer@990100") String createdBy,
        Instant createdAt) {
}
