package cn.eduduty.report.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.eduduty.formulas.registry.ClassRoom;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;

class SchoolEntrantChecksTest {

    static SchoolYear year(String code, List<ClassRoom> classes, List<Flow> flows) {
        return new SchoolYear(code, 2025, classes, flows, null, null);
    }

    static Flow entrants(Stage stage, int grade, int entrants) {
        return new Flow(stage, grade, entrants, 0, 0, 0, 0);
    }

    @Test
    void flagsASchoolWhoseGradeTenEntrantsExceedItsGradeTenClasses() {
        // the case: about 30 grade-10 students and some 1,500 entrants attached to the school
        SchoolYear attached = year("3699010101", List.of(new ClassRoom(Stage.VOCATIONAL, 10, 30, true),
                new ClassRoom(Stage.VOCATIONAL, 11, 400, true)), List.of(entrants(Stage.VOCATIONAL, 10, 1500)));
        SchoolYear fine = year("3499010102", List.of(new ClassRoom(Stage.SENIOR, 10, 50, true),
                new ClassRoom(Stage.SENIOR, 10, 48, true)), List.of(entrants(Stage.SENIOR, 10, 98)));

        List<SchoolEntrantChecks.Finding> findings = SchoolEntrantChecks.run(List.of(attached, fine));

        assertThat(findings).containsExactly(new SchoolEntrantChecks.Finding("3699010101", 2025, Stage.VOCATIONAL, 1500, 30));
        assertThat(findings.get(0).message("县职业中学")).isEqualTo("县职业中学2025学年中等职业教育高一招生数1500人，"
                + "多于其高一年级在校生数30人；请核实招生数（县外中职学校招生应填入全县高中阶段招生数据，而非计入某所学校）");
        assertThat(findings.get(0).message(null)).startsWith("学校（标识码3699010101）2025学年").doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void comparesEachStageWithItsOwnClassesAndCountsMissingClassesAsNoStudents() {
        SchoolYear complete = year("3499010103", List.of(new ClassRoom(Stage.SENIOR, 10, 200, true),
                new ClassRoom(Stage.JUNIOR, 7, 300, true)),
                List.of(entrants(Stage.SENIOR, 10, 150), entrants(Stage.VOCATIONAL, 10, 20), entrants(Stage.JUNIOR, 7, 900)));

        assertThat(SchoolEntrantChecks.run(List.of(complete)))
                .containsExactly(new SchoolEntrantChecks.Finding("3499010103", 2025, Stage.VOCATIONAL, 20, 0));
        assertThat(SchoolEntrantChecks.run(List.of(year("2199010104", List.of(), List.of())))).isEmpty();
    }
}
