package cn.eduduty.report.resync.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Rebuild the read model of a county, or of every county below a prefecture or province, from the owners' APIs")
public record ResyncRequest(
        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be a 6-digit GB/T 2260 code")
        @Schema(examples = "990101", required = true) String region) {
}
