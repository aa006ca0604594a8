package cn.eduduty.registry.region.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A region to register or replace; its level follows from its code")
public record PutRegionRequest(
        @NotBlank @Size(max = 100)
        @Schema(description = "Official name", examples = "示例县")
        String name,
        @Pattern(regexp = "^(\\d{6}|\\d{9})$", message = "must be a 6- or 9-digit GB/T 2260 code")
        @Schema(description = "Code of the enclosing region; absent only for a province", examples = "990100")
        String parentCode,
        @NotNull
        @Schema(description = "First day the code is valid", examples = "2000-01-01")
        LocalDate validFrom,
        @Schema(description = "Last day the code is valid, for a merged or renamed region; absent while valid", examples = "2030-12-31")
        LocalDate validTo) {
}
