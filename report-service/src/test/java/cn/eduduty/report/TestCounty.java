package cn.eduduty.report;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.formulas.registry.SchoolType;

/**
 * A small county built from owners' events, small enough to compute every figure by hand:
 *
 * <ul>
 * <li>a prefecture and one county (测试市, 测试县) (测试县), townships 001 and 002;</li>
 * <li>2025: primary school P (township 001) with 9 classes of 45 and one of 60 (a large class);
 * public kindergarten K1 with 2 classes of 40; private non-inclusive kindergarten K2 with one of 20;
 * junior school J closed on 2025-07-01 that still reported one class of 30;</li>
 * <li>compulsory classes 11 (10 primary + 1 junior), large 1 → 9.09%; preschool 100 children, 80 in
 * public or inclusive kindergartens → 80.00%;</li>
 * <li>funding, fiscal 2024 against 2023 (the years a 2025 report evaluates): appropriation 100 → 108
 * million (+8.00%) against revenue 500 → 530 million (+6.00%); primary public funds (the only
 * education expense) 6,500,000 over 10,000 pupils in 2023 = 650.00 per pupil, 200,000 over 465
 * pupils in 2024 = 430.11, so the per-student rules (their primary stage), the never-decrease
 * rules and the rising education share (0.65% → 0.02%) fail, teacher pay (98,000 ≥ 97,000) holds;
 * 120,000 booked on 2025-06-15 for fiscal 2025 is quoted as 2025年1—6月;</li>
 * <li>framework: 1 保障条件 / 1.1 办学条件 / 1.1.1 大班额 (bound: large class share ≤ 5, rated FULLY,
 * so the metric contradicts it) and 1.1.2 普惠 (narrative states 普惠性幼儿园覆盖率85.00%, computed
 * 80.00%); 2 经费 / 2.1 / 2.1.1 教师工资 (bound: teacher pay rule = 1, rated NOT, passes) and 2.1.2
 * NOT_APPLICABLE; approved.</li>
 * </ul>
 */
public final class TestCounty {

    public final String prefecture;
    public final String county;
    public final UUID frameworkId = UUID.randomUUID();
    public final UUID selfEvaluationId = UUID.randomUUID();
    /** Primary per-student public funds paid in fiscal 2024, over the 465 primary pupils of school year 2024. */
    public static final String PUBLIC_FUNDS_2024 = "200000.00";

    private final ReadModelEvents events;
    private final Map<String, String> codes = new HashMap<>();

    /** Made by {@link ReadModelEvents#county}. */
    TestCounty(String prefecture, String county, ReadModelEvents events) {
        this.prefecture = prefecture;
        this.county = county;
        this.events = events;
    }

