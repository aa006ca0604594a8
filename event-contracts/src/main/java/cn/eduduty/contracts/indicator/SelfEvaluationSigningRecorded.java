package cn.eduduty.contracts.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A county recorded what it signs in its self-evaluation report: the signing authority (null:
 * the report's default "<county>人民政府"), the date printed on the document (null: not chosen), its
 * 经典做法 and its 改进措施, each in order. Carries the whole choice set, replacing the previous one;
 * an empty list means the county chose none and the report falls back to its default.
 */
public record SelfEvaluationSigningRecorded(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String signingAuthority,
        LocalDate signingDate,
        List<NotablePractice> notablePractices,
        List<ImprovementMeasure> improvementMeasures,
        String recordedBy,
        long version) {

    /**
     * A 经典做法: a title and either the code of a rated indicator whose narrative it uses, or its own
     * text (exactly one of the two).
     */
    public record NotablePractice(String title, String indicatorCode, String text) {
    }

    /**
     * A 改进措施: its text, and the problem it answers when tied to one: an indicator rated BASICALLY
     * or NOT, or a report check by code (e.g. {@code funding-rule-failed}) and, optionally, subject
     * (e.g. the failed rule's figure key). Neither: free text.
     */
    public record ImprovementMeasure(String text, String indicatorCode, String checkCode, String checkSubject) {
    }
}
