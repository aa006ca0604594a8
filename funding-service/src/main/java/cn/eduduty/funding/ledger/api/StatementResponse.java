package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "One page of an account statement in booking order, with the running balance (debit − credit)")
public record StatementResponse(
        @Schema(examples = "5002") String accountCode,
        @Schema(examples = "2025") int fiscalYear,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Balance before the first line of this page", examples = "0.00")
        BigDecimal openingBalance,
        List<Line> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(examples = "123") long totalItems) {

    @Schema(name = "StatementLine")
    public record Line(
            UUID postingId,
            @Schema(examples = "记-2025-0042") String voucherNumber,
            LocalDate bookingDate,
            String memo,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "325000.00") BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "0.00") BigDecimal credit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "325000.00") BigDecimal runningBalance) {
    }
}
