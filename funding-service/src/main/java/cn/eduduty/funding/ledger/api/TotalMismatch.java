package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "One running total (account, stage and school of a county's fiscal year) that differs from the sum of its lines")
public record TotalMismatch(
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int fiscalYear,
        @Schema(examples = "5002") String account,
        @Schema(description = "The postings' stage, empty for none", examples = "PRIMARY") String stage,
        @Schema(description = "The postings' school code, empty for none", examples = "2199010101") String schoolCode,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Debit of the running total", examples = "325001.00") BigDecimal totalDebit,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Debit summed over the lines", examples = "325000.00") BigDecimal linesDebit,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Credit of the running total", examples = "0.00") BigDecimal totalCredit,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Credit summed over the lines", examples = "0.00") BigDecimal linesCredit,
        @Schema(description = "Line count of the running total", examples = "1") long totalLines,
        @Schema(description = "Lines counted", examples = "1") long lines) {
}
