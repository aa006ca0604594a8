package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.FiscalContext;
import cn.eduduty.launcher.demo.CountyData.Flow;
import cn.eduduty.launcher.demo.CountyData.Line;
import cn.eduduty.launcher.demo.CountyData.Population;
import cn.eduduty.launcher.demo.CountyData.Posting;
import cn.eduduty.launcher.demo.CountyData.Reversal;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;
import cn.eduduty.launcher.demo.CountyData.Staff;

/**
 * The figures the demo data gives, computed the way the registry's statistics and the report's
 * funding rules define them (../shared/domain.md §2 and §3): percentages from summed counts, two
 * decimals half up. The ratings quote these numbers, so the narratives agree with the data; the
 * tests use them to check the design (which rules hold, which fails).
 */
public final class DemoFigures {

    public static final List<String> EXPENSE_ACCOUNTS = List.of("5001", "5002", "5003", "5004", "5005", "5009");

    private final List<School> schools;
    private final Map<String, School> byCode = new HashMap<>();
    private final List<SchoolYear> schoolYears;
    private final List<String> townships;
    private final Map<Integer, Population> populations = new HashMap<>();
    private final Map<Integer, FiscalContext> contexts = new HashMap<>();
    private final List<Posting> postings;
    private final CountyData.CountyFacts facts;

