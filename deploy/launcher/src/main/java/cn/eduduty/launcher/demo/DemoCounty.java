package cn.eduduty.launcher.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import cn.eduduty.launcher.demo.CountyData.CountyFacts;
import cn.eduduty.launcher.demo.CountyData.FiscalContext;
import cn.eduduty.launcher.demo.CountyData.Framework;
import cn.eduduty.launcher.demo.CountyData.Population;
import cn.eduduty.launcher.demo.CountyData.Posting;
import cn.eduduty.launcher.demo.CountyData.Rating;
import cn.eduduty.launcher.demo.CountyData.Region;
import cn.eduduty.launcher.demo.CountyData.Reversal;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;
import cn.eduduty.launcher.demo.CountyData.Signing;

/**
 * A synthetic county to demonstrate the suite with, named plainly as a demo: 示例省 (990000),
 * 示例市 (990100), 示例县 (990101) with ten townships, about sixty schools of every type the
 * registry knows, about 1,300 classes per school year (2022—2023学年 to 2025—2026学年), enrolment
 * flows back to 2017 (the primary consolidation rate of 2022—2023学年 needs the grade-1 entrants of
 * 2017), staff, disability placements, population, the ledger of fiscal 2022–2024 (full years,
 * closed) and of January to September 2025 (a part year, open) with one reversal, the national
 * framework of the prefecture, the county's own facts (senior-secondary entrance of autumn 2023–2025
 * with its entrants to vocational schools outside the county, teacher recruitment 2023–2025,
 * off-campus training institutions of 2025) and the county's approved 2025 self-evaluation with what
 * it signs: 示例县人民政府 on 20 October 2025, its 经典做法 and its 改进措施 ({@link DemoSigning}).
 *
 * <p>It is the county as it stands in October 2025, when it writes its 2025 report, and the report
 * evaluates each figure on its latest complete period: stock figures on 2025—2026学年
 * ({@link #STOCK_SCHOOL_YEAR}), consolidation on 2024—2025学年 ({@link #COMPLETED_SCHOOL_YEAR}), the
 * 普职比 on the autumn 2025 intake ({@link #ENTRANCE_YEAR}), the funding rules on fiscal 2024 against
 * 2023 ({@link #FISCAL_YEAR}); 2025's money booked so far is quoted as 2025年1—9月.
 *
 * <p>Deterministic: {@link #generate()} uses a fixed seed, so every run, test and machine sees the
 * same county. Everything is computed, nothing is read from a file.
 *
 * <p>By design exactly one stage of one funding rule fails in fiscal 2024: per-student public funds
 * (生均公用经费) of the junior stage fall (the rate from 980 to 955 yuan a student) while every other
 * stage's rise, so 三个增长 (3) fails for 初中 alone and indicator 6.1.3 is rated NOT; everything
 * else the ratings claim holds in the data. See {@link LedgerGenerator}.
 */
