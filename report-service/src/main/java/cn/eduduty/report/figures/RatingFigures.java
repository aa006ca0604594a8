package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.Rating;

/**
 * The rating summary a report opens with, computed the way indicator-service computes it: counts
 * per rating over the framework's third-level indicators, completeness = rated ÷ indicators, and
 * each rating's share of the applicable (rated, not NOT_APPLICABLE) indicators, two decimals half
 * up. Pure.
 */
public final class RatingFigures {

    static final List<String> RATINGS = Arrays.stream(Rating.values()).map(Rating::name).toList();
    private static final String COUNT = "COUNT";
    private static final String PERCENT = "PERCENT";

    private RatingFigures() {
    }

    public static List<Figure> compute(Evaluation evaluation) {
        List<IndicatorSnapshot> indicators = evaluation.thirdLevel();
        int total = indicators.size();
        int rated = 0;
        int[] counts = new int[RATINGS.size()];
        for (IndicatorSnapshot indicator : indicators) {
            Evaluation.Rated r = evaluation.ratings().get(indicator.code());
            if (r != null) {
                rated++;
                counts[RATINGS.indexOf(r.rating())]++;
            }
        }
        int applicable = rated - counts[Rating.NOT_APPLICABLE.ordinal()];
        List<Figure.Source> sources = List.of(new Figure.Source("indicator-service", "self-evaluations",
                evaluation.id().toString()), new Figure.Source("indicator-service", "frameworks",
                evaluation.frameworkId().toString()));
        List<Figure> figures = new ArrayList<>();
        figures.add(count("rating.indicators", "三级指标数", total, "框架中三级指标的个数", sources));
        figures.add(count("rating.rated", "已评价指标数", rated, "已给出评价结论的三级指标数", sources));
        figures.add(count("rating.applicable", "适用指标数", applicable, "已评价指标数 − 不适用指标数", sources));
        figures.add(percent("rating.completeness", "评价完成率", rated, total, "已评价指标数 ÷ 三级指标数 × 100%",
                "三级指标数", "已评价指标数", sources));
        String[] labels = { "完全落实", "基本落实", "尚未落实", "不适用" };
        for (int i = 0; i < RATINGS.size(); i++) {
            String key = RATINGS.get(i).toLowerCase();
            figures.add(count("rating." + key, labels[i] + "指标数", counts[i], "评价结论为“" + labels[i] + "”的三级指标数",
                    sources));
            if (i < 3) {
                figures.add(percent("rating." + key + "_share", labels[i] + "指标占比", counts[i], applicable,
                        labels[i] + "指标数 ÷ 适用指标数 × 100%", "适用指标数", labels[i] + "指标数", sources));
            }
        }
        return figures;
    }

    /** {@code part × 100 ÷ whole}, two decimals half up. */
    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static Figure count(String key, String label, int value, String formula, List<Figure.Source> sources) {
        return Figure.present(key, label, BigDecimal.valueOf(value), COUNT, formula, List.of(), sources);
    }

    private static Figure percent(String key, String label, int part, int whole, String formula, String wholeName,
            String partName, List<Figure.Source> sources) {
        if (whole == 0) {
            return Figure.absent(key, label, PERCENT, formula, wholeName.equals("适用指标数")
                    ? "尚无已评价且适用的三级指标" : "评价指标体系中没有三级指标");
        }
        return Figure.present(key, label, percent(part, whole), PERCENT, formula,
                List.of(new Figure.Input(partName, BigDecimal.valueOf(part)),
                        new Figure.Input(wholeName, BigDecimal.valueOf(whole))), sources);
    }
}
