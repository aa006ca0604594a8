package cn.eduduty.report.checks.narrative.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.report.checks.narrative.StatedFigure;

@Schema(description = "Every number the narrative states, with the metric it was attributed to, the computed value and "
        + "the verdict, and the summary a report's appendix prints")
public record NarrativeCheckResponse(
        @Schema(examples = "990101") String region,
        @Schema(examples = "2019") int year,
        Summary summary,
        List<Stated> figures) {

    @Schema(name = "NarrativeCheckSummary")
    public record Summary(
            @Schema(description = "Numbers compared with a computed figure (MATCH or MISMATCH)", examples = "2") int checked,
            @Schema(description = "Of them, numbers that disagree", examples = "1") int mismatched,
            @Schema(description = "Numbers that could not be compared (UNATTRIBUTED or NO_DATA)", examples = "0")
            int unchecked,
            @Schema(examples = "2处数据已自动核对，其中1处与系统数据不一致，0处未能自动核对") String sentence) {
    }

    @Schema(name = "StatedFigure", description = "One stated number as the checker read it")
    public record Stated(
            @Schema(examples = "全县义务教育学校现有56人以上班额5个，占比0.52%") String sentence,
            @Schema(description = "Offset of the statement in the text (UTF-16 code units)", examples = "20") int start,
            @Schema(description = "Offset after the statement", examples = "25") int end,
            @Schema(description = "As written, with its hedge and unit", examples = "0.52%") String stated,
            @Schema(description = "The number as written in its unit (a:b for a ratio)", examples = "0.52") String value,
            @Schema(examples = "%") String unit,
            @Schema(enumeration = { "PERCENT", "COUNT", "YUAN", "RATIO", "CHANGE", "OTHER" }, examples = "PERCENT")
            String kind,
            @Schema(enumeration = { "EXACT", "ABOUT", "NEARLY", "AT_LEAST", "MORE_THAN", "AT_MOST", "LESS_THAN",
                "SOME_MORE" }, examples = "EXACT") String hedge,
            @Schema(examples = "registry.compulsory.large_class_share") String metricKey,
            @Schema(examples = "义务教育大班额比例") String metricLabel,
            @Schema(description = "The computed value in the metric's unit, a decimal string", examples = "0.41")
            String computed,
            @Schema(description = "The computed value in the statement's unit", examples = "0.41%") String computedText,
            @Schema(enumeration = { "MATCH", "MISMATCH", "NO_DATA", "UNATTRIBUTED" }, examples = "MISMATCH")
            String verdict,
            @Schema(description = "Why it could not be compared, in Chinese", examples = "所在分句未提及系统计算的指标")
            String note) {

        public static Stated of(StatedFigure f) {
            return new Stated(f.sentence(), f.start(), f.end(), f.stated(), f.value(), f.unit(), f.kind(), f.hedge(),
                    f.metricKey(), f.metricLabel(), f.computed() == null ? null : f.computed().toPlainString(),
                    f.computedText(), f.verdict().name(), f.note());
        }
    }
}
