package cn.eduduty.registry.countyfact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.eduduty.registry.countyfact.api.SeniorEntranceRequest;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentRequest;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsRequest;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * What holds between the fields of a county fact, beyond each count being 0 or more (Bean
 * Validation). Only true invariants are refused: exam takers may exceed the graduates (repeaters
 * sit the exam), entrants may exceed the plan, and institutions closed may never have been
 * registered (取缔 of unlicensed ones), so none of those is checked.
 */
final class CountyFactRules {

    private CountyFactRules() {
    }

    /** The entrants are the graduates' destinations, so together they cannot outnumber them. */
    static List<Violation> check(SeniorEntranceRequest r) {
        List<Violation> violations = new ArrayList<>();
        if (r.juniorGraduates() != null) {
            long entrants = (long) r.generalEntrants() + r.vocationalEntrantsInCounty() + r.vocationalEntrantsOutOfCounty();
            if (entrants > r.juniorGraduates()) {
                violations.add(new Violation("juniorGraduates", "must be at least the " + entrants
                        + " entrants (general, vocational in and outside the county) who are among them"));
            }
        }
        return violations;
    }

    static List<Violation> check(TeacherRecruitmentRequest r) {
        if (r.ruralRecruited() > r.recruited()) {
            return List.of(new Violation("ruralRecruited", "must not exceed recruited (" + r.recruited() + ")"));
        }
        return List.of();
    }

    static List<Violation> check(TrainingInstitutionsRequest r) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.kinds().size(); i++) {
            TrainingInstitutionsRequest.InstitutionKind k = r.kinds().get(i);
            if (k == null) {
                violations.add(new Violation("kinds[" + i + "]", "must not be null"));
            } else if (!TrainingInstitutionsRequest.KINDS.contains(k.kind())) {
                violations.add(new Violation("kinds[" + i + "].kind", "must be one of " + TrainingInstitutionsRequest.KINDS));
            } else if (!seen.add(k.kind())) {
                violations.add(new Violation("kinds[" + i + "].kind", k.kind() + " is listed twice"));
            }
        }
        return violations;
    }

    /** The kinds in the order reports list them. */
    static List<TrainingInstitutionsRequest.InstitutionKind> ordered(List<TrainingInstitutionsRequest.InstitutionKind> kinds) {
        return kinds.stream().sorted(Comparator.comparingInt(k -> TrainingInstitutionsRequest.KINDS.indexOf(k.kind())))
                .toList();
    }
}
