package cn.eduduty.registry.region.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A region by its GB/T 2260 code")
public record RegionResponse(
        @Schema(examples = "990101") String code,
        @Schema(examples = "示例县") String name,
        @Schema(examples = "COUNTY", enumeration = { "PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP" }) String level,
        @Schema(examples = "990100") String parentCode,
        @Schema(examples = "2000-01-01") LocalDate validFrom,
        LocalDate validTo,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
