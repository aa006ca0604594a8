package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;
import cn.eduduty.formulas.registry.Flow;
import cn.eduduty.formulas.registry.SchoolYear;
import cn.eduduty.formulas.registry.Stage;

/**
 * The figures of a region's own facts (pure): the senior-secondary entrance of the autumn of a
 * year with 普职比 and the vocational share, teacher recruitment of a calendar year and over a
 * period, and off-campus training institutions by kind with their governance counts. Labels, formulas
 * and absent reasons are Chinese, because they reach the document.
 *
 * <p>These live in report-service rather than {@code metric-formulas}: they are not per-school data
 * the registry's statistics compute from its tables, they carry the report's provenance (named
 * inputs, the owner's records, which source a 普职比 came from), and the cumulative figure depends on
 * a period the report chooses.
 */
public final class CountyFactFigures {

    static final String REGISTRY = "school-registry-service";
    public static final String RATIO_KEY = "registry.senior.general_vocational_ratio";
    public static final String SHARE_KEY = "registry.senior.vocational_entrant_share";
    private static final String RATIO_LABEL = "高中阶段招生普职比";
    private static final String RATIO_FORMULA = "普通高中招生数 ÷ 中职学校招生数（政策目标约6:4，即1.50:1）";
    private static final String SHARE_LABEL = "高中阶段招生职普比（中职占比）";
    private static final String SHARE_FORMULA = "中职学校招生数 ÷ 高中阶段招生总数";

    private CountyFactFigures() {
    }

    /**
     * Every county-fact figure of a report: the entrance of the autumn of {@code entranceYear}
     * (普职比 and the vocational share from the recorded entrance, else from the schools' grade-10
     * flows in {@code schoolYears}, the school years begun that autumn), and recruitment and training
     * institutions of calendar year {@code calendarYear}.
     */
    public static List<Figure> compute(CountyFacts facts, int entranceYear, int calendarYear, List<SchoolYear> schoolYears) {
        List<Figure> figures = new ArrayList<>(entrance(facts, entranceYear, schoolYears));
        figures.addAll(recruitment(facts, calendarYear));
        figures.addAll(training(facts, calendarYear));
        return figures;
    }

    /** As {@link #compute(CountyFacts, int, int, List)} without school flows to fall back on. */
    public static List<Figure> compute(CountyFacts facts, int entranceYear, int calendarYear) {
        return compute(facts, entranceYear, calendarYear, List.of());
    }

    // senior-secondary entrance

    static List<Figure> entrance(CountyFacts facts, int year, List<SchoolYear> schoolYears) {
        CountyFacts.Entrance e = facts.entrance().get(year);
        String period = year + "年秋季";
        List<Figure> figures = new ArrayList<>();
        if (!facts.complete(e)) {
            String reason = missing(facts, e == null ? List.of() : e.counties(), period + "高中阶段招生");
            for (String key : List.of("registry.entrance.junior_graduates", "registry.entrance.exam_takers",
                    "registry.entrance.general_entrants", "registry.entrance.vocational_entrants_in_county",
                    "registry.entrance.vocational_entrants_out_of_county", "registry.entrance.vocational_entrants",
                    "registry.entrance.general_enrolment_plan")) {
                figures.add(absent(key, period, reason));
            }
            figures.addAll(fromFlows(facts.region(), year, schoolYears, reason));
            return figures;
        }
        List<Figure.Source> sources = sources(e.counties(), "senior-entrance", year);
        figures.add(optionalCount("registry.entrance.junior_graduates", period, e.juniorGraduates(), sources));
        figures.add(optionalCount("registry.entrance.exam_takers", period, e.examTakers(), sources));
        figures.add(count("registry.entrance.general_entrants", period, e.generalEntrants(), List.of(), sources));
        figures.add(count("registry.entrance.vocational_entrants_in_county", period, e.vocationalEntrantsInCounty(),
                List.of(), sources));
        figures.add(count("registry.entrance.vocational_entrants_out_of_county", period, e.vocationalEntrantsOutOfCounty(),
                List.of(), sources));
        figures.add(count("registry.entrance.vocational_entrants", period, e.vocationalEntrants(),
                List.of(input("县内中职学校招生数", e.vocationalEntrantsInCounty()),
                        input("县外中职学校招生数", e.vocationalEntrantsOutOfCounty())), sources));
        figures.add(optionalCount("registry.entrance.general_enrolment_plan", period, e.generalEnrolmentPlan(), sources));

        String source = "来源：县级填报的" + period + "高中阶段招生数据（中职含县外中职学校招生）";
        List<Figure.Input> inputs = List.of(input("普通高中招生数", e.generalEntrants()),
                input("县内中职学校招生数", e.vocationalEntrantsInCounty()),
                input("县外中职学校招生数", e.vocationalEntrantsOutOfCounty()));
        figures.add(ratio(year, e.generalEntrants(), e.vocationalEntrants(), source, inputs, sources));
        figures.add(share(year, e.vocationalEntrants(), e.generalEntrants() + e.vocationalEntrants(), source, inputs,
                sources));
        return figures;
    }

