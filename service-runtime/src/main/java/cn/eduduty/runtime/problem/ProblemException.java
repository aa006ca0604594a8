package cn.eduduty.runtime.problem;

import java.util.List;

/**
 * Thrown by services to answer with problem details. Use the factories: they name the kind of
 * problem, the status follows from it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
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

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
