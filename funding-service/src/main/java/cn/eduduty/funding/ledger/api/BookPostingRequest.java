package cn.eduduty.funding.ledger.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A posting (voucher, 凭证): two or more lines whose debits and credits balance exactly")
public record BookPostingRequest(
        @NotNull @Min(1990) @Max(2100) @Schema(description = "Fiscal (calendar) year", examples = "2025") Integer fiscalYear,
        @NotNull @Schema(description = "Within the fiscal year", examples = "2025-04-10") LocalDate bookingDate,
        @NotBlank @Size(max = 50) @Schema(description = "Unique in the county and year", examples = "记-2025-0042")
        String voucherNumber,
        @Size(max = 500) @Schema(examples = "拨付第二季度小学生均公用经费") String memo,
        @Pattern(regexp = "^\\d{10}$", message = "must be a 10-digit school identification code")
        @Schema(description = "The school the money concerns", examples = "2199010101") String schoolCode,
        @Pattern(regexp = "^(PRESCHOOL|PRIMARY|JUNIOR|SENIOR|VOCATIONAL|SPECIAL)$",
                message = "must be PRESCHOOL, PRIMARY, JUNIOR, SENIOR, VOCATIONAL or SPECIAL")
        @Schema(description = "The stage the money concerns", examples = "PRIMARY") String stage,
        @Schema(description = "Two or more lines") List<LineRequest> lines) {
}
