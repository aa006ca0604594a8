package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.classesOnly;
import static cn.eduduty.formulas.registry.Fixtures.concat;
import static cn.eduduty.formulas.registry.Fixtures.otherLanguageRoom;
import static cn.eduduty.formulas.registry.Fixtures.rooms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RegistryFigureTest {

    @Test
    void roundsPercentagesHalfUpToTwoDecimals() {
        assertThat(RegistryFigure.percentOf(1, 8)).isEqualTo(new BigDecimal("12.50"));   // 12.5 exactly, shown 12.50
        assertThat(RegistryFigure.percentOf(2, 3)).isEqualTo(new BigDecimal("66.67"));   // 66.666...
        assertThat(RegistryFigure.percentOf(1, 32)).isEqualTo(new BigDecimal("3.13"));   // 3.125 -> up
        assertThat(RegistryFigure.percentOf(7, 32)).isEqualTo(new BigDecimal("21.88"));  // 21.875 -> up
        assertThat(RegistryFigure.percentOf(1, 3)).isEqualTo(new BigDecimal("33.33"));   // 33.333... -> down
        assertThat(RegistryFigure.percentOf(1, 400)).isEqualTo(new BigDecimal("0.25"));
        assertThat(RegistryFigure.percentOf(1, 800)).isEqualTo(new BigDecimal("0.13"));  // 0.125 -> up
        assertThat(RegistryFigure.percentOf(0, 5)).isEqualTo(new BigDecimal("0.00"));
        assertThat(RegistryFigure.percentOf(5, 4)).isEqualTo(new BigDecimal("125.00"));
    }

    @Test
    void roundsRatiosHalfUpToTwoDecimals() {
        assertThat(RegistryFigure.ratioOf(6, 4)).isEqualTo(new BigDecimal("1.50"));
        assertThat(RegistryFigure.ratioOf(1, 8)).isEqualTo(new BigDecimal("0.13"));       // 0.125 -> up
        assertThat(RegistryFigure.ratioOf(2, 3)).isEqualTo(new BigDecimal("0.67"));
    }

    @Test
    void refusesANonPositiveDenominator() {
        assertThatThrownBy(() -> RegistryFigure.percentOf(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistryFigure.ratioOf(1, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsThroughTheEngineFromTheCountsNotFromRoundedParts() {
        // 8 classes, 1 in the common language: 100/8 = 12.50
        RegionData oneOfEight = Fixtures.region(List.of(classesOnly("A", YEAR, concat(
                rooms(Stage.PRIMARY, 1, 30), otherLanguageRoom(Stage.PRIMARY, 2, 30),
                otherLanguageRoom(Stage.PRIMARY, 3, 30), otherLanguageRoom(Stage.PRIMARY, 4, 30),
                otherLanguageRoom(Stage.PRIMARY, 5, 30), otherLanguageRoom(Stage.PRIMARY, 6, 30),
                otherLanguageRoom(Stage.JUNIOR, 7, 30), otherLanguageRoom(Stage.JUNIOR, 8, 30)))));
        assertPercent(Fixtures.figures(oneOfEight).get("registry.language.common_language_class_coverage"),
                "12.50", 1, 8);

        // two schools, 2 of 3 classes in the common language overall: 200/3 = 66.67; averaging the
        // schools' own shares (100% and 50%) would give 75.00
        RegionData twoOfThree = Fixtures.region(List.of(
                classesOnly("A", YEAR, rooms(Stage.PRIMARY, 1, 30)),
                classesOnly("B", YEAR, concat(rooms(Stage.PRIMARY, 1, 30), otherLanguageRoom(Stage.PRIMARY, 2, 30)))));
        assertPercent(Fixtures.figures(twoOfThree).get("registry.language.common_language_class_coverage"),
                "66.67", 2, 3);
    }

    @Test
    void isEitherPresentOrAbsentWithAReason() {
        RegistryFigure absent = RegistryFigure.absent("k", "标签", RegistryFigure.PERCENT, "定义", "无数据");
        assertThat(absent.isPresent()).isFalse();
        assertThat(absent.value()).isNull();
        assertThat(absent.absentReason()).isEqualTo("无数据");

        RegistryFigure present = RegistryFigure.present("k", "标签", BigDecimal.ONE, RegistryFigure.COUNT, null, null, "定义");
        assertThat(present.isPresent()).isTrue();
        assertThat(present.absentReason()).isNull();

        assertThatThrownBy(() -> new RegistryFigure("k", "标签", BigDecimal.ONE, RegistryFigure.COUNT, null, null, "定义", "why"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistryFigure("k", "标签", null, RegistryFigure.COUNT, null, null, "定义", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistryFigure("k", "标签", null, RegistryFigure.PERCENT, BigDecimal.ONE, null, "定义", "why"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyPercentCountAndRatioUnits() {
        assertThatThrownBy(() -> RegistryFigure.absent("k", "标签", "YUAN", "定义", "无数据"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
