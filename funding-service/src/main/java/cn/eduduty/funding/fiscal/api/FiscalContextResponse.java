package cn.eduduty.funding.fiscal.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "A county's fiscal context for one fiscal year; amounts are decimal yuan written as strings")
public record FiscalContextResponse(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int fiscalYear,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, examples = "856321400.00") BigDecimal regularFiscalRevenue,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, examples = "2413567800.50") BigDecimal generalPublicBudgetExpenditure,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, examples = "98650.00") BigDecimal averageTeacherPay,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, examples = "97200.00") BigDecimal averageCivilServantPay,
        @Schema(description = "Who recorded this version", examples = "county-editor@990101") String recordedBy,
        Instant recordedAt,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
