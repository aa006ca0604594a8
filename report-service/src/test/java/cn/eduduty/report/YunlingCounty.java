package cn.eduduty.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventTypes;

/**
 * A county written the way real counties write their year, for the 2019 report it signs in October
 * 2019 (the second test county; {@link TestCounty} is the small hand-made one). Every figure below
 * is worked out by hand; the narratives use everyday wording, and two of their numbers are wrong.
 *
 * <ul>
 * <li>云岭县 991001 under 云岭州 991000; townships 城关镇 001 and 坝子乡 002.</li>
 * <li>Schools: 第一小学 0001 and 第二小学 0002 (primary, two classes of 45 a grade: 540 pupils each),
 * 第一中学 0003 (junior, four classes of 50 a grade: 600 pupils), 县幼儿园 0004 (public township central
 * kindergarten, eight classes of 30: 240 children), 民族中学 0005 (senior high), 职业高级中学 0006
 * (vocational). Every school year 2013—2019 is recorded.</li>
 * <li>School year 2019 (the stock year): 第一小学 has three classes of 58 and one of 67 in place of four
 * of 45, 第一中学 two of 57 in place of two of 50: 36 compulsory classes, 5 large (56—65) = 13.89%,
 * 1 super-large (66+) = 2.78%. Population of 2019: 100 residents of each age 3—5, so the preschool
 * gross enrolment rate is 240 ÷ 300 = 80.00%.</li>
 * <li>School year 2018 (completed in the summer of 2019): primary graduates 89 + 88 = 177 of the 2013
 * cohort of 180 entrants, adjusted by 1 transfer in and 3 out in grade 3 (2015): 177 ÷ 178 = 99.44%;
 * junior graduates 190 of the 2016 cohort of 200 with 4 transfers out in grade 8 (2017): 190 ÷ 196 =
 * 96.94%.</li>
 * <li>Autumn 2019 intake: 180 grade-10 entrants at 民族中学, 60 at 职业高级中学 (240 in county schools); the
 * county's record of its junior graduates' entrance adds 50 entrants to vocational schools outside the
 * county, so 普职比 = 180 : 110 = 1.64 : 1 and the vocational share 110 ÷ 290 = 37.93%. Teachers
 * recruited: 20, 25, 30 in 2017—2019 (75 together); training institutions at the end of 2019: 4 subject, 9 arts.</li>
 * <li>Fiscal 2018 against 2017 (the years a 2019 report evaluates): appropriation 100 → 110 million
 * (+10.00%) against revenue 800 → 840 million (+5.00%); education expenditure 1935 → 1958.4 万元
 * (+1.21%); education share 9.68% → 9.74%; per pupil (school years 2017 and 2018, 1,080 primary and
 * 600 junior each): primary 10694.44 → 10550.00 (−1.35%, fails), junior 13000.00 → 13650.00 (+5.00%);
 * public funds primary 694.44 → 750.00, junior 1000.00 → 1050.00; teacher pay 90,000 ≥ 88,000.
 * Fiscal 2019 so far: 540 万元 for primary booked on 20 June (2019年1—6月).</li>
 * <li>The self-evaluation (approved) and what the county signs: 云岭县人民政府, 2019-10-18, two 经典做法
 * (one from indicator 4.2.1's narrative, one of its own words) and three 改进措施.</li>
 * <li>The narrative of 4.2.2 says "大班额5个，占比12.5%，超大班额2个": the share (13.89%) and the count of
 * super-large classes (1) are wrong; every other stated number is right.</li>
 * </ul>
 */
public final class YunlingCounty {

    public static final String PREFECTURE = "991000";
    public static final String COUNTY = "991001";
    public static final String MISSTATED = "加快推进城区学校扩容，全县义务教育学校现有大班额5个，占比12.5%，超大班额2个，计划于2020年底前全部消除。";

    public final UUID frameworkId = UUID.randomUUID();
    public final UUID selfEvaluationId = UUID.randomUUID();

    private final ReadModelEvents events;

    public YunlingCounty(ReadModelEvents events) {
        this.events = events;
    }

