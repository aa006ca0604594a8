package cn.eduduty.report.checks.narrative.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A narrative to check against the computed figures of a region and report year")
public record NarrativeCheckRequest(
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 county or prefecture code")
        @Schema(examples = "990101", required = true) String region,
        @NotNull @Min(2000) @Max(2100) @Schema(description = "Report year", examples = "2019", required = true)
        Integer year,
        @NotNull @Size(max = NarrativeCheckRequest.MAX_TEXT, message = "must be at most 20000 characters")
        @Schema(maxLength = NarrativeCheckRequest.MAX_TEXT, required = true,
                examples = "全县义务教育学校现有56人以上班额5个，占比0.52%。") String text) {

    /** The longest narrative checked at once: a whole indicator's narrative is a few thousand characters. */
    public static final int MAX_TEXT = 20_000;
}
