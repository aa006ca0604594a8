package cn.eduduty.indicator.selfevaluation;

import static cn.eduduty.contracts.indicator.SelfEvaluationStatus.APPROVED;
import static cn.eduduty.contracts.indicator.SelfEvaluationStatus.DRAFT;
import static cn.eduduty.contracts.indicator.SelfEvaluationStatus.RETURNED;
import static cn.eduduty.contracts.indicator.SelfEvaluationStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.indicator.selfevaluation.Workflow.Action;

class WorkflowTest {

    private static final Map<SelfEvaluationStatus, Map<Action, SelfEvaluationStatus>> LEGAL = Map.of(
            DRAFT, Map.of(Action.SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(Action.RETURN, RETURNED, Action.APPROVE, APPROVED),
            RETURNED, Map.of(Action.SUBMIT, SUBMITTED),
            APPROVED, Map.of());

    @Test
    void everyLegalTransitionLeadsWhereTheWorkflowSays() {
        LEGAL.forEach((from, moves) -> moves.forEach((action, to) -> assertThat(Workflow.next(from, action)).isEqualTo(to)));
    }

    @Test
    void everyIllegalTransitionIsRefusedNamingTheAllowedOnes() {
        for (SelfEvaluationStatus from : SelfEvaluationStatus.values()) {
            for (Action action : Action.values()) {
                if (LEGAL.get(from).containsKey(action)) {
                    continue;
                }
                assertThatThrownBy(() -> Workflow.next(from, action))
                        .isInstanceOf(Workflow.IllegalTransition.class)
                        .hasMessageContaining("allowed from " + from);
            }
        }
        assertThatThrownBy(() -> Workflow.next(SUBMITTED, Action.SUBMIT)).hasMessageContaining("return, approve");
        assertThatThrownBy(() -> Workflow.next(APPROVED, Action.RETURN)).hasMessageContaining("nothing (it is final)");
    }

    @Test
    void allowedActionsListWhatCanHappenNext() {
        assertThat(Workflow.allowed(DRAFT)).containsExactly(Action.SUBMIT);
        assertThat(Set.copyOf(Workflow.allowed(SUBMITTED))).containsExactlyInAnyOrder(Action.RETURN, Action.APPROVE);
        assertThat(Workflow.allowed(APPROVED)).isEmpty();
    }

    @Test
    void ratingsChangeOnlyWhileTheCountyHoldsIt() {
        assertThat(DRAFT.isEditable()).isTrue();
        assertThat(RETURNED.isEditable()).isTrue();
        assertThat(SUBMITTED.isEditable()).isFalse();
        assertThat(APPROVED.isEditable()).isFalse();
    }
}
