package cn.eduduty.indicator.framework.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new draft framework, optionally with its whole tree (a JSON import)")
public record CreateFrameworkRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "letters, digits, '.', '_' or '-'")
        @Schema(description = "Code, unique per region and year", examples = "XJ-2025")
        String code,
        @NotBlank @Size(max = 200)
        @Schema(examples = "2025年县级人民政府履行教育职责评价指标体系")
        String name,
        @NotNull @Min(2000) @Max(2100)
        @Schema(examples = "2025")
        Integer evaluationYear,
        @NotBlank @Size(max = 200)
        @Schema(description = "Issuing authority", examples = "示例州人民政府教育督导室")
        String issuer,
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
        @Schema(description = "Region it applies to, usually a prefecture", examples = "990100")
        String regionCode,
        @Size(max = MAX_INDICATORS) @Schema(description = "The whole tree; may be empty and filled later")
        List<IndicatorRequest> indicators) {

    /** Indicators in one framework: a national one has about a hundred. */
    public static final int MAX_INDICATORS = 1000;
}