    /** 普职比 and the vocational share from the schools' grade-10 entrants, when the region's entrance is not recorded. */
    private static List<Figure> fromFlows(String region, int year, List<SchoolYear> schoolYears, String whyNotFacts) {
        List<SchoolYear> ofYear = schoolYears.stream().filter(y -> y.year() == year).toList();
        if (ofYear.isEmpty()) {
            String reason = whyNotFacts + "；各校" + year + "学年数据也未录入";
            return List.of(Figure.absent(RATIO_KEY, label(RATIO_KEY, RATIO_LABEL), "RATIO", RATIO_FORMULA + "；" + year + "年秋季",
                    reason), Figure.absent(SHARE_KEY, label(SHARE_KEY, SHARE_LABEL), "PERCENT",
                            SHARE_FORMULA + "；" + year + "年秋季", reason));
        }
        long general = entrants(ofYear, Stage.SENIOR);
        long vocational = entrants(ofYear, Stage.VOCATIONAL);
        String source = "来源：" + ofYear.size() + "所学校" + year + "学年高一招生数（" + whyNotFacts
                + "，县外中职学校招生不在其中）";
        List<Figure.Input> inputs = List.of(input("普通高中招生数", general), input("中职学校招生数", vocational));
        List<Figure.Source> sources = List.of(new Figure.Source(REGISTRY, "school-years", region + "/" + year));
        return List.of(ratio(year, general, vocational, source, inputs, sources),
                share(year, vocational, general + vocational, source, inputs, sources));
    }

    private static long entrants(List<SchoolYear> years, Stage stage) {
        return years.stream().flatMap(y -> y.flows().stream()).filter(f -> f.isOf(stage, stage.firstGrade()))
                .mapToLong(Flow::entrants).sum();
    }

    private static Figure ratio(int year, long general, long vocational, String source, List<Figure.Input> inputs,
            List<Figure.Source> sources) {
        String label = label(RATIO_KEY, RATIO_LABEL);
        String formula = RATIO_FORMULA + "；" + year + "年秋季；" + source;
        if (vocational <= 0) {
            return Figure.absent(RATIO_KEY, label, "RATIO", formula, year + "年秋季中职学校招生数为0，无法计算普职比");
        }
        return Figure.present(RATIO_KEY, label, divide(general, vocational), "RATIO", formula, inputs, sources);
    }

    private static Figure share(int year, long vocational, long all, String source, List<Figure.Input> inputs,
            List<Figure.Source> sources) {
        String label = label(SHARE_KEY, SHARE_LABEL);
        String formula = SHARE_FORMULA + "；" + year + "年秋季；" + source;
        if (all <= 0) {
            return Figure.absent(SHARE_KEY, label, "PERCENT", formula, year + "年秋季高中阶段招生数为0，无法计算中职占比");
        }
        return Figure.present(SHARE_KEY, label, divide(vocational * 100, all), "PERCENT", formula, inputs, sources);
    }

    // teacher recruitment

    static List<Figure> recruitment(CountyFacts facts, int year) {
        CountyFacts.Recruitment r = facts.recruitment().get(year);
        String period = year + "年";
        if (!facts.complete(r)) {
            String reason = missing(facts, r == null ? List.of() : r.counties(), period + "补充教师");
            return List.of(absent("registry.recruitment.teachers", period, reason),
                    absent("registry.recruitment.rural_teachers", period, reason));
        }
        List<Figure.Source> sources = sources(r.counties(), "teacher-recruitment", year);
        return List.of(count("registry.recruitment.teachers", period, r.recruited(), List.of(), sources),
                count("registry.recruitment.rural_teachers", period, r.ruralRecruited(), List.of(), sources));
    }

