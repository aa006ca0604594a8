package cn.eduduty.registry.school.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A school's registration; the code is in the path")
public record SchoolRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "示例县第一小学") String name,
        @NotNull @Pattern(regexp = "^(KINDERGARTEN|PRIMARY|TEACHING_POINT|NINE_YEAR|JUNIOR_MIDDLE|COMPLETE_MIDDLE|SENIOR_HIGH|TWELVE_YEAR|VOCATIONAL|SPECIAL_EDUCATION)$",
                message = "must be a school type: KINDERGARTEN, PRIMARY, TEACHING_POINT, NINE_YEAR, JUNIOR_MIDDLE, COMPLETE_MIDDLE, SENIOR_HIGH, TWELVE_YEAR, VOCATIONAL or SPECIAL_EDUCATION")
        @Schema(examples = "PRIMARY") String type,
        @NotNull @Pattern(regexp = "^(PUBLIC|PRIVATE)$", message = "must be PUBLIC or PRIVATE")
        @Schema(examples = "PUBLIC") String ownership,
        @Schema(description = "普惠性 (kindergartens only)", examples = "false") boolean inclusive,
        @Schema(description = "乡镇中心幼儿园 (kindergartens only)", examples = "false") boolean townshipCentral,
        @NotNull @Pattern(regexp = "^(URBAN|TOWN|RURAL)$", message = "must be URBAN, TOWN or RURAL")
        @Schema(description = "城区, 镇区 or 乡村", examples = "URBAN") String area,
        @NotNull @Pattern(regexp = "^\\d{9}$", message = "must be a 9-digit township code")
        @Schema(examples = "990101001") String townshipCode,
        @NotNull @Schema(examples = "1985-09-01") LocalDate openedOn) {
}
