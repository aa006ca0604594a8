package cn.eduduty.contracts.indicator;

import java.util.List;
import java.util.UUID;

/** A reviewer approved a self-evaluation, freezing it; carries the final rating per indicator. */
public record SelfEvaluationApproved(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String approvedBy,
        List<FinalRating> ratings,
        long version) {

    public record FinalRating(String indicatorCode, String rating) {
    }
}