    /**
     * The teachers recruited from {@code fromYear} through {@code toYear}, labelled with the period
     * ("2017年以来累计补充教师数"), each year an input; absent naming the years not recorded, never a
     * sum over some of the years.
     */
    public static Figure cumulative(CountyFacts facts, int fromYear, int toYear) {
        return cumulative(facts, fromYear, toYear, "registry.recruitment.teachers_cumulative", "补充教师数",
                CountyFacts.Recruitment::recruited);
    }

    /** The same for the teachers recruited to rural schools. */
    public static Figure ruralCumulative(CountyFacts facts, int fromYear, int toYear) {
        return cumulative(facts, fromYear, toYear, "registry.recruitment.rural_teachers_cumulative", "补充农村学校教师数",
                CountyFacts.Recruitment::ruralRecruited);
    }

    private static Figure cumulative(CountyFacts facts, int fromYear, int toYear, String key, String what,
            ToLongFunction<CountyFacts.Recruitment> count) {
        if (fromYear > toYear) {
            throw new IllegalArgumentException("the period starts in " + fromYear + ", after its end " + toYear);
        }
        String label = fromYear + "年以来累计" + what;
        String formula = fromYear + "年至" + toYear + "年各年" + what + "之和（逐年县级填报，累计数计算得出）";
        List<Integer> missing = new ArrayList<>();
        List<Figure.Input> inputs = new ArrayList<>();
        List<Figure.Source> sources = new ArrayList<>();
        long sum = 0;
        for (int y = fromYear; y <= toYear; y++) {
            CountyFacts.Recruitment r = facts.recruitment().get(y);
            if (!facts.complete(r)) {
                missing.add(y);
                continue;
            }
            sum += count.applyAsLong(r);
            inputs.add(input(y + "年" + what, count.applyAsLong(r)));
            sources.addAll(sources(r.counties(), "teacher-recruitment", y));
        }
        if (!missing.isEmpty()) {
            return Figure.absent(key, label, "COUNT", formula, missing.stream().map(y -> y + "年")
                    .collect(Collectors.joining("、")) + "补充教师数据未录入" + scope(facts) + "，不计算累计数");
        }
        return Figure.present(key, label, BigDecimal.valueOf(sum), "COUNT", formula, inputs, sources);
    }

    // off-campus training institutions

