package cn.eduduty.report.figures;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;

/**
 * Schools whose recorded grade-10 entrants of a year exceed the students in their grade-10 classes
 * of that year (pure): entrants who are nowhere on the school's rolls, typically entrants to
 * vocational schools outside the county attached to some county school because the registry had no
 * other place for them. Each finding becomes a WARNING check of the report.
 */
public final class SchoolEntrantChecks {

    private SchoolEntrantChecks() {
    }

    /**
     * One school and stage whose entrants exceed its enrolment.
     *
     * @param stage    SENIOR (普通高中) or VOCATIONAL (中等职业教育)
     * @param entrants grade-10 entrants recorded in the school's flows
     * @param enrolled students in the school's grade-10 classes of the stage
     */
    public record Finding(String schoolCode, int schoolYear, Stage stage, long entrants, long enrolled) {

        /** The check's wording, with the school's name when known (else its code). */
        public String message(String schoolName) {
            String school = schoolName == null || schoolName.isBlank() ? "学校（标识码" + schoolCode + "）" : schoolName;
            return school + schoolYear + "学年" + stage.label() + "高一招生数" + entrants + "人，多于其高一年级在校生数" + enrolled
                    + "人；请核实招生数（县外中职学校招生应填入全县高中阶段招生数据，而非计入某所学校）";
        }
    }

    /** Every school and stage (senior general, vocational) of the given school years whose entrants exceed enrolment. */
    public static List<Finding> run(List<SchoolYear> schoolYears) {
        List<Finding> findings = new ArrayList<>();
        for (SchoolYear year : schoolYears) {
            for (Stage stage : List.of(Stage.SENIOR, Stage.VOCATIONAL)) {
                int grade = stage.firstGrade();
                long entrants = year.flows().stream().filter(f -> f.isOf(stage, grade)).mapToLong(Flow::entrants).sum();
                long enrolled = year.classes().stream().filter(c -> c.stage() == stage && c.grade() == grade)
                        .mapToLong(ClassRoom::students).sum();
                if (entrants > enrolled) {
                    findings.add(new Finding(year.schoolCode(), year.year(), stage, entrants, enrolled));
                }
            }
        }
        return findings;
    }
}
