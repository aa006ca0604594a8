package cn.eduduty.registry.schoolyear;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.eduduty.registry.schoolyear.api.SchoolYearRequest;
import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * What makes a school year's data plausible for its school: stages the school type teaches,
 * grades within their stage, class sizes within a sane bound, flows consistent with their grade,
 * staff subsets no larger than their sets. Each violation names the field.
 */
public final class SchoolYearRules {

    /** No real class holds more; a larger number is a typing error. */
    public static final int MAX_CLASS_SIZE = 120;

    static final Map<SchoolType, Set<Stage>> STAGES = Map.of(
            SchoolType.KINDERGARTEN, EnumSet.of(Stage.PRESCHOOL),
            SchoolType.PRIMARY, EnumSet.of(Stage.PRESCHOOL, Stage.PRIMARY, Stage.SPECIAL),
            SchoolType.TEACHING_POINT, EnumSet.of(Stage.PRESCHOOL, Stage.PRIMARY),
            SchoolType.NINE_YEAR, EnumSet.of(Stage.PRESCHOOL, Stage.PRIMARY, Stage.JUNIOR, Stage.SPECIAL),
            SchoolType.JUNIOR_MIDDLE, EnumSet.of(Stage.JUNIOR, Stage.SPECIAL),
            SchoolType.COMPLETE_MIDDLE, EnumSet.of(Stage.JUNIOR, Stage.SENIOR),
            SchoolType.SENIOR_HIGH, EnumSet.of(Stage.SENIOR),
            SchoolType.TWELVE_YEAR, EnumSet.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR),
            SchoolType.VOCATIONAL, EnumSet.of(Stage.VOCATIONAL),
            SchoolType.SPECIAL_EDUCATION, EnumSet.of(Stage.PRESCHOOL, Stage.PRIMARY, Stage.JUNIOR, Stage.SPECIAL));

    private SchoolYearRules() {
    }

    static List<Violation> check(SchoolType type, SchoolYearRequest request) {
        List<Violation> violations = new ArrayList<>();
        List<SchoolYearRequest.ClassRequest> classes = request.classes() == null ? List.of() : request.classes();
        for (int i = 0; i < classes.size(); i++) {
            SchoolYearRequest.ClassRequest c = classes.get(i);
            Stage stage = stage(c.stage(), type, "classes[" + i + "].stage", violations);
            if (stage != null && c.grade() != null && !stage.hasGrade(c.grade())) {
                violations.add(new Violation("classes[" + i + "].grade", "grade " + c.grade() + " is not a grade of "
                        + stage + " (" + stage.firstGrade() + "–" + stage.lastGrade() + ")"));
            }
            if (c.students() != null && c.students() > MAX_CLASS_SIZE) {
                violations.add(new Violation("classes[" + i + "].students",
                        c.students() + " students is not a plausible class (at most " + MAX_CLASS_SIZE + ")"));
            }
        }
        List<SchoolYearRequest.FlowRequest> flows = request.flows() == null ? List.of() : request.flows();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < flows.size(); i++) {
            SchoolYearRequest.FlowRequest f = flows.get(i);
            Stage stage = stage(f.stage(), type, "flows[" + i + "].stage", violations);
            if (stage == null || f.grade() == null) {
                continue;
            }
            if (!stage.hasGrade(f.grade())) {
                violations.add(new Violation("flows[" + i + "].grade", "grade " + f.grade() + " is not a grade of " + stage));
            } else if (!seen.add(stage + "/" + f.grade())) {
                violations.add(new Violation("flows[" + i + "]", stage + " grade " + f.grade() + " appears more than once"));
            }
            if (f.graduates() != null && f.graduates() > 0 && f.grade() != stage.lastGrade()) {
                violations.add(new Violation("flows[" + i + "].graduates",
                        "only the last grade of " + stage + " (" + stage.lastGrade() + ") has graduates"));
            }
            if (f.entrants() != null && f.entrants() > 0 && f.grade() != stage.firstGrade()) {
                violations.add(new Violation("flows[" + i + "].entrants",
                        "only the first grade of " + stage + " (" + stage.firstGrade() + ") has entrants; use transfersIn"));
            }
        }
        SchoolYearRequest.StaffRequest s = request.staff();
        if (s != null && s.newHires() != null) {
            subset(violations, "staff.ruralNewHires", s.ruralNewHires(), "newHires", s.newHires());
            subset(violations, "staff.newHiresPutonghua2B", s.newHiresPutonghua2B(), "newHires", s.newHires());
            subset(violations, "staff.newHires", s.newHires(), "teachers", s.teachers());
            subset(violations, "staff.rotated", s.rotated(), "eligibleForRotation", s.eligibleForRotation());
            subset(violations, "staff.rotatedBackbone", s.rotatedBackbone(), "rotated", s.rotated());
        }
        return violations;
    }

    /** One class row of an import: stage taught by the school type, grade in the stage, sane size. */
    public static List<Violation> checkClass(SchoolType type, String stage, int grade, int students) {
        List<Violation> violations = new ArrayList<>();
        for (Violation v : check(type, new SchoolYearRequest(List.of(new SchoolYearRequest.ClassRequest(stage, grade,
                students, true)), List.of(), null, null))) {
            violations.add(new Violation(v.field().replace("classes[0].", ""), v.message()));
        }
        return violations;
    }

    /** One flow row of an import. */
    public static List<Violation> checkFlow(SchoolType type, String stage, int grade, int entrants, int graduates) {
        List<Violation> violations = new ArrayList<>();
        for (Violation v : check(type, new SchoolYearRequest(List.of(), List.of(new SchoolYearRequest.FlowRequest(stage,
                grade, entrants, graduates, 0, 0, 0)), null, null))) {
            violations.add(new Violation(v.field().replace("flows[0].", ""), v.message()));
        }
        return violations;
    }

    /** One staff row of an import, counts in the order of {@link SchoolYearRequest.StaffRequest}. */
    public static List<Violation> checkStaff(int[] c) {
        List<Violation> violations = new ArrayList<>();
        for (Violation v : check(SchoolType.PRIMARY, new SchoolYearRequest(List.of(), List.of(), null,
                new SchoolYearRequest.StaffRequest(c[0], c[1], c[2], c[3], c[4], c[5], c[6])))) {
            violations.add(new Violation(v.field().replace("staff.", ""), v.message()));
        }
        return violations;
    }

    private static Stage stage(String name, SchoolType type, String field, List<Violation> violations) {
        Stage stage;
        try {
            stage = Stage.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new Violation(field, "'" + name + "' is not a stage"));
            return null;
        }
        if (!STAGES.get(type).contains(stage)) {
            violations.add(new Violation(field, "a " + type + " school does not teach " + stage));
            return null;
        }
        return stage;
    }

    private static void subset(List<Violation> violations, String field, Integer part, String whole, Integer of) {
        if (part != null && of != null && part > of) {
            violations.add(new Violation(field, "must not exceed " + whole + " (" + of + ")"));
        }
    }
}