    static List<Figure> training(CountyFacts facts, int year) {
        CountyFacts.Training t = facts.training().get(year);
        String period = year + "年";
        List<Figure> figures = new ArrayList<>();
        List<String> keys = new ArrayList<>(List.of("registry.training.institutions"));
        CountyFacts.KINDS.keySet().forEach(k -> keys.add(kindKey(k)));
        keys.addAll(List.of("registry.training.subject_reduction_rate", "registry.training.approved",
                "registry.training.rectified", "registry.training.closed", "registry.training.inspections",
                "registry.training.complaints_handled"));
        if (!facts.complete(t)) {
            String reason = missing(facts, t == null ? List.of() : t.counties(), period + "校外培训机构");
            keys.forEach(key -> figures.add(absent(key, period, reason)));
            return figures;
        }
        List<Figure.Source> sources = sources(t.counties(), "training-institutions", year);
        Map<String, CountyFacts.Training.Kind> kinds = t.kinds();
        String counted = CountyFacts.KINDS.entrySet().stream().filter(e -> kinds.containsKey(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.joining("、"));
        String over = kinds.isEmpty() ? "（未录入任何类别）" : "（计入：" + counted + "）";

        figures.add(sumOfKinds("registry.training.institutions", period, over, kinds, CountyFacts.Training.Kind::atEnd,
                sources));
        CountyFacts.KINDS.forEach((kind, name) -> {
            CountyFacts.Training.Kind k = kinds.get(kind);
            figures.add(k == null ? absent(kindKey(kind), period, period + "未录入" + name + "校外培训机构数据")
                    : count(kindKey(kind), period, k.atEnd(), List.of(input("年初机构数", k.atStart()),
                            input("审批登记", k.approved()), input("整改", k.rectified()), input("取缔关停", k.closed())),
                            sources));
        });
        figures.add(reduction(period, kinds.get("SUBJECT"), sources));
        figures.add(sumOfKinds("registry.training.approved", period, over, kinds, CountyFacts.Training.Kind::approved,
                sources));
        figures.add(sumOfKinds("registry.training.rectified", period, over, kinds, CountyFacts.Training.Kind::rectified,
                sources));
        figures.add(sumOfKinds("registry.training.closed", period, over, kinds, CountyFacts.Training.Kind::closed,
                sources));
        figures.add(optionalCount("registry.training.inspections", period, t.inspections(), sources));
        figures.add(optionalCount("registry.training.complaints_handled", period, t.complaintsHandled(), sources));
        return figures;
    }

    private static Figure sumOfKinds(String key, String period, String over, Map<String, CountyFacts.Training.Kind> kinds,
            ToLongFunction<CountyFacts.Training.Kind> count, List<Figure.Source> sources) {
        MetricDefinition d = definition(key);
        if (kinds.isEmpty()) {
            return Figure.absent(key, d.label(), "COUNT", period + "；" + d.definition(), period + "未录入任何类别的校外培训机构数据");
        }
        List<Figure.Input> inputs = new ArrayList<>();
        CountyFacts.KINDS.forEach((kind, name) -> {
            if (kinds.containsKey(kind)) {
                inputs.add(input(name, count.applyAsLong(kinds.get(kind))));
            }
        });
        long sum = kinds.values().stream().mapToLong(count).sum();
        return Figure.present(key, d.label(), BigDecimal.valueOf(sum), "COUNT", period + "；" + d.definition() + over, inputs,
                sources);
    }

    private static Figure reduction(String period, CountyFacts.Training.Kind subject, List<Figure.Source> sources) {
        String key = "registry.training.subject_reduction_rate";
        MetricDefinition d = definition(key);
        String formula = period + "；" + d.definition();
        if (subject == null) {
            return Figure.absent(key, d.label(), "PERCENT", formula, period + "未录入学科类校外培训机构数据");
        }
        if (subject.atStart() <= 0) {
            return Figure.absent(key, d.label(), "PERCENT", formula, period + "年初无学科类校外培训机构，无法计算压减率");
        }
        return Figure.present(key, d.label(), divide((subject.atStart() - subject.atEnd()) * 100, subject.atStart()),
                "PERCENT", formula, List.of(input("年初学科类机构数", subject.atStart()), input("年末学科类机构数", subject.atEnd())),
                sources);
    }

    private static String kindKey(String kind) {
        return "registry.training.institutions." + kind.toLowerCase(Locale.ROOT);
    }

    // shared

    private static Figure count(String key, String period, long value, List<Figure.Input> inputs,
            List<Figure.Source> sources) {
        MetricDefinition d = definition(key);
        return Figure.present(key, d.label(), BigDecimal.valueOf(value), "COUNT", period + "；" + d.definition(), inputs,
                sources);
    }

    private static Figure optionalCount(String key, String period, Integer value, List<Figure.Source> sources) {
        if (value == null) {
            return absent(key, period, period + "未录入" + definition(key).label());
        }
        return count(key, period, value, List.of(), sources);
    }

    private static Figure absent(String key, String period, String reason) {
        MetricDefinition d = definition(key);
        return Figure.absent(key, d.label(), d.unit().name(), period + "；" + d.definition(), reason);
    }

    private static MetricDefinition definition(String key) {
        return MetricCatalogue.find(key).orElseThrow(() -> new IllegalStateException(key + " is not in the metric catalogue"));
    }

    private static String label(String key, String fallback) {
        return MetricCatalogue.find(key).map(MetricDefinition::label).orElse(fallback);
    }

    private static Figure.Input input(String name, long value) {
        return new Figure.Input(name, BigDecimal.valueOf(value));
    }

    private static BigDecimal divide(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private static List<Figure.Source> sources(List<String> counties, String entity, int year) {
        return counties.stream().map(c -> new Figure.Source(REGISTRY, entity, c + "/" + year)).toList();
    }

    /** Why a year's fact is not the region's: nobody recorded it, or only some of its counties did. */
    private static String missing(CountyFacts facts, List<String> recorded, String what) {
        if (recorded.isEmpty()) {
            return "未录入" + what + "数据";
        }
        return what + "数据仅有" + recorded.size() + "个县（市、区）录入（共" + facts.counties().size() + "个），不作合计";
    }

    private static String scope(CountyFacts facts) {
        return facts.counties().size() > 1 ? "（需全部" + facts.counties().size() + "个县（市、区）录入）" : "";
    }
}
