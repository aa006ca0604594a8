package cn.eduduty.funding.ledger.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Reverses a posting (反向冲销，借贷方向相反) with a mirror posting in the same fiscal year")
public record ReversePostingRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "学校代码录入错误") String reason,
        @NotBlank @Size(max = 50) @Schema(examples = "记-2025-0043") String voucherNumber,
        @Schema(description = "Today, or the fiscal year's last day when today is past it", examples = "2025-04-12")
        LocalDate bookingDate) {
}
