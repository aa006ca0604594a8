package cn.eduduty.contracts.indicator;

/**
 * Where a county's self-evaluation stands: created as {@code DRAFT}, then moved by
 * {@link SelfEvaluationSubmitted}, {@link SelfEvaluationReturned} and {@link SelfEvaluationApproved}.
 * A consumer's read model and the owner's API say the constant's name.
 */
public enum SelfEvaluationStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    /** Ratings may change only while the county holds the self-evaluation. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
