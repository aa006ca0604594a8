package cn.eduduty.indicator.selfevaluation;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import java.util.List;
import java.util.Map;

/**
 * DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED. Approved is final. Pure, so every legal
 * and illegal transition is tested without a server.
 */
final class Workflow {

    enum Action {
        SUBMIT, RETURN, APPROVE
    }

    private static final Map<SelfEvaluationStatus, Map<Action, SelfEvaluationStatus>> MOVES = Map.of(
            SelfEvaluationStatus.DRAFT, Map.of(Action.SUBMIT, SelfEvaluationStatus.SUBMITTED),
            SelfEvaluationStatus.SUBMITTED, Map.of(Action.RETURN, SelfEvaluationStatus.RETURNED,
                    Action.APPROVE, SelfEvaluationStatus.APPROVED),
            SelfEvaluationStatus.RETURNED, Map.of(Action.SUBMIT, SelfEvaluationStatus.SUBMITTED),
            SelfEvaluationStatus.APPROVED, Map.of());

    private Workflow() {
    }

    /** The actions allowed from {@code status}, in a stable order. */
    static List<Action> allowed(SelfEvaluationStatus status) {
        return MOVES.get(status).keySet().stream().sorted().toList();
    }

    /** The status after {@code action}, or {@link IllegalTransition} naming what is allowed. */
    static SelfEvaluationStatus next(SelfEvaluationStatus from, Action action) {
        SelfEvaluationStatus to = MOVES.get(from).get(action);
        if (to == null) {
            throw new IllegalTransition(from, action, allowed(from));
        }
        return to;
    }

    static final class IllegalTransition extends RuntimeException {
        IllegalTransition(SelfEvaluationStatus from, Action action, List<Action> allowed) {
            super("Cannot " + action.name().toLowerCase() + " a self-evaluation that is " + from + "; allowed from "
                    + from + ": " + (allowed.isEmpty() ? "nothing (it is final)"
                            : String.join(", ", allowed.stream().map(a -> a.name().toLowerCase()).toList())));
        }
    }
}
