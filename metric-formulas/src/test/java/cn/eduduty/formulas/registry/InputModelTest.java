package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.school;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InputModelTest {

    @Test
    void stagesSpanTheirGrades() {
        assertThat(List.of(Stage.values())).extracting(Stage::firstGrade, Stage::lastGrade).containsExactly(
                tuple(1, 3),   // PRESCHOOL
                tuple(1, 6),   // PRIMARY
                tuple(7, 9),   // JUNIOR
                tuple(10, 12), // SENIOR
                tuple(10, 12), // VOCATIONAL
                tuple(1, 12)); // SPECIAL
        assertThat(Stage.JUNIOR.hasGrade(6)).isFalse();
        assertThat(Stage.JUNIOR.hasGrade(7)).isTrue();
        assertThat(Stage.JUNIOR.hasGrade(9)).isTrue();
        assertThat(Stage.JUNIOR.hasGrade(10)).isFalse();
    }

    @Test
    void classSizesAreLargeFrom56To65AndSuperLargeFrom66() {
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 55, true).isLarge()).isFalse();
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 56, true).isLarge()).isTrue();
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 65, true).isLarge()).isTrue();
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 65, true).isSuperLarge()).isFalse();
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 66, true).isLarge()).isFalse();
        assertThat(new ClassRoom(Stage.PRIMARY, 1, 66, true).isSuperLarge()).isTrue();
    }

    @Test
    void rejectsAGradeOutsideItsStage() {
        assertThatThrownBy(() -> new ClassRoom(Stage.PRIMARY, 7, 30, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grade 7");
        assertThatThrownBy(() -> new Flow(Stage.PRESCHOOL, 4, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Flow(Stage.SENIOR, 9, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new ClassRoom(Stage.PRIMARY, 1, -1, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Flow(Stage.PRIMARY, 1, 0, 0, 0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disability(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Staff(1, 0, 0, 0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(YEAR, Map.of(3, -5), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Population(YEAR, Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsASchoolListedTwice() {
        SchoolFacts a = school("A", SchoolType.PRIMARY, Fixtures.T1);
        assertThatThrownBy(() -> Fixtures.region(List.of(a, a), List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    @Test
    void rejectsASchoolYearFiledUnderAnotherYearOrReportedTwice() {
        SchoolYear of2023 = classesOnly("A", 2023, List.of());
        Map<Integer, List<SchoolYear>> misfiled = Map.of(YEAR, List.of(of2023));
        assertThatThrownBy(() -> new RegionData("522701", YEAR, List.of(), misfiled, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filed under 2024");
        SchoolYear once = classesOnly("A", YEAR, List.of());
        assertThatThrownBy(() -> Fixtures.region(List.of(once, once)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reported twice");
    }

    @Test
    void treatsAYearWithAnEmptyListAsAYearWithoutData() {
        RegionData data = new RegionData("522701", YEAR, List.of(), Map.of(YEAR, List.of()), List.of(), null);
        assertThat(data.hasDataFor(YEAR)).isFalse();
        assertThat(data.hasDataFor(2023)).isFalse();
    }

    @Test
    void copiesItsInputs() {
        List<ClassRoom> classes = new ArrayList<>(List.of(new ClassRoom(Stage.PRIMARY, 1, 30, true)));
        SchoolYear year = new SchoolYear("A", YEAR, classes, List.of(), null, null);
        classes.clear();
        assertThat(year.classes()).hasSize(1);
    }
}
