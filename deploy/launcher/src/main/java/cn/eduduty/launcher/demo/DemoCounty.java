package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * A synthetic county to demonstrate the suite with, named plainly as a demo: 示例省 (990000),
 * 示例市 (990100), 示例县 (990101) with ten townships, about sixty schools of every type the
 * registry knows, about 1,300 classes per school year, enrolment flows back to 2018 (the primary
 * consolidation rate of 2023 needs the grade-1 entrants of 2018), staff, disability placements,
 * population, three fiscal years of ledger postings with one reversal, the national framework of
 * the prefecture and the county's approved 2025 self-evaluation.
 *
 * <p>Deterministic: {@link #generate()} uses a fixed seed, so every run, test and machine sees the
 * same county. Everything is computed, nothing is read from a file.
 *
 * <p>By design exactly one funding rule fails in 2025: per-student public funds (生均公用经费) of
 * the junior stage fall from 980 to 955 yuan a student, so 三个增长 (3) fails and indicator 6.1.3
 * is rated NOT; everything else the ratings claim holds in the data. See {@link LedgerGenerator}.
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
        List<Rating> ratings) {

    /** The seed of the one demo county. */
    public static final long SEED = 20250901L;

    public static final String PROVINCE = "990000";
    public static final String PREFECTURE = "990100";
    public static final String COUNTY = "990101";
    public static final int REPORT_YEAR = 2025;
    /** School years with classes, staff and disability: the report year and the two before it. */
    public static final List<Integer> SCHOOL_YEARS = List.of(2023, 2024, 2025);
    /** First school year with enrolment flows: the 2023 primary cohort entered grade 1 in 2018. */
    public static final int FIRST_FLOW_YEAR = 2018;
    public static final List<Integer> FISCAL_YEARS = List.of(2023, 2024, 2025);

    public DemoCounty {
        regions = List.copyOf(regions);
        schools = List.copyOf(schools);
        schoolYears = List.copyOf(schoolYears);
        populations = List.copyOf(populations);
        fiscalContexts = List.copyOf(fiscalContexts);
        postings = List.copyOf(postings);
        ratings = List.copyOf(ratings);
    }

    /** The demo county. */
    public static DemoCounty generate() {
        return generate(SEED);
    }

    /** A county from {@code seed}; the same seed always gives an equal county. */
    public static DemoCounty generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegistryGenerator.Registry registry = RegistryGenerator.generate(random.split());
        LedgerGenerator.Ledger ledger = LedgerGenerator.generate(registry, random.split());
        DemoFigures figures = new DemoFigures(registry.schools(), registry.schoolYears(), registry.townships(),
                registry.populations(), ledger.fiscalContexts(), ledger.postings(), ledger.reversal());
        Framework framework = new Framework("DEMO-990100-2025", "示例市2025年县级人民政府履行教育职责评价指标体系（演示）",
                "示例市人民政府教育督导室", PREFECTURE, REPORT_YEAR, "national");
        return new DemoCounty(registry.regions(), registry.schools(), registry.schoolYears(), registry.populations(),
                ledger.fiscalContexts(), ledger.postings(), ledger.reversal(), framework, DemoRatings.of(figures));
    }

    /** The figures the data gives, computed with the registry's and the report's definitions. */
    public DemoFigures figures() {
        List<String> townships = regions.stream().filter(r -> r.code().length() == 9).map(Region::code).toList();
        return new DemoFigures(schools, schoolYears, townships, populations, fiscalContexts, postings, reversal);
    }

    /** Classes of one school year, all schools. */
    public int classes(int year) {
        return schoolYears.stream().filter(y -> y.year() == year).mapToInt(y -> y.classes().size()).sum();
    }

    /** A region of GB/T 2260; {@code parentCode} is null for the province. */
    public record Region(String code, String name, String parentCode) {
    }

    /** A school as the registry registers it (types, ownership and area as the API spells them). */
    public record School(String code, String name, String type, String ownership, boolean inclusive,
            boolean townshipCentral, String area, String townshipCode, LocalDate openedOn) {
    }

    public record ClassRoom(String stage, int grade, int students, boolean commonLanguage) {
    }

    public record Flow(String stage, int grade, int entrants, int graduates, int transfersIn, int transfersOut,
            int dropouts) {
    }

    public record Staff(int teachers, int newHires, int ruralNewHires, int eligibleForRotation, int rotated,
            int rotatedBackbone, int newHiresPutonghua2B) {
    }

    public record Disability(int regularClass, int specialClass, int specialSchool, int homeDelivered) {

        public int total() {
            return regularClass + specialClass + specialSchool + homeDelivered;
        }
    }

    /**
     * One school's data for one school year. Years before 2023 carry only flows (for the cohort
     * rates); {@code staff} and {@code disability} are null when the school reports none.
     */
    public record SchoolYear(String schoolCode, int year, List<ClassRoom> classes, List<Flow> flows, Staff staff,
            Disability disability) {

        public SchoolYear {
            classes = List.copyOf(classes);
            flows = List.copyOf(flows);
        }
    }

    /** The county's residents by single year of age (0–25) and identified disabled school-age children. */
    public record Population(int year, SortedMap<Integer, Integer> residentsByAge, int identifiedDisabledChildren) {
    }

    /** Yuan with two decimals. */
    public record FiscalContext(int year, BigDecimal regularFiscalRevenue, BigDecimal generalPublicBudgetExpenditure,
            BigDecimal averageTeacherPay, BigDecimal averageCivilServantPay) {
    }

    /** One line: exactly one of debit and credit, yuan with two decimals. */
    public record Line(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** A posting and the idempotency key it is booked under. */
    public record Posting(String key, int fiscalYear, LocalDate bookingDate, String voucherNumber, String memo,
            String schoolCode, String stage, List<Line> lines) {

        public Posting {
            lines = List.copyOf(lines);
        }
    }

    /** The one reversal (红字冲销): of the posting booked under {@code postingKey}. */
    public record Reversal(String key, String postingKey, String reason, String voucherNumber, LocalDate bookingDate) {
    }

    /** The prefecture's framework, instantiated from a template. */
    public record Framework(String code, String name, String issuer, String regionCode, int evaluationYear,
            String template) {
    }

    /** A rating of one third-level indicator; weak ratings carry a problem and an improvement. */
    public record Rating(String code, String rating, String narrative, List<Evidence> evidence, String problem,
            String improvement) {

        public Rating {
            evidence = List.copyOf(evidence);
        }
    }

    /** A document by URI or a catalogue figure by key, exactly one of them. */
    public record Evidence(String title, String uri, String figureKey) {
    }
}
