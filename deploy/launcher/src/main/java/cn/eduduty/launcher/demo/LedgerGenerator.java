package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.FiscalContext;
import cn.eduduty.launcher.demo.CountyData.Line;
import cn.eduduty.launcher.demo.CountyData.Posting;
import cn.eduduty.launcher.demo.CountyData.Reversal;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;

/**
 * The funding side of the demo county: the fiscal context and the ledger on the chart every county
 * starts with (1002 教育局经费 is the bureau's money; 4001 appropriations and 4002 the surcharge
 * credit revenue; 5001–5009 the expense categories), as it stands in October 2025: fiscal 2022,
 * 2023 and 2024 are full years (the loader closes them), 2025 is booked through 30 September (a
 * part year, open, without a fiscal context yet: revenue and budget outturns come at year end).
 *
 * <p>Each year: quarterly appropriations and half-yearly surcharge into the bureau; teacher pay
 * per stage each quarter (average pay ÷ pupils per teacher × students); per-student public funds
 * per school and stage each semester (a rate per stage × the school's students; public schools
 * and inclusive private kindergartens); the special education subsidy; student aid; a dormitory
 * project of the first senior high school over 2022–2024 and from 2024 an extension of the third
 * primary school; and the rest of the year's education budget (5001) so that total education
 * expenditure grows 5.8% in 2023 and 4.9% in 2024, faster than regular fiscal revenue (3.8%,
 * 3.1%) and total general public budget expenditure (2.6%, 2.1%). The whole of 2025 is generated
 * the same way and cut at {@link DemoCounty#BOOKED_THROUGH}.
 *
 * <p>By design one stage of one rule fails in fiscal 2024, the year the 2025 report evaluates, and
 * only that: the junior rate of per-student public funds falls from 980 to 955 yuan, so 三个增长 (3)
 * per-student public funds does not hold for 初中, while every other stage's rate rises. Per-student
 * expenditure of the junior stage still grows, as teacher pay rises more. Fiscal 2023 against 2022
 * (the report's comparison) holds throughout; in 2025 the junior rate is raised to 1000 yuan.
 *
 * <p>Exactly one reversal: in March 2025 the spring public funds of 示例县第一小学 were first
 * booked to the code of 示例县第二小学, reversed two days later and booked again correctly.
 */
final class LedgerGenerator {

    record Ledger(List<FiscalContext> fiscalContexts, List<Posting> postings, Reversal reversal) {
    }

    /** Per-student public funds rates (yuan a student a year) for 2022, 2023, 2024, 2025. */
    static final Map<String, int[]> PUBLIC_FUNDS_RATES = Map.of(
            "PRESCHOOL", new int[] { 560, 600, 640, 680 },
            "PRIMARY", new int[] { 720, 750, 790, 820 },
            "JUNIOR", new int[] { 940, 980, 955, 1000 },
            "SENIOR", new int[] { 1100, 1150, 1200, 1250 },
            "VOCATIONAL", new int[] { 1500, 1580, 1650, 1720 },
            "SPECIAL", new int[] { 6000, 6300, 6600, 6900 });

    /** Special education subsidy per special-stage student, 2022–2025. */
    static final int[] SPECIAL_SUBSIDY = { 14000, 14800, 15600, 16400 };
    /** The fiscal context of the closed years 2022–2024 (2025's outturns are not known yet). */
    static final String[] REGULAR_REVENUE = { "786500000.00", "816387000.00", "841695000.00" };
    static final String[] BUDGET_EXPENDITURE = { "2380000000.00", "2441880000.00", "2493159480.00" };
    static final String[] CIVIL_SERVANT_PAY = { "97920.00", "101580.00", "104760.00" };
    /** Average teacher pay, 2022–2025 (2025: the rate paid so far). */
    static final String[] TEACHER_PAY = { "98640.00", "102360.00", "106080.00", "109260.00" };
    static final String[] SURCHARGE = { "21600000.00", "22400000.00", "23300000.00", "24100000.00" };
    static final String[] STUDENT_AID = { "8600000.00", "9100000.00", "9500000.00", "9900000.00" };
    /** The other education expenditure of 2022; later years fill up to the target growth. */
    static final BigDecimal GENERAL_FIRST_YEAR = new BigDecimal("96400000.00");
    static final double[] EXPENDITURE_GROWTH = { 0, 0.058, 0.049, 0.045 };

    static final String BUREAU = "1002";
    static final String APPROPRIATION = "4001";
    static final String SURCHARGE_REVENUE = "4002";
    static final String GENERAL = "5001";
    static final String PUBLIC_FUNDS = "5002";
    static final String SPECIAL_EDUCATION = "5003";
    static final String CAPITAL = "5004";
    static final String TEACHERS = "5005";
    static final String OTHER = "5009";

