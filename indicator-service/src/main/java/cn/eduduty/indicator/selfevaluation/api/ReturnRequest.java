package cn.eduduty.indicator.selfevaluation.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Returns a submitted self-evaluation to the county with comments")
public record ReturnRequest(
        @NotBlank @Size(max = 4000) @Schema(examples = "请补充学前教育佐证材料。") String summary,
        @NotNull @Size(max = 200) @Valid List<Comment> comments) {

    @Schema(name = "ReviewCommentRequest", description = "A comment on one indicator")
    public record Comment(
            @NotBlank @Schema(examples = "4.1.1") String indicatorCode,
            @NotBlank @Size(max = 1000) @Schema(examples = "毛入园率与统计报表不一致，请核实。") String comment) {
    }
}
