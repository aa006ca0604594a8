package cn.eduduty.indicator.selfevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.indicator.selfevaluation.RatingSummary.Entry;

class RatingSummaryTest {

    private static List<Entry> entries(String area, int fully, int basically, int not, int notApplicable, int unrated) {
        List<Entry> list = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < fully; i++) {
            list.add(new Entry(area + ".1." + (++n), area, Rating.FULLY));
        }
        for (int i = 0; i < basically; i++) {
            list.add(new Entry(area + ".1." + (++n), area, Rating.BASICALLY));
        }
        for (int i = 0; i < not; i++) {
            list.add(new Entry(area + ".1." + (++n), area, Rating.NOT));
        }
        for (int i = 0; i < notApplicable; i++) {
            list.add(new Entry(area + ".1." + (++n), area, Rating.NOT_APPLICABLE));
        }
        for (int i = 0; i < unrated; i++) {
            list.add(new Entry(area + ".1." + (++n), area, null));
        }
        return list;
    }

    @Test
    void thirtyIndicatorsGiveTheReportsPercentages() {
        RatingSummary.Part p = RatingSummary.part(entries("1", 27, 2, 1, 0, 0));
        assertThat(p.percentages()).containsEntry(Rating.FULLY, new BigDecimal("90.00"))
                .containsEntry(Rating.BASICALLY, new BigDecimal("6.67"))
                .containsEntry(Rating.NOT, new BigDecimal("3.33"));
        assertThat(p.completeness()).isEqualTo(new BigDecimal("100.00"));
        assertThat(p.applicable()).isEqualTo(30);
    }

    @Test
    void notApplicableIndicatorsLeaveTheDenominator() {
        RatingSummary.Part p = RatingSummary.part(entries("1", 27, 2, 1, 3, 0));
        assertThat(p.indicators()).isEqualTo(33);
        assertThat(p.applicable()).isEqualTo(30);
        assertThat(p.counts()).containsEntry(Rating.NOT_APPLICABLE, 3);
        assertThat(p.percentages().get(Rating.FULLY)).isEqualTo(new BigDecimal("90.00"));
        assertThat(p.percentages()).doesNotContainKey(Rating.NOT_APPLICABLE);
    }

    @Test
    void roundsHalfUpToTwoDecimals() {
        // 1 of 32 = 3.125 %: half up gives 3.13 where half even would give 3.12
        RatingSummary.Part p = RatingSummary.part(entries("1", 31, 1, 0, 0, 0));
        assertThat(p.percentages().get(Rating.BASICALLY)).isEqualTo(new BigDecimal("3.13"));
        assertThat(p.percentages().get(Rating.FULLY)).isEqualTo(new BigDecimal("96.88"));
        assertThat(RatingSummary.percent(2, 3)).isEqualTo(new BigDecimal("66.67"));
        assertThat(RatingSummary.percent(1, 6)).isEqualTo(new BigDecimal("16.67"));
    }

    @Test
    void completenessCountsRatedOverAllIndicators() {
        RatingSummary.Part p = RatingSummary.part(entries("1", 5, 1, 0, 1, 3));
        assertThat(p.rated()).isEqualTo(7);
        assertThat(p.completeness()).isEqualTo(new BigDecimal("70.00"));
        assertThat(p.percentages().get(Rating.FULLY)).isEqualTo(new BigDecimal("83.33"));
    }

    @Test
    void nothingApplicableGivesZeroNotADivisionByZero() {
        RatingSummary.Part p = RatingSummary.part(entries("1", 0, 0, 0, 2, 1));
        assertThat(p.percentages().values()).allMatch(v -> v.compareTo(BigDecimal.ZERO) == 0);
        assertThat(RatingSummary.part(List.of()).completeness()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void summarisesEachFirstLevelAreaAndKeepsAreasWithoutIndicators() {
        List<Entry> all = new ArrayList<>(entries("1", 3, 1, 0, 0, 0));
        all.addAll(entries("4", 2, 0, 1, 1, 0));
        RatingSummary summary = RatingSummary.of(all, new LinkedHashMap<>(Map.of("1", "方针", "4", "发展", "7", "办学")));
        assertThat(summary.total().indicators()).isEqualTo(8);
        RatingSummary.Area four = summary.areas().stream().filter(a -> a.code().equals("4")).findFirst().orElseThrow();
        assertThat(four.part().percentages().get(Rating.FULLY)).isEqualTo(new BigDecimal("66.67"));
        assertThat(four.part().percentages().get(Rating.NOT)).isEqualTo(new BigDecimal("33.33"));
        RatingSummary.Area seven = summary.areas().stream().filter(a -> a.code().equals("7")).findFirst().orElseThrow();
        assertThat(seven.part().indicators()).isZero();
    }

    /** Property: for any mix, each percentage lies in [0, 100] and the three add up to 100 within rounding. */
    @Test
    void percentagesAlwaysAddUpToAHundredWithinRounding() {
        Random random = new Random(20251128L);
        for (int run = 0; run < 2000; run++) {
            int f = random.nextInt(60);
            int b = random.nextInt(10);
            int n = random.nextInt(5);
            int na = random.nextInt(4);
            RatingSummary.Part p = RatingSummary.part(entries("1", f, b, n, na, random.nextInt(3)));
            BigDecimal sum = p.percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            p.percentages().values().forEach(v -> assertThat(v).isBetween(BigDecimal.ZERO, new BigDecimal("100.00")));
            if (f + b + n > 0) {
                assertThat(sum.subtract(new BigDecimal("100")).abs()).isLessThanOrEqualTo(new BigDecimal("0.015"));
            }
        }
    }
}
