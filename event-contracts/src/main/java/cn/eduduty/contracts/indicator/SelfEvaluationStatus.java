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
    APPROVED
}
