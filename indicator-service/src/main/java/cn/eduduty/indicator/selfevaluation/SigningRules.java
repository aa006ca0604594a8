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
                violations.add(new Violation("notablePractices[" + i + "]", "经典做法的正文须取自一项指标（indicatorCode）或自行填写（text），二者选一"));
            }
        }
        for (int i = 0; i < measures.size(); i++) {
            ImprovementMeasure m = measures.get(i);
            if (m.indicatorCode() != null && m.checkCode() != null) {
                violations.add(new Violation("improvementMeasures[" + i + "]",
                        "一条改进措施只对应一个问题：一项指标（indicatorCode）或一条核查提示（checkCode），二者选一"));
            }
            if (m.checkSubject() != null && m.checkCode() == null) {
                violations.add(new Violation("improvementMeasures[" + i + "].checkSubject", "须同时注明核查提示（checkCode）"));
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
                    "成文日期须在评价年度" + year + "年或次年"));
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
                violations.add(new Violation(field, code + "不是本指标体系中的三级指标"));
            } else if (rated == null) {
                violations.add(new Violation(field, "指标" + code + "尚未评价，没有可用的叙述"));
            } else if (rated.rating() == Rating.NOT_APPLICABLE) {
                violations.add(new Violation(field, "指标" + code + "评为不适用，不能作为经典做法"));
            } else if (rated.narrative() == null || rated.narrative().isBlank()) {
                violations.add(new Violation(field, "指标" + code + "没有可用的叙述"));
            } else if (!used.add(code)) {
                violations.add(new Violation(field, "指标" + code + "已用于前面的经典做法"));
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
                violations.add(new Violation(field, code + "不是本指标体系中的三级指标"));
            } else if (rated == null || !rated.rating().isWeak()) {
                violations.add(new Violation(field, "指标" + code + (rated == null ? "尚未评价" : "评为" + rated.rating().chinese())
                        + "；改进措施只对应评为基本达到或未达到的指标"));
            }
        }
        return violations;
    }
}