    DemoFigures(List<School> schools, List<SchoolYear> schoolYears, List<String> townships, List<Population> populations,
            List<FiscalContext> contexts, List<Posting> postings, Reversal reversal, CountyData.CountyFacts facts) {
        this.facts = facts;
        this.schools = schools;
        schools.forEach(s -> byCode.put(s.code(), s));
        this.schoolYears = schoolYears;
        this.townships = townships;
        populations.forEach(p -> this.populations.put(p.year(), p));
        contexts.forEach(c -> this.contexts.put(c.year(), c));
        List<Posting> all = new ArrayList<>(postings);
        if (reversal != null) {
            Posting original = postings.stream().filter(p -> p.key().equals(reversal.postingKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the reversal reverses no posting of the demo"));
            all.add(mirror(original, reversal));
        }
        this.postings = all;
    }

    /** The mirror posting the ledger books for a reversal: debits and credits swapped, same school and stage. */
    static Posting mirror(Posting original, Reversal reversal) {
        List<Line> lines = original.lines().stream().map(l -> new Line(l.account(), l.credit(), l.debit())).toList();
        return new Posting(reversal.key(), original.fiscalYear(), reversal.bookingDate(), reversal.voucherNumber(),
                "冲销 " + original.voucherNumber() + "：" + reversal.reason(), original.schoolCode(), original.stage(), lines);
    }

    // ---------------------------------------------------------------- classes and students

    private List<SchoolYear> of(int year) {
        return schoolYears.stream().filter(y -> y.year() == year).toList();
    }

    private List<ClassRoom> classesOf(int year, Predicate<ClassRoom> which) {
        return of(year).stream().flatMap(y -> y.classes().stream()).filter(which).toList();
    }

    public int classes(int year) {
        return classesOf(year, c -> true).size();
    }

    public Map<String, Integer> classesByStage(int year) {
        Map<String, Integer> counts = new TreeMap<>();
        classesOf(year, c -> true).forEach(c -> counts.merge(c.stage(), 1, Integer::sum));
        return counts;
    }

    public Map<String, Integer> studentsByStage(int year) {
        Map<String, Integer> counts = new TreeMap<>();
        classesOf(year, c -> true).forEach(c -> counts.merge(c.stage(), c.students(), Integer::sum));
        return counts;
    }

    public int students(int year, String stage) {
        return studentsByStage(year).getOrDefault(stage, 0);
    }

    private List<ClassRoom> compulsory(int year) {
        return classesOf(year, c -> c.stage().equals("PRIMARY") || c.stage().equals("JUNIOR"));
    }

    private List<ClassRoom> senior(int year) {
        return classesOf(year, c -> c.stage().equals("SENIOR"));
    }

    public int compulsoryClasses(int year) {
        return compulsory(year).size();
    }

    /** 大班额: primary and junior classes of 56–65. */
    public int largeCompulsoryClasses(int year) {
        return (int) compulsory(year).stream().filter(c -> c.students() >= 56 && c.students() <= 65).count();
    }

    public int superLargeCompulsoryClasses(int year) {
        return (int) compulsory(year).stream().filter(c -> c.students() >= 66).count();
    }

    public BigDecimal largeCompulsoryShare(int year) {
        return percent(largeCompulsoryClasses(year), compulsoryClasses(year));
    }

    public int seniorClasses(int year) {
        return senior(year).size();
    }

    public int superLargeSeniorClasses(int year) {
        return (int) senior(year).stream().filter(c -> c.students() >= 66).count();
    }

    public int largeSeniorClasses(int year) {
        return (int) senior(year).stream().filter(c -> c.students() >= 56 && c.students() <= 65).count();
    }

    public BigDecimal largeSeniorShare(int year) {
        return percent(largeSeniorClasses(year), seniorClasses(year));
    }

    public BigDecimal superLargeSeniorShare(int year) {
        return percent(superLargeSeniorClasses(year), seniorClasses(year));
    }

    public BigDecimal commonLanguageCoverage(int year) {
        return percent(classesOf(year, ClassRoom::commonLanguage).size(), classes(year));
    }

    /** The largest class of the year. */
    public int largestClass(int year) {
        return classesOf(year, c -> true).stream().mapToInt(ClassRoom::students).max().orElse(0);
    }

    // ---------------------------------------------------------------- rates over the population

    private int residents(int year, int from, int to) {
        Population p = populations.get(year);
        int sum = 0;
        for (int age = from; age <= to; age++) {
            sum += p.residentsByAge().get(age);
        }
        return sum;
    }

    public BigDecimal preschoolGrossEnrolment(int year) {
        return percent(students(year, "PRESCHOOL"), residents(year, 3, 5));
    }

    public BigDecimal seniorGrossEnrolment(int year) {
        return percent(students(year, "SENIOR") + students(year, "VOCATIONAL"), residents(year, 15, 17));
    }

    public int enrolledDisabled(int year) {
        return of(year).stream().filter(y -> y.disability() != null).mapToInt(y -> y.disability().total()).sum();
    }

    public int identifiedDisabled(int year) {
        return populations.get(year).identifiedDisabledChildren();
    }

    public BigDecimal disabledEnrolment(int year) {
        return percent(enrolledDisabled(year), identifiedDisabled(year));
    }

    public int disabled(int year, ToIntFunction<CountyData.Disability> placement) {
        return of(year).stream().filter(y -> y.disability() != null).mapToInt(y -> placement.applyAsInt(y.disability()))
                .sum();
    }

    // ---------------------------------------------------------------- kindergartens

    private boolean openIn(School s, int year) {
        return !s.openedOn().isAfter(LocalDate.of(year, 9, 1));
    }

    private boolean publicOrInclusive(School s) {
        return s.ownership().equals("PUBLIC") || s.inclusive();
    }

    public int kindergartens(int year) {
        return (int) schools.stream().filter(s -> s.type().equals("KINDERGARTEN") && openIn(s, year)).count();
    }

    public int inclusiveKindergartens(int year) {
        return (int) schools.stream().filter(s -> s.type().equals("KINDERGARTEN") && openIn(s, year))
                .filter(this::publicOrInclusive).count();
    }

    /** 普惠性幼儿园占比（按园数）: public and inclusive private kindergartens ÷ all kindergartens open on 1 September. */
    public BigDecimal inclusiveKindergartenShare(int year) {
        return percent(inclusiveKindergartens(year), kindergartens(year));
    }

    /** Schools open on 1 September of school year {@code year} (the demo closes none). */
    public int schools(int year) {
        return (int) schools.stream().filter(s -> openIn(s, year)).count();
    }

    /** Schools of one type ({@code KINDERGARTEN} …) and ownership ({@code PUBLIC}, {@code PRIVATE}) open on 1 September. */
    public int schools(int year, String type, String ownership) {
        return (int) schools.stream().filter(s -> openIn(s, year) && s.type().equals(type) && s.ownership().equals(ownership))
                .count();
    }

    public BigDecimal inclusiveCoverage(int year) {
        long all = 0;
        long inclusive = 0;
        for (SchoolYear y : of(year)) {
            School s = byCode.get(y.schoolCode());
            if (!s.type().equals("KINDERGARTEN")) {
                continue;
            }
            int children = y.classes().stream().filter(c -> c.stage().equals("PRESCHOOL")).mapToInt(ClassRoom::students).sum();
            all += children;
            if (publicOrInclusive(s)) {
                inclusive += children;
            }
        }
        return percent(inclusive, all);
    }

    /** Children in public kindergartens ÷ children in all kindergartens. */
    public BigDecimal publicKindergartenShare(int year) {
        long all = 0;
        long pub = 0;
        for (SchoolYear y : of(year)) {
            School s = byCode.get(y.schoolCode());
            if (s.type().equals("KINDERGARTEN")) {
                int children = y.classes().stream().mapToInt(ClassRoom::students).sum();
                all += children;
                pub += s.ownership().equals("PUBLIC") ? children : 0;
            }
        }
        return percent(pub, all);
    }

    public BigDecimal townshipCentralCoverage(int year) {
        Set<String> covered = new TreeSet<>();
        schools.stream().filter(s -> s.type().equals("KINDERGARTEN") && s.ownership().equals("PUBLIC")
                && s.townshipCentral() && openIn(s, year)).forEach(s -> covered.add(s.townshipCode()));
        covered.retainAll(townships);
        return percent(covered.size(), townships.size());
    }

    public int townships() {
        return townships.size();
    }

    // ---------------------------------------------------------------- cohorts

    private List<Flow> flows(int year, String stage, int grade) {
        return of(year).stream().flatMap(y -> y.flows().stream()).filter(f -> f.stage().equals(stage) && f.grade() == grade)
                .toList();
    }

    /** Graduates ÷ the cohort's entrants adjusted for its transfers (Consolidation in metric-formulas). */
    public BigDecimal consolidation(int year, String stage) {
        int[] range = RegistryGenerator.grades(stage);
        int entryYear = year - (range[1] - range[0]);
        long entrants = flows(entryYear, stage, range[0]).stream().mapToLong(Flow::entrants).sum();
        long net = 0;
        for (int grade = range[0]; grade <= range[1]; grade++) {
            net += flows(year - (range[1] - grade), stage, grade).stream()
                    .mapToLong(f -> f.transfersIn() - f.transfersOut()).sum();
        }
        long graduates = flows(year, stage, range[1]).stream().mapToLong(Flow::graduates).sum();
        return percent(graduates, entrants + net);
    }

    public int entrants(int year, String stage) {
        return flows(year, stage, RegistryGenerator.grades(stage)[0]).stream().mapToInt(Flow::entrants).sum();
    }

    public int graduates(int year, String stage) {
        return flows(year, stage, RegistryGenerator.grades(stage)[1]).stream().mapToInt(Flow::graduates).sum();
    }

    public int dropouts(int year, String stage) {
        return of(year).stream().flatMap(y -> y.flows().stream()).filter(f -> f.stage().equals(stage))
                .mapToInt(Flow::dropouts).sum();
    }

    // ---------------------------------------------------------------- the county's own facts (CountyFactFigures)

    /** The recorded senior-secondary entrance of the autumn of {@code year}, if the county recorded it. */
    public Optional<CountyData.SeniorEntrance> seniorEntrance(int year) {
        return facts.seniorEntrance().stream().filter(e -> e.year() == year).findFirst();
    }

    /** Entrants to general high schools in the autumn of {@code year}: the recorded entrance, else the schools' grade 10. */
    public int generalEntrants(int year) {
        return seniorEntrance(year).map(CountyData.SeniorEntrance::generalEntrants).orElseGet(() -> entrants(year, "SENIOR"));
    }

    /**
     * Entrants to secondary vocational schools in the autumn of {@code year}: the recorded entrance
     * (in and outside the county), else the county's own vocational schools' grade 10.
     */
    public int vocationalEntrants(int year) {
        return seniorEntrance(year).map(CountyData.SeniorEntrance::vocationalEntrants)
                .orElseGet(() -> entrants(year, "VOCATIONAL"));
    }

    /** 普职比: general ÷ vocational entrants, two decimals (1.24 for 1.24:1). */
    public BigDecimal generalVocationalRatio(int year) {
        return BigDecimal.valueOf(generalEntrants(year)).divide(BigDecimal.valueOf(vocationalEntrants(year)), 2,
                RoundingMode.HALF_UP);
    }

    /** 中职招生占比: vocational ÷ all senior-secondary entrants, percent. */
    public BigDecimal vocationalEntrantShare(int year) {
        return percent(vocationalEntrants(year), generalEntrants(year) + vocationalEntrants(year));
    }

    private Optional<CountyData.TeacherRecruitment> recruitment(int year) {
        return facts.teacherRecruitment().stream().filter(r -> r.year() == year).findFirst();
    }

    /** Teachers recruited in calendar year {@code year} (0 when not recorded). */
    public int recruited(int year) {
        return recruitment(year).map(CountyData.TeacherRecruitment::recruited).orElse(0);
    }

    public int ruralRecruited(int year) {
        return recruitment(year).map(CountyData.TeacherRecruitment::ruralRecruited).orElse(0);
    }

    /** Teachers recruited from {@code from} through {@code to} ("2023年以来累计补充教师N名"). */
    public int recruitedSince(int from, int to) {
        int sum = 0;
        for (int y = from; y <= to; y++) {
            sum += recruited(y);
        }
        return sum;
    }

    /** The training institutions of calendar year {@code year}, if recorded. */
    public Optional<CountyData.TrainingInstitutions> training(int year) {
        return facts.trainingInstitutions().stream().filter(t -> t.year() == year).findFirst();
    }

    private CountyData.InstitutionKind trainingKind(int year, String kind) {
        return training(year).flatMap(t -> t.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst())
                .orElseThrow(() -> new IllegalStateException("no " + kind + " training institutions of " + year));
    }

    /** Institutions of every recorded kind at the end of {@code year}. */
    public int trainingInstitutions(int year) {
        return training(year).map(t -> t.kinds().stream().mapToInt(CountyData.InstitutionKind::atEnd).sum()).orElse(0);
    }

    /** Institutions of one kind at the end of {@code year}. */
    public int trainingInstitutions(int year, String kind) {
        return trainingKind(year, kind).atEnd();
    }

    /** Institutions of every recorded kind closed or banned in {@code year}. */
    public int trainingClosed(int year) {
        return training(year).map(t -> t.kinds().stream().mapToInt(CountyData.InstitutionKind::closed).sum()).orElse(0);
    }

    /** 学科类校外培训机构压减率: (subject institutions at 1 January − at the end) ÷ at 1 January, percent. */
    public BigDecimal subjectReductionRate(int year) {
        CountyData.InstitutionKind subject = trainingKind(year, "SUBJECT");
        return percent(subject.atStart() - subject.atEnd(), subject.atStart());
    }

    // ---------------------------------------------------------------- teachers

    private long staff(int year, ToIntFunction<Staff> field) {
        return of(year).stream().filter(y -> y.staff() != null).mapToLong(y -> field.applyAsInt(y.staff())).sum();
    }

    public long teachers(int year) {
        return staff(year, Staff::teachers);
    }

    public long newHires(int year) {
        return staff(year, Staff::newHires);
    }

    public long ruralNewHires(int year) {
        return staff(year, Staff::ruralNewHires);
    }

    public long rotated(int year) {
        return staff(year, Staff::rotated);
    }

    public BigDecimal rotationShare(int year) {
        return percent(staff(year, Staff::rotated), staff(year, Staff::eligibleForRotation));
    }

    public BigDecimal backboneRotationShare(int year) {
        return percent(staff(year, Staff::rotatedBackbone), staff(year, Staff::rotated));
    }

    public BigDecimal putonghuaShare(int year) {
        return percent(staff(year, Staff::newHiresPutonghua2B), staff(year, Staff::newHires));
    }

    public BigDecimal ruralNewHireShare(int year) {
        return percent(staff(year, Staff::ruralNewHires), staff(year, Staff::newHires));
    }

    // ---------------------------------------------------------------- funding (FundingInputs, FundingRules)

    public int postings() {
        return postings.size();
    }

    private BigDecimal sum(int year, Predicate<Posting> posting, Predicate<Line> line, Function<Line, BigDecimal> value) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Posting p : postings) {
            if (p.fiscalYear() == year && posting.test(p)) {
                for (Line l : p.lines()) {
                    if (line.test(l)) {
                        total = total.add(value.apply(l));
                    }
                }
            }
        }
        return total;
    }

