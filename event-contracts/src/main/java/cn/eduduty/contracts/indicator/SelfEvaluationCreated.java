package cn.eduduty.contracts.indicator;

import java.util.UUID;

/** A county opened its self-evaluation against a published framework. */
public record SelfEvaluationCreated(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String createdBy) {
}