    static final String FIRST_PRIMARY = RegistryGenerator.codeOf("示例县第一小学");
    static final String SECOND_PRIMARY = RegistryGenerator.codeOf("示例县第二小学");
    static final String THIRD_PRIMARY = RegistryGenerator.codeOf("示例县第三小学");
    static final String FIRST_SENIOR = RegistryGenerator.codeOf("示例县第一高级中学");
    static final String SPECIAL_SCHOOL = RegistryGenerator.codeOf("示例县特殊教育学校");

    private LedgerGenerator() {
    }

    /** A posting before its voucher number is known; a reversal when {@code reverses} is set. */
    private record Draft(LocalDate date, int order, String memo, String school, String stage, List<Line> lines,
            Draft reverses, String reason) {
    }

    static Ledger generate(RegistryGenerator.Registry registry, SplittableRandom random) {
        List<FiscalContext> contexts = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        BigDecimal previousTotal = null;
        for (int i = 0; i < DemoCounty.FISCAL_YEARS.size(); i++) {
            int year = DemoCounty.FISCAL_YEARS.get(i);
            if (DemoCounty.CLOSED_FISCAL_YEARS.contains(year)) {
                contexts.add(new FiscalContext(year, money(REGULAR_REVENUE[i]), money(BUDGET_EXPENDITURE[i]),
                        money(TEACHER_PAY[i]), money(CIVIL_SERVANT_PAY[i])));
            }
            previousTotal = year(registry, i, year, previousTotal, drafts, random);
        }
        // the open year is booked only so far
        drafts.removeIf(d -> d.date().isAfter(DemoCounty.BOOKED_THROUGH));
        return number(contexts, drafts);
    }

