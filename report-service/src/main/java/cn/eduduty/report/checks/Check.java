package cn.eduduty.report.checks;

/**
 * A consistency check that fired on a report: what was checked, how serious it is, what it is
 * about (an indicator code, a figure key, a school code) and a sentence in the report's language.
 */
public record Check(String code, Severity severity, String subject, String message) {

    public enum Severity {
        /** The data contradicts itself or a rule fails: the report should not go out as is. */
        ERROR,
        /** Worth a look before submission. */
        WARNING
    }
}
