package cn.eduduty.report.checks;

import java.util.Map;

/**
 * A consistency check that fired on a report: what was checked, how serious it is, what it is
 * about (an indicator code, a figure key, a school code) and a sentence in the report's language.
 */
public record Check(String code, Severity severity, String subject, String message) {

    /** The Chinese name of each check, as the report's appendix and the XLSX annex print it. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("funding-rule-failed", "经费保障要求未满足"),
            Map.entry("rating-contradicts-metric", "评价结论与指标数据不符"),
            Map.entry("narrative-share-mismatch", "叙述数据与系统数据不一致"),
            Map.entry("narrative-figure-mismatch", "叙述数据与系统数据不一致"),
            Map.entry("consolidation-above-100", "巩固率超过100%"),
            Map.entry("closed-school-with-students", "已撤销学校填报学生"),
            Map.entry("indicator-not-rated", "指标尚未评价"),
            Map.entry("evaluation-missing", "尚无自评记录"),
            Map.entry("evaluation-not-approved", "自评尚未审核通过"),
            Map.entry("school-year-not-recorded", "学年数据尚未录入"),
            Map.entry("school-entrants-exceed-enrolment", "学校招生数超过在校生数"),
            Map.entry("signing-default", "落款取默认值"));

    /** The check's Chinese name, 其他校验 for a code without one. */
    public static String nameOf(String code) {
        return NAMES.getOrDefault(code, "其他校验");
    }

    /** 错误 or 提示. */
    public static String levelOf(Severity severity) {
        return severity == Severity.ERROR ? "错误" : "提示";
    }

    public enum Severity {
        /** The data contradicts itself or a rule fails: the report should not go out as is. */
        ERROR,
        /** Worth a look before submission. */
        WARNING
    }
}
