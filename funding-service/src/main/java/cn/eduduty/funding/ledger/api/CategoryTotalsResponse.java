package cn.eduduty.funding.ledger.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(description = "Totals per education category and year, with growth over the year before")
public record CategoryTotalsResponse(
        @Schema(examples = "990101") String regionCode,
        List<CategoryRow> categories) {

    @Schema(name = "CategoryTotal")
    public record CategoryRow(
            @Schema(examples = "PER_STUDENT_PUBLIC_FUNDS") String category,
            List<YearTotal> years) {
    }

    @Schema(name = "YearTotal")
    public record YearTotal(
            @Schema(examples = "2025") int fiscalYear,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Net amount in the account's normal direction, yuan", examples = "1275000.00")
            BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Percent over the year before, two decimals; absent for the first year or a zero base",
                    examples = "4.17")
            BigDecimal growthPercent) {
    }
}