    public void apply(CloudEvent event) {
        events.apply(event);
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    public TestCounty regions() throws Exception {
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(prefecture), "name", q("测试市"), "level", q("PREFECTURE"),
                "parentCode", q(prefecture.substring(0, 2) + "0000")));
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(county), "name", q("测试县"), "level", q("COUNTY"),
                "parentCode", q(prefecture)));
        for (String t : new String[] { "001", "002" }) {
            apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(county + t), "name", q("测试镇" + t),
                    "level", q("TOWNSHIP"), "parentCode", q(county)));
        }
        return this;
    }

    /**
     * A school's identification code as the registry requires it (学校标识码 AABBCCCCCC): the
     * category of its type, then the county's six digits (the province first) and the suffix's last two.
     */
    public static String schoolCode(String county, String type, String suffix) {
        return SchoolType.valueOf(type).category() + county + suffix.substring(suffix.length() - 2);
    }

    /** The code of the school registered under {@code suffix}. */
    public String code(String suffix) {
        String code = codes.get(suffix);
        if (code == null) {
            throw new IllegalStateException("no school registered under " + suffix);
        }
        return code;
    }

    public void school(String suffix, String type, String ownership, boolean inclusive, String closedOn)
            throws Exception {
        codes.put(suffix, schoolCode(county, type, suffix));
        apply(Samples.sample(EventTypes.SCHOOL_REGISTERED, "school", """
                {"code":"%s","name":"测试学校%s","type":"%s","ownership":"%s","inclusive":%s,"townshipCentral":false,
                 "area":"RURAL","townshipCode":"%s001","countyCode":"%s","openedOn":"1990-09-01","closedOn":%s,"version":0}"""
                .formatted(code(suffix), suffix, type, ownership, inclusive, county, county, q(closedOn))));
    }

    public void schoolYear(String suffix, int year, String classesJson) throws Exception {
        apply(Samples.sample(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "schoolCode", q(code(suffix)),
                "countyCode", q(county), "townshipCode", q(county + "001"), "schoolYear", String.valueOf(year),
                "classes", classesJson, "flows", "[]", "disability", "null", "staff", "null", "version", "0"));
    }

    public static String classes(String stage, int count, int students) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < count; i++) {
            json.append(json.length() == 0 ? "" : ",").append("{\"stage\":\"").append(stage)
                    .append("\",\"grade\":").append(stage.equals("JUNIOR") ? 7 : 1).append(",\"students\":")
                    .append(students).append(",\"commonLanguage\":true}");
        }
        return json.toString();
    }

    public TestCounty registry() throws Exception {
        school("0001", "PRIMARY", "PUBLIC", false, null);
        school("0002", "KINDERGARTEN", "PUBLIC", false, null);
        school("0003", "KINDERGARTEN", "PRIVATE", false, null);
        school("0004", "JUNIOR_MIDDLE", "PUBLIC", false, "2025-07-01");
        schoolYear("0001", 2025, "[" + classes("PRIMARY", 9, 45) + "," + classes("PRIMARY", 1, 60) + "]");
        schoolYear("0002", 2025, "[" + classes("PRESCHOOL", 2, 40) + "]");
        schoolYear("0003", 2025, "[" + classes("PRESCHOOL", 1, 20) + "]");
        schoolYear("0004", 2025, "[" + classes("JUNIOR", 1, 30) + "]");
        // the per-student figures of fiscal 2024 (the year a 2025 report evaluates) use school year 2024's
        // pupils, those of 2023 school year 2023's: 465, and 10,000
        schoolYear("0001", 2024, "[" + classes("PRIMARY", 9, 45) + "," + classes("PRIMARY", 1, 60) + "]");
        schoolYear("0001", 2023, "[" + classes("PRIMARY", 200, 50) + "]");
        return this;
    }

    /** A posting's two lines: debit one account, credit another, each in its category (or none). */
    public static String lines(String debitAccount, String debitType, String debitCategory, String creditAccount,
            String creditType, String creditCategory, String amount) {
        return """
                [{"accountCode":"%s","accountName":"a","accountType":"%s","category":%s,"debit":"%s","credit":"0.00"},
                 {"accountCode":"%s","accountName":"b","accountType":"%s","category":%s,"debit":"0.00","credit":"%s"}]"""
                .formatted(debitAccount, debitType, q(debitCategory), amount, creditAccount, creditType,
                        q(creditCategory), amount);
    }

    void posting(int year, String stage, String lines) throws Exception {
        posting(year, year + "-04-01", stage, lines);
    }

    void posting(int year, String bookingDate, String stage, String lines) throws Exception {
        apply(Samples.sample(EventTypes.POSTING_BOOKED, "postingId", q(UUID.randomUUID().toString()),
                "regionCode", q(county), "fiscalYear", String.valueOf(year), "bookingDate", q(bookingDate),
                "stage", q(stage), "schoolCode", "null", "lines", lines));
    }

    public TestCounty funding() throws Exception {
        for (int year : new int[] { 2023, 2024 }) {
            apply(Samples.sample(EventTypes.FISCAL_CONTEXT_RECORDED, "regionCode", q(county), "fiscalYear",
                    String.valueOf(year), "regularFiscalRevenue", q(year == 2023 ? "500000000.00" : "530000000.00"),
                    "generalPublicBudgetExpenditure", q(year == 2023 ? "1000000000.00" : "1100000000.00"),
                    "averageTeacherPay", q("98000.00"), "averageCivilServantPay", q("97000.00")));
            posting(year, null, lines("1002", "ASSET", null, "4001", "REVENUE", "APPROPRIATION",
                    year == 2023 ? "100000000.00" : "108000000.00"));
            posting(year, "PRIMARY", lines("5002", "EXPENSE", "PER_STUDENT_PUBLIC_FUNDS", "1002", "ASSET", null,
                    year == 2023 ? "6500000.00" : PUBLIC_FUNDS_2024));
        }
        // fiscal 2025 is not closed when its report is written: money booked so far is quoted as a part year
        posting(2025, "2025-06-15", "PRIMARY", lines("5002", "EXPENSE", "PER_STUDENT_PUBLIC_FUNDS", "1002", "ASSET",
                null, "120000.00"));
        return this;
    }

    private static String indicator(String code, int level, String title, String metric) {
        return "{\"code\":\"%s\",\"level\":%d,\"title\":\"%s\",\"criteria\":\"%s。\",\"displayOrder\":1,\"metric\":%s}"
                .formatted(code, level, title, title, metric == null ? "null" : metric);
    }

    private void rating(String code, String rating, String narrative, String problem) throws Exception {
        apply(Samples.sample(EventTypes.RATING_RECORDED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(county), "year", "2025",
                "indicatorCode", q(code), "rating", q(rating), "narrative", q(narrative), "evidence", "[]",
                "problem", q(problem), "improvement", q(problem == null ? null : "制定整改方案，限期完成。"),
                "version", "1"));
    }

    public TestCounty evaluation() throws Exception {
        String tree = "[" + String.join(",",
                indicator("1", 1, "保障条件", null), indicator("1.1", 2, "办学条件", null),
                indicator("1.1.1", 3, "消除大班额",
                        "{\"key\":\"registry.compulsory.large_class_share\",\"comparator\":\"LE\",\"threshold\":\"5\",\"unit\":\"PERCENT\"}"),
                indicator("1.1.2", 3, "学前普惠", null),
                indicator("2", 1, "经费投入", null), indicator("2.1", 2, "经费保障", null),
                indicator("2.1.1", 3, "教师工资",
                        "{\"key\":\"funding.teacher_pay.not_below_civil_servants\",\"comparator\":\"EQ\",\"threshold\":\"1\",\"unit\":\"BOOLEAN\"}"),
                indicator("2.1.2", 3, "民族地区专项", null)) + "]";
        apply(Samples.sample(EventTypes.FRAMEWORK_PUBLISHED, "frameworkId", q(frameworkId.toString()),
                "regionCode", q(prefecture), "code", q("TEST-2025"), "name", q("测试评价指标体系"), "indicators", tree));
        apply(Samples.sample(EventTypes.SELF_EVALUATION_CREATED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(county), "year", "2025"));
        rating("1.1.1", "FULLY", "全面消除大班额，办学条件明显改善。", null);
        rating("1.1.2", "FULLY", "大力发展普惠性学前教育，普惠性幼儿园覆盖率85.00%。", null);
        rating("2.1.1", "NOT", "教师工资保障机制有待完善。", "部分乡村教师绩效工资发放滞后。");
        rating("2.1.2", "NOT_APPLICABLE", "本县不属于民族地区。", null);
        apply(Samples.sample(EventTypes.SELF_EVALUATION_APPROVED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(county), "year", "2025", "version", "50"));
        return this;
    }

    /** A second county, 测试二县, under the same prefecture, with nothing in it. */
    public TestCounty neighbour(String code) throws Exception {
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(code), "name", q("测试二县"), "level", q("COUNTY"),
                "parentCode", q(prefecture)));
        return this;
    }

    /** Everything above. */
    public TestCounty load() throws Exception {
        return regions().registry().funding().evaluation();
    }
}
