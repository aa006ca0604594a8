package cn.eduduty.funding.ledger.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's own account")
public record AccountRequest(
        @NotBlank @Pattern(regexp = "^[0-9A-Za-z.-]{1,20}$", message = "1 to 20 letters, digits, '.' or '-'")
        @Schema(examples = "5002.01") String code,
        @NotBlank @Size(max = 100) @Schema(examples = "生均公用经费（农村学校）") String name,
        @NotNull @Pattern(regexp = "^(ASSET|LIABILITY|NET_ASSETS|REVENUE|EXPENSE)$",
                message = "must be ASSET, LIABILITY, NET_ASSETS, REVENUE or EXPENSE")
        @Schema(examples = "EXPENSE") String type,
        @Pattern(regexp = "^(APPROPRIATION|GENERAL_BUDGET_EDUCATION|PER_STUDENT_PUBLIC_FUNDS|LOCAL_EDUCATION_SURCHARGE|SPECIAL_EDUCATION_SUBSIDY|CAPITAL_PROJECTS|TEACHER_PAY|OTHER_EDUCATION)$",
                message = "must be one of the education categories")
        @Schema(description = "The education category its amounts count towards", examples = "PER_STUDENT_PUBLIC_FUNDS")
        String category) {
}
