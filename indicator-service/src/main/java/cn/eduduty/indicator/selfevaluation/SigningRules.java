package cn.eduduty.indicator.selfevaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.indicator.selfevaluation.api.ImprovementMeasure;
import cn.eduduty.indicator.selfevaluation.api.NotablePractice;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * What a county may sign: the shape of each choice (a malformed request) and what its references
 * must point at (domain rules, checked again at submission because ratings may change meanwhile).
 * Pure, so every rule is tested without a server.
 */
final class SigningRules {

    /** An indicator's current rating, as far as the choices care. */
    record Rated(Rating rating, String narrative) {
    }

    private SigningRules() {
    }

    /** Exactly one of indicator and text per practice; one problem at most per measure. */
    static List<Violation> shape(List<NotablePractice> practices, List<ImprovementMeasure> measures) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < practices.size(); i++) {
            NotablePractice p = practices.get(i);
            if ((p.indicatorCode() == null) == (p.text() == null)) {
                violations.add(new Violation("notablePractices[" + i + "]", "needs exactly one of indicatorCode and text"));
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            ImprovementMeasure m = measures.get(i);
            if (m.indicatorCode() != null && m.checkCode() != null) {
                violations.add(new Violation("improvementMeasures[" + i + "]",
                        "answers one problem: an indicatorCode or a checkCode, not both"));
            }
            if (m.checkSubject() != null && m.checkCode() == null) {
                violations.add(new Violation("improvementMeasures[" + i + "].checkSubject", "needs a checkCode"));
            }
        }
        return violations;
    }

    /**
     * The domain rules: the date lies in the evaluation year or the next; a practice names a
     * third-level indicator, once, rated with a narrative (not NOT_APPLICABLE); a measure tied to
     * an indicator answers one rated BASICALLY or NOT. Fields are named under {@code prefix}.
     */
    static List<Violation> references(String prefix, int year, LocalDate signingDate, List<NotablePractice> practices,
            List<ImprovementMeasure> measures, Set<String> thirdLevel, Map<String, Rated> ratings) {
        List<Violation> violations = new ArrayList<>();
        if (signingDate != null && (signingDate.getYear() < year || signingDate.getYear() > year + 1)) {
            violations.add(new Violation(prefix + "signingDate",
                    "must lie in the evaluation year " + year + " or the year after"));
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < practices.size(); i++) {
            String code = practices.get(i).indicatorCode();
            if (code == null) {
                continue;
            }
            String field = prefix + "notablePractices[" + i + "].indicatorCode";
            Rated rated = ratings.get(code);
            if (!thirdLevel.contains(code)) {
                violations.add(new Violation(field, code + " is not a third-level indicator of the framework"));
            } else if (rated == null) {
                violations.add(new Violation(field, code + " is not rated, so it has no narrative to use"));
            } else if (rated.rating() == Rating.NOT_APPLICABLE) {
                violations.add(new Violation(field, code + " is rated NOT_APPLICABLE"));
            } else if (rated.narrative() == null || rated.narrative().isBlank()) {
                violations.add(new Violation(field, code + " has no narrative to use"));
            } else if (!used.add(code)) {
                violations.add(new Violation(field, code + " is already used by an earlier practice"));
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            String code = measures.get(i).indicatorCode();
            if (code == null) {
                continue;
            }
            String field = prefix + "improvementMeasures[" + i + "].indicatorCode";
            Rated rated = ratings.get(code);
            if (!thirdLevel.contains(code)) {
                violations.add(new Violation(field, code + " is not a third-level indicator of the framework"));
            } else if (rated == null || !rated.rating().isWeak()) {
                violations.add(new Violation(field, code + " is " + (rated == null ? "not rated" : "rated " + rated.rating())
                        + "; a measure answers an indicator rated BASICALLY or NOT"));
            }
        }
        return violations;
    }
}
