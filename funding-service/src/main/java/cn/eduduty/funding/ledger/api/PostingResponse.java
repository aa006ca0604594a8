package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "A booked posting; never changes")
public record PostingResponse(
        UUID id,
        @Schema(examples = "990101") String regionCode,
        @Schema(examples = "2025") int fiscalYear,
        LocalDate bookingDate,
        @Schema(examples = "记-2025-0042") String voucherNumber,
        String memo,
        String schoolCode,
        String stage,
        @Schema(description = "The posting this one reverses") UUID reversalOf,
        String reversalReason,
        @Schema(description = "The posting that reversed this one, if any") UUID reversedBy,
        List<Line> lines,
        @Schema(examples = "county-editor@990101") String bookedBy,
        Instant bookedAt) {

    @Schema(name = "PostingLine")
    public record Line(
            @Schema(examples = "0") int lineNo,
            @Schema(examples = "5002") String accountCode,
            @Schema(examples = "生均公用经费") String accountName,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "325000.00") BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "0.00") BigDecimal credit) {
    }
}
