package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Movements and balance of one group (account, category, stage or school) in a fiscal year")
public record BalanceRow(
        @Schema(description = "The group's key: an account code, a category, a stage or a school code", examples = "5002")
        String key,
        @Schema(examples = "生均公用经费") String label,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "1300000.00") BigDecimal debit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, examples = "25000.00") BigDecimal credit,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "debit − credit", examples = "1275000.00") BigDecimal balance,
        @Schema(examples = "42") long lines) {
}