    /** One fiscal year's drafts; answers the year's total education expenditure. */
    private static BigDecimal year(RegistryGenerator.Registry registry, int index, int year, BigDecimal previousTotal,
            List<Draft> drafts, SplittableRandom random) {
        List<Draft> spending = new ArrayList<>();
        Map<String, Integer> students = new TreeMap<>();
        registry.schoolYears().stream().filter(y -> y.year() == year).flatMap(y -> y.classes().stream())
                .forEach(c -> students.merge(c.stage(), c.students(), Integer::sum));

        // teacher pay per stage, quarterly
        BigDecimal pay = money(TEACHER_PAY[index]);
        for (Map.Entry<String, Integer> stage : students.entrySet()) {
            BigDecimal annual = pay.multiply(BigDecimal.valueOf(stage.getValue()))
                    .divide(BigDecimal.valueOf(RegistryGenerator.pupilsPerTeacher(stage.getKey())), 2, RoundingMode.HALF_UP);
            List<BigDecimal> quarters = split(annual, 4);
            for (int q = 0; q < 4; q++) {
                spending.add(expense(LocalDate.of(year, 3 * q + 3, 25), 1, "发放" + (q + 1) + "季度教师工资（"
                        + stageLabel(stage.getKey()) + "）", null, stage.getKey(), TEACHERS, quarters.get(q)));
            }
        }

        // per-student public funds per school and stage, each semester
        Map<String, School> schools = new TreeMap<>();
        registry.schools().forEach(s -> schools.put(s.code(), s));
        int n = 0;
        for (SchoolYear schoolYear : registry.schoolYears()) {
            School school = schools.get(schoolYear.schoolCode());
            if (schoolYear.year() != year || !funded(school)) {
                continue;
            }
            Map<String, Integer> byStage = RegistryGenerator.studentsByStage(schoolYear.classes());
            for (Map.Entry<String, Integer> stage : byStage.entrySet()) {
                BigDecimal annual = BigDecimal.valueOf((long) stage.getValue() * PUBLIC_FUNDS_RATES.get(stage.getKey())[index]);
                List<BigDecimal> halves = split(annual, 2);
                LocalDate spring = LocalDate.of(year, 3, 10 + n % 10);
                LocalDate autumn = LocalDate.of(year, 9, 15 + n % 10);
                n++;
                String what = "生均公用经费（" + stageLabel(stage.getKey()) + "，" + school.name() + "）";
                if (year == 2025 && school.code().equals(FIRST_PRIMARY) && stage.getKey().equals("PRIMARY")) {
                    // booked to the wrong school first, reversed, booked again
                    Draft wrong = expense(LocalDate.of(year, 3, 10), 2, "拨付春季学期" + what, SECOND_PRIMARY,
                            stage.getKey(), PUBLIC_FUNDS, halves.get(0));
                    spending.add(wrong);
                    spending.add(new Draft(LocalDate.of(year, 3, 12), 3, null, null, null, List.of(), wrong,
                            "学校代码录入错误：应为示例县第一小学（" + FIRST_PRIMARY + "），误录为示例县第二小学（"
                                    + SECOND_PRIMARY + "）"));
                    spring = LocalDate.of(year, 3, 12);
                }
                spending.add(expense(spring, 4, "拨付春季学期" + what, school.code(), stage.getKey(), PUBLIC_FUNDS,
                        halves.get(0)));
                spending.add(expense(autumn, 4, "拨付秋季学期" + what, school.code(), stage.getKey(), PUBLIC_FUNDS,
                        halves.get(1)));
            }
        }

        // special education subsidy per special-stage student, twice a year
        BigDecimal subsidy = BigDecimal.valueOf((long) students.getOrDefault("SPECIAL", 0) * SPECIAL_SUBSIDY[index]);
        List<BigDecimal> subsidyHalves = split(subsidy, 2);
        spending.add(expense(LocalDate.of(year, 4, 12), 1, "拨付特殊教育补助经费（上半年）", SPECIAL_SCHOOL, "SPECIAL",
                SPECIAL_EDUCATION, subsidyHalves.get(0)));
        spending.add(expense(LocalDate.of(year, 10, 12), 1, "拨付特殊教育补助经费（下半年）", SPECIAL_SCHOOL, "SPECIAL",
                SPECIAL_EDUCATION, subsidyHalves.get(1)));

        // student aid, twice a year
        List<BigDecimal> aid = split(money(STUDENT_AID[index]), 2);
        spending.add(expense(LocalDate.of(year, 5, 20), 1, "发放春季学期家庭经济困难学生资助", null, null, OTHER, aid.get(0)));
        spending.add(expense(LocalDate.of(year, 11, 18), 1, "发放秋季学期家庭经济困难学生资助", null, null, OTHER, aid.get(1)));

        // capital projects: school of the project, no stage
        String dormitory = "示例县第一高级中学学生宿舍楼建设项目";
        String extension = "示例县第三小学教学综合楼扩建工程（化解城区大班额）";
        switch (year) {
            case 2022 -> {
                spending.add(expense(LocalDate.of(year, 4, 18), 1, dormitory + "（一期工程进度款）", FIRST_SENIOR, null,
                        CAPITAL, money("5200000.00")));
                spending.add(expense(LocalDate.of(year, 10, 20), 1, dormitory + "（一期工程进度款）", FIRST_SENIOR, null,
                        CAPITAL, money("6800000.00")));
            }
            case 2023 -> {
                spending.add(expense(LocalDate.of(year, 3, 22), 1, dormitory + "（二期工程进度款）", FIRST_SENIOR, null,
                        CAPITAL, money("8300000.00")));
                spending.add(expense(LocalDate.of(year, 8, 16), 1, dormitory + "（二期工程进度款）", FIRST_SENIOR, null,
                        CAPITAL, money("10200000.00")));
            }
            case 2024 -> {
                spending.add(expense(LocalDate.of(year, 5, 14), 1, dormitory + "（竣工结算款）", FIRST_SENIOR, null,
                        CAPITAL, money("9800000.00")));
                spending.add(expense(LocalDate.of(year, 4, 8), 1, extension + "（工程进度款）", THIRD_PRIMARY, null,
                        CAPITAL, money("6400000.00")));
                spending.add(expense(LocalDate.of(year, 10, 17), 1, extension + "（工程进度款）", THIRD_PRIMARY, null,
                        CAPITAL, money("8200000.00")));
            }
            default -> {
                spending.add(expense(LocalDate.of(year, 3, 26), 1, extension + "（工程进度款）", THIRD_PRIMARY, null,
                        CAPITAL, money("7600000.00")));
                spending.add(expense(LocalDate.of(year, 11, 20), 1, extension + "（竣工结算款）", THIRD_PRIMARY, null,
                        CAPITAL, money("5300000.00")));
            }
        }

        // the rest of the education budget, quarterly, so the total grows as planned
        // a reversed posting and its reversal cancel out: neither counts
        Set<Draft> reversed = Collections.newSetFromMap(new IdentityHashMap<>());
        spending.stream().filter(d -> d.reverses() != null).forEach(d -> reversed.add(d.reverses()));
        BigDecimal others = spending.stream().filter(d -> d.reverses() == null && !reversed.contains(d))
                .map(d -> d.lines().get(0).debit()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal general = previousTotal == null ? GENERAL_FIRST_YEAR
                : previousTotal.multiply(BigDecimal.valueOf(1 + EXPENDITURE_GROWTH[index])).setScale(-4, RoundingMode.HALF_UP)
                        .setScale(2).subtract(others);
        if (general.signum() <= 0) {
            throw new IllegalStateException("the demo's general education budget of " + year + " would be " + general);
        }
        List<BigDecimal> generalQuarters = split(general, 4);
        for (int q = 0; q < 4; q++) {
            spending.add(expense(LocalDate.of(year, 3 * q + 3, 28), 1, "教育局机关运转、教研培训及其他一般公共预算教育支出（"
                    + (q + 1) + "季度）", null, null, GENERAL, generalQuarters.get(q)));
        }
        BigDecimal total = others.add(general);

        // money in: surcharge half-yearly, appropriations quarterly, covering the spending with a
        // small carry-over
        BigDecimal surcharge = money(SURCHARGE[index]);
        List<BigDecimal> surchargeHalves = split(surcharge, 2);
        drafts.add(income(LocalDate.of(year, 6, 30), "地方教育附加收入（上半年）", SURCHARGE_REVENUE, surchargeHalves.get(0)));
        drafts.add(income(LocalDate.of(year, 12, 15), "地方教育附加收入（下半年）", SURCHARGE_REVENUE, surchargeHalves.get(1)));
        BigDecimal appropriation = total.subtract(surcharge).multiply(new BigDecimal("1.004"))
                .add(BigDecimal.valueOf(random.nextInt(50_000))).setScale(-2, RoundingMode.HALF_UP).setScale(2);
        List<BigDecimal> appropriationQuarters = split(appropriation, 4);
        for (int q = 0; q < 4; q++) {
            drafts.add(income(LocalDate.of(year, 3 * q + 1, 15), "县财政拨付" + (q + 1) + "季度教育经费", APPROPRIATION,
                    appropriationQuarters.get(q)));
        }
        drafts.addAll(spending);
        return total;
    }

    /** Public schools and inclusive private kindergartens get per-student public funds. */
    private static boolean funded(School school) {
        return school.ownership().equals("PUBLIC") || school.inclusive();
    }

    private static Draft expense(LocalDate date, int order, String memo, String school, String stage, String account,
            BigDecimal amount) {
        return new Draft(date, order, memo, school, stage,
                List.of(new Line(account, amount, null), new Line(BUREAU, null, amount)), null, null);
    }

    private static Draft income(LocalDate date, String memo, String account, BigDecimal amount) {
        return new Draft(date, 0, memo, null, null, List.of(new Line(BUREAU, amount, null), new Line(account, null, amount)),
                null, null);
    }

    /** Numbers each year's vouchers in booking order (记-2025-0001, …); the key is demo-990101-2025-0001. */
    private static Ledger number(List<FiscalContext> contexts, List<Draft> drafts) {
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparing(Draft::date).thenComparingInt(Draft::order));
        List<Posting> postings = new ArrayList<>();
        Map<Draft, Posting> booked = new IdentityHashMap<>();
        Reversal reversal = null;
        Map<Integer, Integer> next = new TreeMap<>();
        for (Draft d : sorted) {
            int year = d.date().getYear();
            int number = next.merge(year, 1, Integer::sum);
            String voucher = "记-" + year + "-" + String.format("%04d", number);
            // header values stay ASCII: the key names the year and number, not the voucher's 记
            String key = "demo-" + DemoCounty.COUNTY + "-" + year + "-" + String.format("%04d", number);
            if (d.reverses() != null) {
                reversal = new Reversal(key, booked.get(d.reverses()).key(), d.reason(), voucher, d.date());
                continue;
            }
            Posting posting = new Posting(key, year, d.date(), voucher, d.memo(), d.school(), d.stage(), d.lines());
            booked.put(d, posting);
            postings.add(posting);
        }
        return new Ledger(contexts, postings, reversal);
    }

    /** {@code amount} in {@code parts} parts of whole fen; the last takes the remainder. */
    static List<BigDecimal> split(BigDecimal amount, int parts) {
        List<BigDecimal> result = new ArrayList<>();
        BigDecimal part = amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        BigDecimal left = amount;
        for (int i = 0; i < parts - 1; i++) {
            result.add(part);
            left = left.subtract(part);
        }
        result.add(left.setScale(2));
        return result;
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    static String stageLabel(String stage) {
        return switch (stage) {
            case "PRESCHOOL" -> "学前教育";
            case "PRIMARY" -> "小学";
            case "JUNIOR" -> "初中";
            case "SENIOR" -> "普通高中";
            case "VOCATIONAL" -> "中等职业教育";
            default -> "特殊教育";
        };
    }

    /** Students of {@code stage} in the school year {@code year}, all schools. */
    static int students(List<SchoolYear> years, int year, String stage) {
        return years.stream().filter(y -> y.year() == year).flatMap(y -> y.classes().stream())
                .filter(c -> c.stage().equals(stage)).mapToInt(ClassRoom::students).sum();
    }
}
