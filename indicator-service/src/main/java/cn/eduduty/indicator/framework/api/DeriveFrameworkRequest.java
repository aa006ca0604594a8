package cn.eduduty.indicator.framework.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Next year's draft, copied from a published framework; unnamed fields are copied too")
public record DeriveFrameworkRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "letters, digits, '.', '_' or '-'")
        @Schema(examples = "XJ-2026") String code,
        @Size(max = 200) @Schema(examples = "2026年县级人民政府履行教育职责评价指标体系") String name,
        @NotNull @Min(2000) @Max(2100) @Schema(examples = "2026") Integer evaluationYear,
        @Size(max = 200) @Schema(examples = "示例州人民政府教育督导室") String issuer) {
}
