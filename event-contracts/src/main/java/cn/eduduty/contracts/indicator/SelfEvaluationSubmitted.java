package cn.eduduty.contracts.indicator;

import java.util.UUID;

/** A county submitted its self-evaluation for review. */
public record SelfEvaluationSubmitted(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String submittedBy,
        long version) {
}