public record DemoCounty(
        List<Region> regions,
        List<School> schools,
        List<SchoolYear> schoolYears,
        List<Population> populations,
        List<FiscalContext> fiscalContexts,
        List<Posting> postings,
        Reversal reversal,
        Framework framework,
        List<Rating> ratings,
        CountyFacts facts,
        Signing signing) {

    /** The seed of the one demo county. */
    public static final long SEED = 20250901L;

    public static final String PROVINCE = "990000";
    public static final String PREFECTURE = "990100";
    public static final String COUNTY = "990101";
    public static final int REPORT_YEAR = 2025;
    /**
     * School years with classes, staff, disability and population: the report year and the two
     * before it (the report's comparison), and 2022, whose students the per-student funding of
     * fiscal 2022 divides by (fiscal 2023 is compared with it).
     */
    public static final List<Integer> SCHOOL_YEARS = List.of(2022, 2023, 2024, 2025);
    /** First school year with enrolment flows: the primary cohort that completed 2022—2023学年 entered grade 1 in 2017. */
    public static final int FIRST_FLOW_YEAR = 2017;
    /** Fiscal years of the ledger: 2022–2024 full and closed, 2025 booked through {@link #BOOKED_THROUGH}. */
    public static final List<Integer> FISCAL_YEARS = List.of(2022, 2023, 2024, 2025);
    /** The fiscal years the county has closed (FiscalYearClosed). */
    public static final List<Integer> CLOSED_FISCAL_YEARS = List.of(2022, 2023, 2024);
    /** The last booking date of the part year 2025: the report is written in October 2025. */
    public static final LocalDate BOOKED_THROUGH = LocalDate.of(2025, 9, 30);

    /** The report's periods (the report service's defaults for evaluation year 2025). */
    public static final int STOCK_SCHOOL_YEAR = REPORT_YEAR;
    public static final int COMPLETED_SCHOOL_YEAR = REPORT_YEAR - 1;
    public static final int ENTRANCE_YEAR = REPORT_YEAR;
    public static final int FISCAL_YEAR = REPORT_YEAR - 1;

    public DemoCounty {
        regions = List.copyOf(regions);
        schools = List.copyOf(schools);
        schoolYears = List.copyOf(schoolYears);
        populations = List.copyOf(populations);
        fiscalContexts = List.copyOf(fiscalContexts);
        postings = List.copyOf(postings);
        ratings = List.copyOf(ratings);
    }

    /** The date the county signs its 2025 report on, printed on the document. */
    public static final LocalDate SIGNING_DATE = LocalDate.of(2025, 10, 20);
    /** Who signs it. */
    public static final String SIGNING_AUTHORITY = "示例县人民政府";

    /** The demo county. */
    public static DemoCounty generate() {
        return generate(SEED);
    }

    /** A county from {@code seed}; the same seed always gives an equal county. */
    public static DemoCounty generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegistryGenerator.Registry registry = RegistryGenerator.generate(random.split());
        LedgerGenerator.Ledger ledger = LedgerGenerator.generate(registry, random.split());
        DemoFigures schoolsOnly = new DemoFigures(registry.schools(), registry.schoolYears(), registry.townships(),
                registry.populations(), ledger.fiscalContexts(), ledger.postings(), ledger.reversal(), CountyFacts.NONE);
        // the county's own facts agree with its schools' data; the narratives quote the figures they give
        CountyFacts facts = DemoFacts.of(schoolsOnly);
        DemoFigures figures = new DemoFigures(registry.schools(), registry.schoolYears(), registry.townships(),
                registry.populations(), ledger.fiscalContexts(), ledger.postings(), ledger.reversal(), facts);
        List<Rating> ratings = DemoRatings.of(figures);
        Framework framework = new Framework("DEMO-990100-2025", "示例市2025年县级人民政府履行教育职责评价指标体系（演示）",
                "示例市人民政府教育督导室", PREFECTURE, REPORT_YEAR, "national");
        return new DemoCounty(registry.regions(), registry.schools(), registry.schoolYears(), registry.populations(),
                ledger.fiscalContexts(), ledger.postings(), ledger.reversal(), framework, ratings, facts,
                DemoSigning.of(figures, ratings));
    }

    /** Where a county lies: its province, prefecture and own GB/T 2260 code and name. */
    public record Place(String province, String provinceName, String prefecture, String prefectureName, String county,
            String countyName) {
        /** 示例省 示例市 示例县, where {@link #generate()} puts the demo county. */
        public static final Place DEMO = new Place(PROVINCE, "示例省", PREFECTURE, "示例市", COUNTY, "示例县");
    }

    /**
     * This county moved to {@code place}: every code of the demo's province, prefecture and county
     * (in region, township and school codes, and in idempotency keys) and every mention of their
     * names is rewritten; numbers, amounts and dates stay as they are. Used to make many distinct
     * counties of the same realistic shape, each from its own seed (bench/scale).
     */
    public DemoCounty at(Place place) {
        UnaryOperator<String> rewrite = text -> {
            if (text.matches("[-\\d.]+") && text.contains(".")) {
                return text; // an amount, never a code
            }
            return text.replace(COUNTY, place.county()).replace(PREFECTURE, place.prefecture())
                    .replace(PROVINCE, place.province()).replace(Place.DEMO.countyName(), place.countyName())
                    .replace(Place.DEMO.prefectureName(), place.prefectureName())
                    .replace(Place.DEMO.provinceName(), place.provinceName());
        };
        return (DemoCounty) rewrite(this, rewrite);
    }

    private static Object rewrite(Object value, UnaryOperator<String> rewrite) {
        if (value instanceof String text) {
            return rewrite.apply(text);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(rewrite(item, rewrite)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = map instanceof SortedMap<?, ?> ? new TreeMap<>()
                    : new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(rewrite(k, rewrite), rewrite(v, rewrite)));
            return copy;
        }
        if (value != null && value.getClass().isRecord()) {
            try {
                var components = value.getClass().getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    args[i] = rewrite(accessor.invoke(value), rewrite);
                    types[i] = components[i].getType();
                }
                var constructor = value.getClass().getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot move " + value.getClass().getSimpleName(), e);
            }
        }
        return value; // numbers, amounts, dates, booleans, enums
    }

    /** The figures the data gives, computed with the registry's and the report's definitions. */
    public DemoFigures figures() {
        List<String> townships = regions.stream().filter(r -> r.code().length() == 9).map(Region::code).toList();
        return new DemoFigures(schools, schoolYears, townships, populations, fiscalContexts, postings, reversal, facts);
    }

    /** Classes of one school year, all schools. */
    public int classes(int year) {
        return schoolYears.stream().filter(y -> y.year() == year).mapToInt(y -> y.classes().size()).sum();
    }
}
