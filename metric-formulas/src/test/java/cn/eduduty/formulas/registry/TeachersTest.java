package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertCount;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.rooms;
import static cn.eduduty.formulas.registry.Fixtures.staffOnly;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TeachersTest {

    private static final List<String> ALL = List.of("registry.teachers.headcount", "registry.teachers.new_hires",
            "registry.teachers.rural_new_hires", "registry.teachers.rotation_share",
            "registry.teachers.backbone_rotation_share", "registry.teachers.new_hire_putonghua_share",
            "registry.teachers.rural_new_hire_share");

    private static Map<String, RegistryFigure> figures(SchoolYear... reports) {
        return Fixtures.figures(Fixtures.region(List.of(reports)));
    }

    @Test
    void everyTeacherFigureIsAbsentWhenNoSchoolReportedStaff() {
        Map<String, RegistryFigure> figures = figures(classesOnly("P", YEAR, rooms(Stage.PRIMARY, 1, 30)),
                staffOnly("Q", 2023, new Staff(10, 1, 1, 8, 1, 0, 1)));
        for (String key : ALL) {
            assertAbsent(figures.get(key), "2024—2025学年无学校填报教师数据");
        }
    }

    @Test
    void sumsTheSchoolsThatReportedAndSkipsThoseThatDidNot() {
        Map<String, RegistryFigure> figures = figures(
                staffOnly("A", YEAR, new Staff(30, 4, 3, 25, 3, 1, 4)),
                staffOnly("B", YEAR, new Staff(20, 4, 0, 15, 1, 0, 3)),
                classesOnly("C", YEAR, rooms(Stage.PRIMARY, 1, 30)));
        assertCount(figures.get("registry.teachers.headcount"), 50);
        assertCount(figures.get("registry.teachers.new_hires"), 8);
        assertCount(figures.get("registry.teachers.rural_new_hires"), 3);
        // rotated 3 + 1 = 4 of 25 + 15 = 40 -> 10.00
        assertPercent(figures.get("registry.teachers.rotation_share"), "10.00", 4, 40);
        // backbone 1 of 4 -> 25.00
        assertPercent(figures.get("registry.teachers.backbone_rotation_share"), "25.00", 1, 4);
        // Putonghua 4 + 3 = 7 of 8 -> 87.50
        assertPercent(figures.get("registry.teachers.new_hire_putonghua_share"), "87.50", 7, 8);
        // rural 3 of 8 -> 37.50
        assertPercent(figures.get("registry.teachers.rural_new_hire_share"), "37.50", 3, 8);
    }

    @Test
    void sharesWithAZeroDenominatorAreAbsentWhileCountsAreZero() {
        Map<String, RegistryFigure> figures = figures(staffOnly("A", YEAR, new Staff(12, 0, 0, 0, 0, 0, 0)));
        assertCount(figures.get("registry.teachers.headcount"), 12);
        assertCount(figures.get("registry.teachers.new_hires"), 0);
        assertCount(figures.get("registry.teachers.rural_new_hires"), 0);
        assertAbsent(figures.get("registry.teachers.rotation_share"), "2024—2025学年符合交流轮岗条件的教师数为0");
        assertAbsent(figures.get("registry.teachers.backbone_rotation_share"), "2024—2025学年交流轮岗教师数为0");
        assertAbsent(figures.get("registry.teachers.new_hire_putonghua_share"), "2024—2025学年新任教师数为0");
        assertAbsent(figures.get("registry.teachers.rural_new_hire_share"), "2024—2025学年新任教师数为0");
    }

    @Test
    void inconsistentCountsAreReportedAsComputedForTheReportToFlag() {
        // 3 rotated of 2 eligible -> 150.00
        Map<String, RegistryFigure> figures = figures(staffOnly("A", YEAR, new Staff(5, 1, 0, 2, 3, 0, 1)));
        assertPercent(figures.get("registry.teachers.rotation_share"), "150.00", 3, 2);
        // backbone 0 of 3 -> 0.00
        assertPercent(figures.get("registry.teachers.backbone_rotation_share"), "0.00", 0, 3);
    }
}
