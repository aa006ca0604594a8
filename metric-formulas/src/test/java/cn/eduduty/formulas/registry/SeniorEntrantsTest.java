package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static cn.eduduty.formulas.registry.Fixtures.assertAbsent;
import static cn.eduduty.formulas.registry.Fixtures.assertPercent;
import static cn.eduduty.formulas.registry.Fixtures.entrants;
import static cn.eduduty.formulas.registry.Fixtures.flowsOnly;
import static cn.eduduty.formulas.registry.Fixtures.transfers;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeniorEntrantsTest {

    private static final String SHARE = "registry.senior.vocational_entrant_share";
    private static final String RATIO = "registry.senior.general_vocational_ratio";

    private static Map<String, RegistryFigure> figures(SchoolYear... reports) {
        return Fixtures.figures(Fixtures.region(List.of(reports)));
    }

    private static void assertRatio(RegistryFigure figure, String expected, long general, long vocational) {
        assertThat(figure.unit()).isEqualTo(RegistryFigure.RATIO);
        assertThat(figure.value()).isEqualTo(new BigDecimal(expected));
        assertThat(figure.numerator()).isEqualTo(BigDecimal.valueOf(general));
        assertThat(figure.denominator()).isEqualTo(BigDecimal.valueOf(vocational));
        assertThat(figure.label()).isEqualTo("高中阶段招生普职比");
    }

    @Test
    void aSixToFourIntakeIsFortyPercentVocationalAndARatioOf150() {
        Map<String, RegistryFigure> figures = figures(
                flowsOnly("H", YEAR, entrants(Stage.SENIOR, 10, 80), entrants(Stage.SENIOR, 11, 7),
                        transfers(Stage.SENIOR, 10, 9, 0)),
                flowsOnly("C", YEAR, entrants(Stage.SENIOR, 10, 40)),   // a complete middle school
                flowsOnly("V", YEAR, entrants(Stage.VOCATIONAL, 10, 80), entrants(Stage.VOCATIONAL, 12, 5)));
        // grade-10 entrants only: general 80 + 40 = 120, vocational 80
        // share 8000/200 = 40.00; ratio 120/80 = 1.50
        assertPercent(figures.get(SHARE), "40.00", 80, 200);
        assertRatio(figures.get(RATIO), "1.50", 120, 80);
    }

    @Test
    void ratioRoundsHalfUp() {
        // general 2, vocational 3: ratio 0.666... -> 0.67; share 300/5 = 60.00
        Map<String, RegistryFigure> figures = figures(
                flowsOnly("H", YEAR, entrants(Stage.SENIOR, 10, 2)),
                flowsOnly("V", YEAR, entrants(Stage.VOCATIONAL, 10, 3)));
        assertRatio(figures.get(RATIO), "0.67", 2, 3);
        assertPercent(figures.get(SHARE), "60.00", 3, 5);
    }

    @Test
    void withoutVocationalEntrantsTheShareIsZeroAndTheRatioAbsent() {
        Map<String, RegistryFigure> figures = figures(flowsOnly("H", YEAR, entrants(Stage.SENIOR, 10, 120)));
        assertPercent(figures.get(SHARE), "0.00", 0, 120);
        assertAbsent(figures.get(RATIO), "2024—2025学年中职学校招生数为0或未填报");
    }

    @Test
    void withoutGeneralEntrantsTheRatioIsZero() {
        Map<String, RegistryFigure> figures = figures(flowsOnly("V", YEAR, entrants(Stage.VOCATIONAL, 10, 50)));
        assertPercent(figures.get(SHARE), "100.00", 50, 50);
        assertRatio(figures.get(RATIO), "0.00", 0, 50);
    }

    @Test
    void withoutAnyEntrantsBothAreAbsent() {
        Map<String, RegistryFigure> figures = figures(flowsOnly("H", YEAR, transfers(Stage.SENIOR, 10, 3, 0)));
        assertAbsent(figures.get(SHARE), "2024—2025学年高中阶段招生数为0或未填报");
        assertAbsent(figures.get(RATIO), "2024—2025学年中职学校招生数为0或未填报");
    }
}
