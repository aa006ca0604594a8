package cn.eduduty.indicator.selfevaluation;

public enum SelfEvaluationStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    /** Ratings may change only while the county holds the self-evaluation. */
    boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
