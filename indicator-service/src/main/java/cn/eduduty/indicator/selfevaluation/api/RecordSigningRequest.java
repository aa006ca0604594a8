package cn.eduduty.indicator.selfevaluation.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the county signs, replacing its previous choices; an absent or empty part is not chosen "
        + "and the report uses its default for it (and says so in its checks)")
public record RecordSigningRequest(
        @Size(min = 1, max = 100)
        @Schema(description = "Who signs; absent: the report prints \"<county name>人民政府\"", examples = "示例县人民政府")
        String signingAuthority,
        @Schema(description = "The date printed on the document, in the evaluation year or the next", examples = "2025-10-20")
        LocalDate signingDate,
        @Size(max = 10) @Schema(description = "经典做法, in the document's order")
        List<@NotNull @Valid NotablePractice> notablePractices,
        @Size(max = 20) @Schema(description = "改进措施, in the document's order")
        List<@NotNull @Valid ImprovementMeasure> improvementMeasures) {
}
