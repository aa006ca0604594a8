package cn.eduduty.contracts.indicator;

import java.util.List;
import java.util.UUID;

/** A reviewer returned a submitted self-evaluation, with comments per indicator. */
public record SelfEvaluationReturned(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String returnedBy,
        String summary,
        List<Comment> comments,
        long version) {

    public record Comment(String indicatorCode, String comment) {
    }
}
