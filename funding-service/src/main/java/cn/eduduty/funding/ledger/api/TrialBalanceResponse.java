package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Trial balance of a fiscal year: total debits equal total credits")
public record TrialBalanceResponse(
        @Schema(examples = "2025") int fiscalYear,
        List<BalanceRow> accounts,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "5000000.00") BigDecimal totalDebit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "5000000.00") BigDecimal totalCredit,
        @Schema(description = "totalDebit = totalCredit") boolean balanced) {
}
