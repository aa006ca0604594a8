package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One line of a posting: an account and either a debit or a credit, in yuan with at most two decimals")
public record LineRequest(
        @Schema(description = "Account code of the county's chart", examples = "5002") String account,
        @Schema(type = SchemaType.STRING, pattern = "^\\d+(\\.\\d{1,2})?$", examples = "325000.00") BigDecimal debit,
        @Schema(type = SchemaType.STRING, pattern = "^\\d+(\\.\\d{1,2})?$", description = "Absent on a debit line") BigDecimal credit) {
}