    public void apply(CloudEvent event) {
        events.apply(event);
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    public YunlingCounty load() throws Exception {
        regions();
        schools();
        for (int year = 2013; year <= 2019; year++) {
            schoolYears(year);
        }
        population();
        countyFacts();
        funding();
        evaluation();
        return this;
    }

    private void regions() throws Exception {
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(PREFECTURE), "name", q("云岭州"), "level", q("PREFECTURE"),
                "parentCode", q("990000")));
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(COUNTY), "name", q("云岭县"), "level", q("COUNTY"),
                "parentCode", q(PREFECTURE)));
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(COUNTY + "001"), "name", q("城关镇"),
                "level", q("TOWNSHIP"), "parentCode", q(COUNTY)));
        apply(Samples.sample(EventTypes.REGION_CHANGED, "code", q(COUNTY + "002"), "name", q("坝子乡"),
                "level", q("TOWNSHIP"), "parentCode", q(COUNTY)));
    }

    private static final Map<String, String> TYPES = Map.of("0001", "PRIMARY", "0002", "PRIMARY",
            "0003", "JUNIOR_MIDDLE", "0004", "KINDERGARTEN", "0005", "SENIOR_HIGH", "0006", "VOCATIONAL");

    /** The identification code of the school of {@code suffix}, structured as the registry requires. */
    static String code(String suffix) {
        return TestCounty.schoolCode(COUNTY, TYPES.get(suffix), suffix);
    }

    private void school(String suffix, String name, String type, String township, boolean central) throws Exception {
        if (!type.equals(TYPES.get(suffix))) {
            throw new IllegalArgumentException(suffix + " is a " + TYPES.get(suffix));
        }
        apply(Samples.sample(EventTypes.SCHOOL_REGISTERED, "school", """
                {"code":"%s","name":"%s","type":"%s","ownership":"PUBLIC","inclusive":false,"townshipCentral":%s,
                 "area":"RURAL","townshipCode":"%s","countyCode":"%s","openedOn":"1990-09-01","closedOn":null,"version":0}"""
                .formatted(code(suffix), name, type, central, COUNTY + township, COUNTY)));
    }

    private void schools() throws Exception {
        school("0001", "云岭县第一小学", "PRIMARY", "001", false);
        school("0002", "云岭县第二小学", "PRIMARY", "002", false);
        school("0003", "云岭县第一中学", "JUNIOR_MIDDLE", "001", false);
        school("0004", "云岭县幼儿园", "KINDERGARTEN", "001", true);
        school("0005", "云岭县民族中学", "SENIOR_HIGH", "001", false);
        school("0006", "云岭县职业高级中学", "VOCATIONAL", "001", false);
    }

    private static String klass(String stage, int grade, int students) {
        return "{\"stage\":\"%s\",\"grade\":%d,\"students\":%d,\"commonLanguage\":true}".formatted(stage, grade, students);
    }

    private static String flow(String stage, int grade, int entrants, int graduates, int in, int out) {
        return "{\"stage\":\"%s\",\"grade\":%d,\"entrants\":%d,\"graduates\":%d,\"transfersIn\":%d,\"transfersOut\":%d,\"dropouts\":0}"
                .formatted(stage, grade, entrants, graduates, in, out);
    }

    private void schoolYear(String suffix, int year, List<String> classes, List<String> flows) throws Exception {
        apply(Samples.sample(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "schoolCode", q(code(suffix)),
                "countyCode", q(COUNTY), "townshipCode", q(COUNTY + (suffix.equals("0002") ? "002" : "001")),
                "schoolYear", String.valueOf(year), "classes", "[" + String.join(",", classes) + "]",
                "flows", "[" + String.join(",", flows) + "]", "disability", "null", "staff", "null", "version", "0"));
    }

    private void schoolYears(int year) throws Exception {
        for (String primary : List.of("0001", "0002")) {
            List<String> classes = new ArrayList<>();
            for (int grade = 1; grade <= 6; grade++) {
                for (int c = 0; c < 2; c++) {
                    classes.add(klass("PRIMARY", grade, 45));
                }
            }
            if (year == 2019 && primary.equals("0001")) {
                // three large classes and one super-large one in place of four of 45
                classes.set(0, klass("PRIMARY", 1, 58));
                classes.set(1, klass("PRIMARY", 1, 58));
                classes.set(2, klass("PRIMARY", 2, 58));
                classes.set(3, klass("PRIMARY", 2, 67));
            }
            List<String> flows = new ArrayList<>();
            flows.add(flow("PRIMARY", 1, 90, 0, 0, 0));
            int graduates = year == 2018 ? (primary.equals("0001") ? 89 : 88) : 90;
            flows.add(flow("PRIMARY", 6, 0, graduates, 0, 0));
            if (year == 2015 && primary.equals("0001")) {
                flows.add(flow("PRIMARY", 3, 0, 0, 1, 3));
            }
            schoolYear(primary, year, classes, flows);
        }
        List<String> junior = new ArrayList<>();
        for (int grade = 7; grade <= 9; grade++) {
            for (int c = 0; c < 4; c++) {
                junior.add(klass("JUNIOR", grade, year == 2019 && grade == 7 && c < 2 ? 57 : 50));
            }
        }
        List<String> juniorFlows = new ArrayList<>(List.of(flow("JUNIOR", 7, 200, 0, 0, 0),
                flow("JUNIOR", 9, 0, year == 2018 ? 190 : 200, 0, 0)));
        if (year == 2017) {
            juniorFlows.add(flow("JUNIOR", 8, 0, 0, 0, 4));
        }
        schoolYear("0003", year, junior, juniorFlows);
        List<String> kindergarten = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            kindergarten.add(klass("PRESCHOOL", 1 + c % 3, 30));
        }
        schoolYear("0004", year, kindergarten, List.of());
        List<String> senior = new ArrayList<>();
        for (int grade = 10; grade <= 12; grade++) {
            for (int c = 0; c < 4; c++) {
                senior.add(klass("SENIOR", grade, 45));
            }
        }
        schoolYear("0005", year, senior, List.of(flow("SENIOR", 10, 180, 0, 0, 0)));
        List<String> vocational = new ArrayList<>();
        for (int grade = 10; grade <= 12; grade++) {
            for (int c = 0; c < 2; c++) {
                vocational.add(klass("VOCATIONAL", grade, 30));
            }
        }
        schoolYear("0006", year, vocational, List.of(flow("VOCATIONAL", 10, 60, 0, 0, 0)));
    }

    private void population() throws Exception {
        apply(Samples.sample(EventTypes.POPULATION_RECORDED, "regionCode", q(COUNTY), "year", "2019",
                "residentsByAge", "{\"3\":100,\"4\":100,\"5\":100,\"15\":400,\"16\":400,\"17\":400}",
                "identifiedDisabledChildren", "null"));
    }

    private void countyFacts() throws Exception {
        // autumn 2019: 180 to general high school, 60 to the county's vocational school and 50 to vocational
        // schools outside the county: 普职比 180 : 110 = 1.64 : 1
        apply(Samples.sample(EventTypes.SENIOR_ENTRANCE_RECORDED, "regionCode", q(COUNTY), "year", "2019",
                "juniorGraduates", "190", "examTakers", "188", "generalEntrants", "180",
                "vocationalEntrantsInCounty", "60", "vocationalEntrantsOutOfCounty", "50", "generalEnrolmentPlan", "185"));
        int[][] recruitment = { { 2017, 20, 12 }, { 2018, 25, 15 }, { 2019, 30, 18 } };
        for (int[] r : recruitment) {
            apply(Samples.sample(EventTypes.TEACHER_RECRUITMENT_RECORDED, "regionCode", q(COUNTY), "year",
                    String.valueOf(r[0]), "recruited", String.valueOf(r[1]), "ruralRecruited", String.valueOf(r[2])));
        }
        apply(Samples.sample(EventTypes.TRAINING_INSTITUTIONS_RECORDED, "regionCode", q(COUNTY), "year", "2019",
                "kinds", """
                        [{"kind":"SUBJECT","atStart":10,"atEnd":4,"approved":0,"rectified":3,"closed":6},
                         {"kind":"ARTS","atStart":8,"atEnd":9,"approved":1,"rectified":1,"closed":0}]""",
                "inspections", "12", "complaintsHandled", "5"));
    }

    private void posting(int year, String date, String stage, String category, String amount) throws Exception {
        String lines = category.equals("APPROPRIATION")
                ? TestCounty.lines("1002", "ASSET", null, "4001", "REVENUE", "APPROPRIATION", amount)
                : TestCounty.lines(category.equals("PER_STUDENT_PUBLIC_FUNDS") ? "5002" : "5001", "EXPENSE", category,
                        "1002", "ASSET", null, amount);
        apply(Samples.sample(EventTypes.POSTING_BOOKED, "postingId", q(UUID.randomUUID().toString()),
                "regionCode", q(COUNTY), "fiscalYear", String.valueOf(year), "bookingDate", q(date),
                "stage", q(stage), "schoolCode", "null", "lines", lines));
    }

    private void funding() throws Exception {
        String[][] years = {
                // year, revenue, budget expenditure, appropriation, primary, primary public funds, junior, junior public funds
                { "2017", "800000000.00", "200000000.00", "100000000.00", "10800000.00", "750000.00", "7200000.00", "600000.00" },
                { "2018", "840000000.00", "201000000.00", "110000000.00", "10584000.00", "810000.00", "7560000.00", "630000.00" } };
        for (String[] y : years) {
            int year = Integer.parseInt(y[0]);
            apply(Samples.sample(EventTypes.FISCAL_CONTEXT_RECORDED, "regionCode", q(COUNTY), "fiscalYear", y[0],
                    "regularFiscalRevenue", q(y[1]), "generalPublicBudgetExpenditure", q(y[2]),
                    "averageTeacherPay", q("90000.00"), "averageCivilServantPay", q("88000.00")));
            posting(year, year + "-03-20", null, "APPROPRIATION", y[3]);
            posting(year, year + "-12-20", "PRIMARY", "GENERAL_BUDGET_EDUCATION", y[4]);
            posting(year, year + "-09-10", "PRIMARY", "PER_STUDENT_PUBLIC_FUNDS", y[5]);
            posting(year, year + "-12-20", "JUNIOR", "GENERAL_BUDGET_EDUCATION", y[6]);
            posting(year, year + "-09-10", "JUNIOR", "PER_STUDENT_PUBLIC_FUNDS", y[7]);
        }
        posting(2019, "2019-06-20", "PRIMARY", "GENERAL_BUDGET_EDUCATION", "5400000.00");
    }

    private static String indicator(String code, int level, String title, String metric) {
        return "{\"code\":\"%s\",\"level\":%d,\"title\":\"%s\",\"criteria\":\"%s。\",\"displayOrder\":1,\"metric\":%s}"
                .formatted(code, level, title, title, metric == null ? "null" : metric);
    }

    private static String metric(String key, String comparator, String threshold, String unit) {
        return "{\"key\":\"%s\",\"comparator\":\"%s\",\"threshold\":\"%s\",\"unit\":\"%s\"}".formatted(key, comparator,
                threshold, unit);
    }

    private void rating(String code, String rating, String narrative, String problem, String improvement)
            throws Exception {
        apply(Samples.sample(EventTypes.RATING_RECORDED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(COUNTY), "year", "2019",
                "indicatorCode", q(code), "rating", q(rating), "narrative", q(narrative), "evidence", "[]",
                "problem", q(problem), "improvement", q(improvement), "version", "1"));
    }

    /** The narratives, as the county wrote them. */
    public static final String PRESCHOOL = "我县坚持公益普惠方向，新建、改扩建公办幼儿园3所，学前三年毛入园率达80%，较上年有所提高。";
    public static final String DROPOUT = "严格落实控辍保学“双线四级”责任制，小学巩固率达99%以上，初中巩固率96.94%，无因贫失学辍学学生。";
    public static final String SENIOR = "统筹普通高中和中等职业教育协调发展，高中阶段招生普职比为1.64:1，职业教育招生规模保持稳定。";
    public static final String FUNDING = "2018年全县一般公共预算教育支出1958.4万元，较上年增长1.21%，教育支出占一般公共预算支出比例为9.74%。";
    public static final String PAY = "建立教师工资与当地公务员工资收入联动机制，教师平均工资收入不低于当地公务员平均工资收入。";

    private void evaluation() throws Exception {
        String tree = "[" + String.join(",",
                indicator("4", 1, "各级各类教育发展", null), indicator("4.1", 2, "学前教育", null),
                indicator("4.1.1", 3, "学前三年毛入园率",
                        metric("registry.preschool.gross_enrolment_rate", "GE", "85", "PERCENT")),
                indicator("4.2", 2, "义务教育", null),
                indicator("4.2.1", 3, "控辍保学", metric("registry.junior.consolidation_rate", "GE", "95", "PERCENT")),
                indicator("4.2.2", 3, "消除大班额", metric("registry.compulsory.large_class_share", "LE", "5", "PERCENT")),
                indicator("4.3", 2, "高中阶段教育", null), indicator("4.3.1", 3, "普职协调发展", null),
                indicator("6", 1, "加强教育保障", null), indicator("6.1", 2, "经费投入", null),
                indicator("6.1.1", 3, "落实教育经费法定增长要求",
                        metric("funding.three_growths.per_student_expenditure", "EQ", "1", "BOOLEAN")),
                indicator("6.2", 2, "教师队伍", null),
                indicator("6.2.1", 3, "保障教师工资待遇",
                        metric("funding.teacher_pay.not_below_civil_servants", "EQ", "1", "BOOLEAN"))) + "]";
        apply(Samples.sample(EventTypes.FRAMEWORK_PUBLISHED, "frameworkId", q(frameworkId.toString()),
                "regionCode", q(PREFECTURE), "code", q("YL-2019"), "name", q("云岭州县级人民政府履行教育职责评价指标体系"),
                "indicators", tree));
        apply(Samples.sample(EventTypes.SELF_EVALUATION_CREATED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(COUNTY), "year", "2019"));
        rating("4.1.1", "BASICALLY", PRESCHOOL, "公办幼儿园学位仍然不足，毛入园率未达到85%的目标。", "新建城南幼儿园，增加学位。");
        rating("4.2.1", "FULLY", DROPOUT, null, null);
        rating("4.2.2", "BASICALLY", MISSTATED, "城区学校学位紧张，大班额尚未全部消除。", "加快城区学校建设。");
        rating("4.3.1", "FULLY", SENIOR, null, null);
        rating("6.1.1", "FULLY", FUNDING, null, null);
        rating("6.2.1", "FULLY", PAY, null, null);
        apply(Samples.sample(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(COUNTY), "year", "2019",
                "signingAuthority", q("云岭县人民政府"), "signingDate", q("2019-10-18"),
                "notablePractices", """
                        [{"title":"控辍保学“双线四级”责任制","indicatorCode":"4.2.1","text":null},
                         {"title":"集团化办学促进城乡均衡","indicatorCode":null,
                          "text":"以第一小学为龙头组建教育集团，城乡学校统一管理、师资互派、教研共进。"}]""",
                "improvementMeasures", """
                        [{"text":"2020年建成城南小学，新增学位1350个，全部消除大班额。","indicatorCode":"4.2.2","checkCode":null,"checkSubject":null},
                         {"text":"调整经费支出结构，确保小学生均一般公共预算教育支出逐年只增不减。","indicatorCode":null,
                          "checkCode":"funding-rule-failed","checkSubject":null},
                         {"text":"健全教育督导问责机制，定期通报各项指标进展。","indicatorCode":null,"checkCode":null,"checkSubject":null}]""",
                "recordedBy", q("county-editor@" + COUNTY), "version", "45"));
        apply(Samples.sample(EventTypes.SELF_EVALUATION_APPROVED, "selfEvaluationId", q(selfEvaluationId.toString()),
                "frameworkId", q(frameworkId.toString()), "regionCode", q(COUNTY), "year", "2019", "version", "50"));
    }
}
