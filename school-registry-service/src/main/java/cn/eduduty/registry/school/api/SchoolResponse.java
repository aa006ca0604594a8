package cn.eduduty.registry.school.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A registered school")
public record SchoolResponse(
        @Schema(examples = "2199010101") String code,
        @Schema(examples = "示例县第一小学") String name,
        @Schema(examples = "PRIMARY") String type,
        @Schema(examples = "PUBLIC") String ownership,
        boolean inclusive,
        boolean townshipCentral,
        @Schema(examples = "URBAN") String area,
        @Schema(examples = "990101001") String townshipCode,
        @Schema(examples = "990101") String countyCode,
        @Schema(examples = "1985-09-01") LocalDate openedOn,
        LocalDate closedOn,
        @Schema(description = "Version, also served as the ETag", examples = "0") long version) {
}
