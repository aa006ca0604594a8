package cn.eduduty.contracts.indicator;

import java.util.List;
import java.util.UUID;

/**
 * A county rated, or re-rated, one third-level indicator. Carries the whole rating, so the read
 * model needs no call back.
 */
public record RatingRecorded(
        UUID selfEvaluationId,
        UUID frameworkId,
        String regionCode,
        int year,
        String indicatorCode,
        String rating,
        String previousRating,
        String narrative,
        List<Evidence> evidence,
        String problem,
        String improvement,
        String recordedBy,
        long version) {

    /** A document (by URI) or a catalogue figure (by key) that supports the rating. */
    public record Evidence(String title, String uri, String figureKey) {
    }
}
