package cn.eduduty.runtime.problem;

import java.util.List;

/**
 * Thrown by services to answer with problem details. Use the factories: they name the kind of
 * problem, the status follows from it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, 0);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.Violation> violations, long retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** Seconds the caller should wait before trying again ({@code Retry-After}), 0 when not said. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429: the caller's rate for this operation is used up; {@code Retry-After} says when to try again. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException ruleViolated(String detail) {
        return new ProblemException(ProblemType.RULE_VIOLATED, detail);
    }

    /** A well-formed field that breaks a domain rule (422), named like an invalid one. */
    public static ProblemException ruleViolated(String field, String message) {
        return new ProblemException(ProblemType.RULE_VIOLATED, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(ProblemType.INVALID_REQUEST, violations.size() + " invalid field(s)", violations);
    }

    /** Another service this one depends on answered wrongly or not at all. */
    public static ProblemException badGateway(String detail) {
        return new ProblemException(ProblemType.BAD_GATEWAY, detail);
    }

    /** A bound on what a caller controls was exceeded (body, rows, a cell, an event): 413 naming it. */
    public static ProblemException tooLarge(String field, String message) {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
