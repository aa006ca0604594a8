package cn.eduduty.report.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;

/** The rating summary against hand arithmetic, the way indicator-service computes it. */
class RatingFiguresTest {

    private static Evaluation evaluation(int fully, int basically, int not, int notApplicable, int unrated) {
        List<IndicatorSnapshot> tree = new ArrayList<>(List.of(new IndicatorSnapshot("1", 1, "a", "c", 1, null),
                new IndicatorSnapshot("1.1", 2, "b", "c", 1, null)));
        Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
        int n = 0;
        int[] counts = { fully, basically, not, notApplicable, unrated };
        String[] names = { "FULLY", "BASICALLY", "NOT", "NOT_APPLICABLE", null };
        for (int k = 0; k < counts.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                String code = "1.1." + (++n);
                tree.add(new IndicatorSnapshot(code, 3, "t" + n, "c", n, null));
                if (names[k] != null) {
                    ratings.put(code, new Evaluation.Rated(code, names[k], "n", null, null, List.of()));
                }
            }
        }
        return new Evaluation(UUID.randomUUID(), UUID.randomUUID(), "F", "F", "I", "DRAFT", 1, tree, ratings);
    }

    /** Each figure's value, or {@code absent: } and why. */
    private static Map<String, String> values(List<Figure> figures) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Figure f : figures) {
            values.put(f.key(), f.isPresent() ? f.value().toPlainString() : "absent: " + f.absentReason());
        }
        return values;
    }

    @Test
    void twentySevenTwoOneOfThirty() {
        List<Figure> f = RatingFigures.compute(evaluation(27, 2, 1, 0, 0));
        assertThat(values(f)).containsAllEntriesOf(Map.of(
                "rating.fully_share", "90.00",
                "rating.basically_share", "6.67",
                "rating.not_share", "3.33",
                "rating.completeness", "100.00"));
    }

    @Test
    void notApplicableLeavesTheDenominatorAndUnratedLowersCompleteness() {
        // 31 FULLY + 1 NOT of 32 applicable; 1 NOT_APPLICABLE; 2 unrated of 35
        List<Figure> f = RatingFigures.compute(evaluation(31, 0, 1, 1, 2));
        assertThat(values(f)).containsAllEntriesOf(Map.of(
                "rating.indicators", "35",
                "rating.rated", "33",
                "rating.applicable", "32",
                "rating.not_share", "3.13", // 1/32 = 3.125 → half up
                "rating.completeness", "94.29"));
    }

    @Test
    void sharesAreAbsentWithoutApplicableIndicators() {
        List<Figure> f = RatingFigures.compute(evaluation(0, 0, 0, 2, 1));
        assertThat(values(f)).containsAllEntriesOf(Map.of(
                "rating.fully_share", "absent: 尚无已评价且适用的三级指标",
                "rating.not_applicable", "2"));
    }
}