    private static BigDecimal debitMinusCredit(Line l) {
        return nz(l.debit()).subtract(nz(l.credit()));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    /** 政府教育拨款: credits to the appropriation account. */
    public BigDecimal appropriation(int year) {
        return sum(year, p -> true, l -> l.account().equals("4001"), l -> debitMinusCredit(l).negate());
    }

    /** 一般公共预算教育支出: every education expense category. */
    public BigDecimal educationExpenditure(int year) {
        return sum(year, p -> true, l -> EXPENSE_ACCOUNTS.contains(l.account()), DemoFigures::debitMinusCredit);
    }

    public BigDecimal accountTotal(int year, String account) {
        return sum(year, p -> true, l -> l.account().equals(account), DemoFigures::debitMinusCredit);
    }

    /** Capital projects (5004) of one school, every year booked so far. */
    public BigDecimal capital(String schoolCode) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int year : DemoCounty.FISCAL_YEARS) {
            total = total.add(sum(year, p -> schoolCode.equals(p.schoolCode()), l -> l.account().equals("5004"),
                    DemoFigures::debitMinusCredit));
        }
        return total;
    }

    public BigDecimal expenditure(int year, String stage) {
        return sum(year, p -> stage.equals(p.stage()), l -> EXPENSE_ACCOUNTS.contains(l.account()),
                DemoFigures::debitMinusCredit);
    }

    public BigDecimal publicFunds(int year, String stage) {
        return sum(year, p -> stage.equals(p.stage()), l -> l.account().equals("5002"), DemoFigures::debitMinusCredit);
    }

    public BigDecimal expenditurePerStudent(int year, String stage) {
        return perStudent(expenditure(year, stage), students(year, stage));
    }

    public BigDecimal publicFundsPerStudent(int year, String stage) {
        return perStudent(publicFunds(year, stage), students(year, stage));
    }

    public FiscalContext fiscalContext(int year) {
        return contexts.get(year);
    }

    /** Education expenditure ÷ general public budget expenditure, percent. */
    public BigDecimal educationShare(int year) {
        return educationExpenditure(year).multiply(BigDecimal.valueOf(100))
                .divide(contexts.get(year).generalPublicBudgetExpenditure(), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal growth(BigDecimal before, BigDecimal now) {
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 2, RoundingMode.HALF_UP);
    }

    /** The stages with students or stage expenditure in {@code year}. */
    public Set<String> fundedStages(int year) {
        Set<String> stages = new TreeSet<>(studentsByStage(year).keySet());
        for (Posting p : postings) {
            if (p.fiscalYear() == year && p.stage() != null) {
                stages.add(p.stage());
            }
        }
        return stages;
    }

    /**
     * The funding rules of fiscal {@code year} against the year before, as the report checks them:
     * key (the metric catalogue's) → holds. A per-stage rule comes with one entry per compared stage
     * ({@code <rule key>.<stage>}, e.g. {@code funding.three_growths.per_student_public_funds.junior});
     * the rule holds only when every compared stage holds.
     */
    public Map<String, Boolean> fundingRules(int year) {
        Map<String, Boolean> rules = new LinkedHashMap<>();
        int before = year - 1;
        rules.put("funding.three_growths.appropriation_vs_revenue",
                growth(appropriation(before), appropriation(year)).compareTo(growth(
                        contexts.get(before).regularFiscalRevenue(), contexts.get(year).regularFiscalRevenue())) > 0);
        perStage(rules, "funding.three_growths.per_student_expenditure", year, this::expenditurePerStudent, false);
        perStage(rules, "funding.three_growths.per_student_public_funds", year, this::publicFundsPerStudent, false);
        rules.put("funding.never_decrease.general_budget_education_expenditure",
                educationExpenditure(year).compareTo(educationExpenditure(before)) >= 0);
        perStage(rules, "funding.never_decrease.per_student_general_budget_expenditure", year,
                this::expenditurePerStudent, true);
        rules.put("funding.education_share.rises", educationShare(year).compareTo(educationShare(before)) > 0);
        rules.put("funding.teacher_pay.not_below_civil_servants",
                contexts.get(year).averageTeacherPay().compareTo(contexts.get(year).averageCivilServantPay()) >= 0);
        return rules;
    }

    /** The rules of {@link #fundingRules} without their per-stage entries. */
    public Map<String, Boolean> overallFundingRules(int year) {
        Map<String, Boolean> rules = new LinkedHashMap<>(fundingRules(year));
        rules.keySet().removeIf(k -> STAGE_KEY.matcher(k).find());
        return rules;
    }

    private static final Pattern STAGE_KEY = Pattern
            .compile("\\.(preschool|primary|junior|senior|vocational|special)$");

    /** The stages whose per-student amount falls (or does not grow, strictly) from the year before. */
    public List<String> stagesNotGrowing(int year, BiFunction<Integer, String, BigDecimal> perStudent) {
        List<String> stages = new ArrayList<>();
        for (String stage : comparedStages(year)) {
            if (perStudent.apply(year, stage).compareTo(perStudent.apply(year - 1, stage)) <= 0) {
                stages.add(stage);
            }
        }
        return stages;
    }

    /** The stages with students in fiscal {@code year} and the year before (school years of the same number). */
    public List<String> comparedStages(int year) {
        Set<String> stages = new TreeSet<>(fundedStages(year));
        stages.addAll(fundedStages(year - 1));
        return STAGES.stream().filter(stages::contains)
                .filter(s -> students(year, s) > 0 && students(year - 1, s) > 0).toList();
    }

    /** The stages in the report's order. */
    public static final List<String> STAGES = List.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "SPECIAL");

    private void perStage(Map<String, Boolean> rules, String key, int year,
            BiFunction<Integer, String, BigDecimal> perStudent, boolean orEqual) {
        Map<String, Boolean> stages = new LinkedHashMap<>();
        for (String stage : comparedStages(year)) {
            int c = perStudent.apply(year, stage).compareTo(perStudent.apply(year - 1, stage));
            stages.put(key + "." + stage.toLowerCase(Locale.ROOT), orEqual ? c >= 0 : c > 0);
        }
        rules.put(key, !stages.isEmpty() && !stages.containsValue(false));
        rules.putAll(stages);
    }

    /** The last booking date of fiscal {@code year}, if anything is booked. */
    public Optional<LocalDate> lastBooking(int year) {
        return postings.stream().filter(p -> p.fiscalYear() == year).map(Posting::bookingDate)
                .max(Comparator.naturalOrder());
    }

    /** A school year as the report names it: 2024—2025学年. */
    public static String schoolYear(int year) {
        return year + "—" + (year + 1) + "学年";
    }

    static BigDecimal perStudent(BigDecimal amount, long students) {
        return students == 0 ? null : amount.divide(BigDecimal.valueOf(students), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /** Yuan as 万元 to at most two decimals, as a narrative states money, e.g. 4377.44 or 57209. */
    public static String wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
