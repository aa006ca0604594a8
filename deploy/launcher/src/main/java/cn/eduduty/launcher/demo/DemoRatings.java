package cn.eduduty.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.launcher.demo.CountyData.Evidence;
import cn.eduduty.launcher.demo.CountyData.Rating;

/**
 * The county's 2025 self-evaluation against the national template: every one of its 44
 * third-level indicators rated and narrated in Simplified Chinese. Figures in the narratives come
 * from {@link DemoFigures}, so they agree with the loaded data; the ratings whose narratives state no
 * figure (documents only) are prose, kept as data in {@code demo-ratings.json} next to this class.
 *
 * <ul>
 * <li>NOT (exactly one): 6.1.3 生均公用经费增长 — junior per-student public funds fell in fiscal 2024
 * (the year the 2025 report evaluates), the one stage of one funding rule that fails by design;</li>
 * <li>NOT_APPLICABLE (exactly one): 4.3.4 高等职业教育 — the county has no higher vocational school;</li>
 * <li>BASICALLY: 2.2.1 体育与学生身心健康, 4.2.2 消除大班额 (large classes remain), 4.3.2 普通高中办学条件
 * (super-large senior classes remain), 5.1.2 学校布局与学位供给;</li>
 * <li>FULLY: the other 38, each backed by the data where a metric is bound to it.</li>
 * </ul>
 *
 * <p>Each narrative quotes its figures on the period the report evaluates them on: stock figures of
 * 2025—2026学年 (compared with 2023—2024学年), consolidation of 2024—2025学年 (with 2022—2023学年), the
 * autumn 2025 intake (普职比 from the county's recorded entrance, with its entrants to vocational schools
 * outside the county), the money of fiscal 2024 against 2023, and the county's own facts of 2025
 * (teachers recruited since 2023, off-campus training institutions) as counties write them.
 */
final class DemoRatings {

    /** The evaluation year: what the county did in it. */
    private static final int Y = DemoCounty.REPORT_YEAR;
    /** Stock figures: 2025—2026学年, compared with two school years before. */
    private static final int S = DemoCounty.STOCK_SCHOOL_YEAR;
    private static final int FIRST = S - 2;
    /** Completion figures: 2024—2025学年, compared with two school years before. */
    private static final int C = DemoCounty.COMPLETED_SCHOOL_YEAR;
    /** The autumn intake. */
    private static final int E = DemoCounty.ENTRANCE_YEAR;
    /** The fiscal year of the funding rules, against the year before. */
    private static final int F = DemoCounty.FISCAL_YEAR;

    /** The ratings whose narratives state no figure, as the county wrote them (in code order). */
    private static final String PROSE_RESOURCE = "demo-ratings.json";
    private static final List<Rating> PROSE = readProse();

    private final DemoFigures f;
    private final List<Rating> ratings = new ArrayList<>();

    private DemoRatings(DemoFigures figures) {
        this.f = figures;
    }

    static List<Rating> of(DemoFigures figures) {
        DemoRatings r = new DemoRatings(figures);
        r.area2();
        r.area3();
        r.area4();
        r.area5();
        r.area6();
        r.ratings.addAll(PROSE);
        r.ratings.sort(Comparator.comparing(DemoRatings::codeParts, Arrays::compare));
        return List.copyOf(r.ratings);
    }

    private void area2() {
        fully("2.1.1", "全县中小学按国家课程方案开齐开足道德与法治、思想政治课，配备专职思政课教师" + (f.teachers(S) / 40)
                + "名，2025年开展思政课教师全员培训。县级党政领导干部每学期到联系学校讲思政课，全年讲授34节；"
                + "组建大中小学思政课一体化教研共同体，开展集体备课和示范课活动。",
                doc("2025年示例县思政课建设工作报告", "ideological-courses"));
    }

    private void area3() {
        fully("3.1.2", "全县各级各类学校全面使用国家统编教材，" + sy(S) + f.classes(S) + "个教学班全部使用国家通用语言文字开展教育教学，"
                + "覆盖率" + pct(f.commonLanguageCoverage(S)) + "。学校校园用语用字规范，开展“推普周”和中华经典诵读活动。",
                fig("国家通用语言文字教学班覆盖率", "registry.language.common_language_class_coverage"),
                doc("示例县国家通用语言文字推广工作报告", "common-language"));
        fully("3.1.3", sy(S) + "全县新任教师" + f.newHires(S) + "人，普通话水平均达到二级乙等以上，达标比例"
                + pct(f.putonghuaShare(S)) + "；将普通话等级作为教师资格认定和招聘的必备条件。",
                fig("新任教师普通话二级乙等以上比例", "registry.teachers.new_hire_putonghua_share"));
    }

    private void area4() {
        fully("4.1.1", "实施第四期学前教育行动提升计划，" + sy(S) + "全县有幼儿园" + f.kindergartens(S) + "所，在园幼儿"
                + f.students(S, "PRESCHOOL") + "人，学前三年毛入园率" + pct(f.preschoolGrossEnrolment(S)) + "（" + sy(FIRST)
                + "为" + pct(f.preschoolGrossEnrolment(FIRST)) + "），高于85%的目标。",
                fig("学前三年毛入园率", "registry.preschool.gross_enrolment_rate"),
                doc("示例县学前教育发展提升行动计划（2021—2025年）", "preschool-plan"));
        fully("4.1.2", sy(S) + "公办幼儿园和普惠性民办幼儿园共" + f.inclusiveKindergartens(S) + "所，占幼儿园总数的"
                + pct(DemoFigures.percent(f.inclusiveKindergartens(S), f.kindergartens(S))) + "；普惠性幼儿园在园幼儿覆盖率"
                + pct(f.inclusiveCoverage(S)) + "，公办园在园幼儿占比" + pct(f.publicKindergartenShare(S))
                + "。落实普惠性民办幼儿园生均补助，认定普惠性民办幼儿园5所。",
                fig("普惠性幼儿园覆盖率", "registry.preschool.inclusive_coverage"),
                fig("普惠性幼儿园占比", "registry.preschool.inclusive_kindergarten_share"));
        fully("4.1.3", "全县" + f.townships() + "个乡镇均建有1所公办乡镇中心幼儿园，覆盖率" + pct(f.townshipCentralCoverage(S))
                + "。建立乡镇中心幼儿园对村级幼儿园业务指导机制，开展保育教育质量评估，纠正“小学化”倾向。",
                fig("乡镇公办中心幼儿园覆盖率", "registry.preschool.township_central_kindergarten_coverage"));
        fully("4.2.1", "健全控辍保学“双线四级”责任制，落实“一生一案”动态监测。" + sy(C) + "小学巩固率"
                + pct(f.consolidation(C, "PRIMARY")) + "，初中巩固率" + pct(f.consolidation(C, "JUNIOR")) + "（" + sy(C - 2)
                + "分别为" + pct(f.consolidation(C - 2, "PRIMARY")) + "、" + pct(f.consolidation(C - 2, "JUNIOR"))
                + "），高于95%的目标。",
                fig("初中巩固率", "registry.junior.consolidation_rate"),
                fig("小学巩固率", "registry.primary.consolidation_rate"));
        int large = f.largeCompulsoryClasses(S);
        int large1 = f.largeCompulsoryClasses(FIRST);
        basically("4.2.2", "制定化解大班额专项规划，通过新建扩建学校、优化学区划分和均衡编班化解大班额。" + sy(S) + "全县义务教育阶段"
                + f.compulsoryClasses(S) + "个教学班中，56人及以上大班额" + large + "个，占" + pct(f.largeCompulsoryShare(S))
                + "，比" + sy(FIRST) + "的" + large1 + "个减少" + (large1 - large) + "个；无66人及以上超大班额。",
                "城区示例县第一小学、示例县实验小学学位紧张，" + sy(S) + "仍有" + large + "个大班额，大班额比例"
                        + pct(f.largeCompulsoryShare(S)) + "，尚未全部消除。",
                "加快示例县第三小学教学综合楼扩建工程（2024年以来已投入" + DemoFigures.wan(f.capital(LedgerGenerator.THIRD_PRIMARY))
                        + "万元），2026年秋季学期投入使用；严格按学区划片招生，控制城区学校起始年级班额，2026年底前全面消除大班额。",
                fig("义务教育大班额比例", "registry.compulsory.large_class_share"),
                doc("示例县消除义务教育大班额专项规划", "large-class-plan"));
        CountyData.SeniorEntrance entrance = f.seniorEntrance(E).orElseThrow();
        fully("4.3.1", "普及高中阶段教育，" + sy(S) + "高中阶段毛入学率" + pct(f.seniorGrossEnrolment(S)) + "。" + E
                + "年全县参加中考" + entrance.examTakers() + "人，秋季普通高中招生" + f.generalEntrants(E) + "人、中等职业学校招生"
                + f.vocationalEntrants(E) + "人（含到县外中职学校就读" + entrance.vocationalEntrantsOutOfCounty()
                + "人），普职比" + f.generalVocationalRatio(E) + ":1，中职招生占高中阶段招生的" + pct(f.vocationalEntrantShare(E))
                + "，普职结构大体相当。",
                fig("高中阶段毛入学率", "registry.senior.gross_enrolment_rate"),
                fig("高中阶段招生普职比", "registry.senior.general_vocational_ratio"),
                fig("中职招生占比", "registry.senior.vocational_entrant_share"));
        int superLarge = f.superLargeSeniorClasses(S);
        basically("4.3.2", "推进普通高中多样化有特色发展，示例县第一高级中学学生宿舍楼已于2024年建成投入使用。" + sy(S) + "全县普通高中"
                + f.seniorClasses(S) + "个教学班，66人及以上超大班额" + superLarge + "个，比" + sy(FIRST) + "的"
                + f.superLargeSeniorClasses(FIRST) + "个有所减少。",
                "示例县第一高级中学学位紧张，" + sy(S) + "仍有" + superLarge + "个超大班额，占普通高中教学班的"
                        + pct(f.superLargeSeniorShare(S)) + "，办学条件有待改善。",
                "2026年起按标准班额核定示例县第一高级中学招生计划，扩大示例县民族高级中学招生规模；启动示例县第一高级中学教学楼改扩建前期工作，"
                        + "2026年秋季学期前消除超大班额。",
                fig("普通高中超大班额比例", "registry.senior.super_large_class_share"));
        fully("4.3.3", "示例县职业技术学校" + sy(S) + "在校生" + f.students(S, "VOCATIONAL") + "人，开设现代农业、机电技术、护理等专业12个，"
                + "与县内外企业合作开展订单培养，毕业生就业（升学）率达到96%以上，落实中职免学费和国家助学金政策。",
                doc("示例县职业技术学校办学质量年度报告", "vocational-quality"));
        fully("4.4.1", sy(S) + "全县已认定适龄残疾儿童少年" + f.identifiedDisabled(S) + "人，入学" + f.enrolledDisabled(S) + "人，其中随班就读"
                + f.disabled(S, CountyData.Disability::regularClass) + "人、特教班" + f.disabled(S, CountyData.Disability::specialClass)
                + "人、特殊教育学校" + f.disabled(S, CountyData.Disability::specialSchool) + "人、送教上门"
                + f.disabled(S, CountyData.Disability::homeDelivered) + "人，入学率" + pct(f.disabledEnrolment(S))
                + "。特殊教育学校生均公用经费按每生每年6000元以上标准拨付。",
                fig("残疾儿童少年入学率", "registry.special.disabled_children_enrolment_rate"));
    }

    private void area5() {
        fully("5.1.3", "建立教育、公安、市场监管、卫生健康等部门协同机制，扎实推进“双减”工作。" + Y + "年学科类校外培训机构压减率"
                + pct(f.subjectReductionRate(Y)) + "，全县现有校外培训机构" + f.trainingInstitutions(Y) + "个，其中学科类"
                + f.trainingInstitutions(Y, "SUBJECT") + "个、艺术类" + f.trainingInstitutions(Y, "ARTS") + "个、体育类"
                + f.trainingInstitutions(Y, "SPORTS") + "个、科技类" + f.trainingInstitutions(Y, "SCIENCE") + "个；"
                + "开展专项检查和联合执法" + f.training(Y).orElseThrow().inspections() + "次，依法关停违规机构"
                + f.trainingClosed(Y) + "个。义务教育学校课后服务全覆盖，作业管理、睡眠管理等“五项管理”落实到位。",
                fig("学科类校外培训机构压减率", "registry.training.subject_reduction_rate"),
                fig("校外培训机构数", "registry.training.institutions"),
                doc("示例县“双减”工作专项督导报告", "double-reduction"));
    }

    private void area6() {
        int before = F - 1;
        BigDecimal appropriation = f.appropriation(F);
        fully("6.1.1", F + "年财政教育拨款" + DemoFigures.wan(appropriation) + "万元，比上年增长"
                + DemoFigures.growth(f.appropriation(before), appropriation) + "%，高于财政经常性收入增长率"
                + DemoFigures.growth(f.fiscalContext(before).regularFiscalRevenue(), f.fiscalContext(F).regularFiscalRevenue())
                + "%，实现财政教育拨款增长高于财政经常性收入增长。",
                fig("财政教育拨款增长高于财政经常性收入增长", "funding.three_growths.appropriation_vs_revenue"));
        fully("6.1.2", "各学段生均一般公共预算教育支出均比上年增长：" + perStage(f::expenditurePerStudent) + "。",
                fig("生均教育费用逐年增长", "funding.three_growths.per_student_expenditure"));
        BigDecimal juniorNow = f.publicFundsPerStudent(F, "JUNIOR");
        BigDecimal juniorBefore = f.publicFundsPerStudent(before, "JUNIOR");
        not("6.1.3", F + "年全县拨付生均公用经费" + DemoFigures.wan(f.accountTotal(F, "5002")) + "万元。学前教育、小学、普通高中、"
                + "中等职业教育和特殊教育生均公用经费均比上年增长；初中生均公用经费" + juniorNow + "元，比上年的" + juniorBefore
                + "元下降" + DemoFigures.growth(juniorBefore, juniorNow).negate() + "%。",
                "受财政收支紧平衡影响，" + F + "年初中生均公用经费拨付标准由每生每年980元下调至955元，初中生均公用经费比上年下降，"
                        + "未实现生均公用经费逐年增长的要求。",
                Y + "年起初中生均公用经费标准恢复并提高至每生每年1000元，" + Y + "年1—" + DemoCounty.BOOKED_THROUGH.getMonthValue()
                        + "月已按新标准拨付初中生均公用经费" + DemoFigures.wan(f.publicFunds(Y, "JUNIOR")) + "万元；" + (Y + 1)
                        + "年预算补拨" + F + "年差额，建立生均公用经费标准动态调整机制，确保各学段生均公用经费只增不减。",
                fig("生均公用经费逐年增长", "funding.three_growths.per_student_public_funds"));
        BigDecimal expenditure = f.educationExpenditure(F);
        fully("6.2.1", F + "年一般公共预算教育支出" + DemoFigures.wan(expenditure) + "万元，比上年的"
                + DemoFigures.wan(f.educationExpenditure(before)) + "万元增长" + DemoFigures.growth(f.educationExpenditure(before),
                        expenditure) + "%，实现只增不减。",
                fig("一般公共预算教育支出只增不减", "funding.never_decrease.general_budget_education_expenditure"));
        fully("6.2.2", "按在校生人数计算，各学段生均一般公共预算教育支出均不低于上年：" + perStage(f::expenditurePerStudent) + "。",
                fig("生均一般公共预算教育支出只增不减", "funding.never_decrease.per_student_general_budget_expenditure"));
        fully("6.2.3", F + "年教育支出占一般公共预算支出的" + f.educationShare(F) + "%，比上年的" + f.educationShare(before)
                + "%提高" + f.educationShare(F).subtract(f.educationShare(before)) + "个百分点；足额征收地方教育附加"
                + DemoFigures.wan(f.accountTotal(F, "4002").negate()) + "万元，全部用于教育。",
                fig("教育支出占比逐年提高", "funding.education_share.rises"),
                fig("教育支出占一般公共预算支出比例", "funding.education_share"));
        fully("6.3.1", "建立中小学教师工资与当地公务员工资联动机制，" + F + "年教师平均工资"
                + f.fiscalContext(F).averageTeacherPay().toBigInteger() + "元，不低于当地公务员平均工资"
                + f.fiscalContext(F).averageCivilServantPay().toBigInteger() + "元；按时足额发放乡村教师生活补助。",
                fig("教师平均工资不低于公务员平均工资", "funding.teacher_pay.not_below_civil_servants"));
        fully("6.3.2", "推进义务教育学校校长教师交流轮岗，" + sy(S) + "交流轮岗教师" + f.rotated(S) + "人，占符合交流条件教师的"
                + pct(f.rotationShare(S)) + "，高于10%的要求。",
                fig("教师交流轮岗比例", "registry.teachers.rotation_share"));
        fully("6.3.3", "交流轮岗教师中骨干教师占" + pct(f.backboneRotationShare(S)) + "，优先向乡村学校和薄弱学校交流。",
                fig("骨干教师交流比例", "registry.teachers.backbone_rotation_share"));
        fully("6.3.4", sy(S) + "全县有专任教师" + f.teachers(S) + "人，中小学教职工编制实行县域统筹、动态调整，本学年新招聘教师"
                + f.newHires(S) + "人，其中到农村学校任教" + f.ruralNewHires(S) + "人，占" + pct(f.ruralNewHireShare(S))
                + "。" + FIRST + "年以来累计补充教师" + f.recruitedSince(FIRST, Y) + "名，其中" + Y + "年补充教师" + f.recruited(Y)
                + "名。将师德师风作为教师评价第一标准，未发生严重违反师德行为。",
                fig("农村学校新任教师占比", "registry.teachers.rural_new_hire_share"),
                fig("补充教师数", "registry.recruitment.teachers"),
                doc("示例县中小学教职工编制县域统筹方案", "staffing"));
    }

    // ---------------------------------------------------------------- helpers

    /** A rating of {@value #PROSE_RESOURCE}: its narrative states no figure, its evidence is documents. */
    private record Prose(String code, String rating, String narrative, String problem, String improvement,
            List<Document> documents) {

        Rating toRating() {
            List<Evidence> evidence = documents == null ? List.of()
                    : documents.stream().map(d -> doc(d.title(), d.slug())).toList();
            return new Rating(code, rating, narrative, evidence, problem, improvement);
        }
    }

    private record Document(String title, String slug) {
    }

    private static List<Rating> readProse() {
        try (InputStream in = DemoRatings.class.getResourceAsStream(PROSE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PROSE_RESOURCE + " is missing");
            }
            List<Prose> prose = new ObjectMapper().readValue(in, new TypeReference<List<Prose>>() {
            });
            return prose.stream().map(Prose::toRating).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 4.3.4 → [4, 3, 4], so that 4.3.10 would follow 4.3.9. */
    private static int[] codeParts(Rating rating) {
        return Arrays.stream(rating.code().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** Per stage of fiscal F: 小学12345.67元（上年12000.00元）, … */
    private String perStage(BiFunction<Integer, String, BigDecimal> perStudent) {
        return f.comparedStages(F).stream()
                .map(s -> LedgerGenerator.stageLabel(s) + perStudent.apply(F, s) + "元（上年" + perStudent.apply(F - 1, s) + "元）")
                .collect(Collectors.joining("，"));
    }

    /** A school year as the report names it: 2025—2026学年. */
    private static String sy(int year) {
        return DemoFigures.schoolYear(year);
    }

    private void fully(String code, String narrative, Evidence... evidence) {
        ratings.add(new Rating(code, "FULLY", narrative, List.of(evidence), null, null));
    }

    private void basically(String code, String narrative, String problem, String improvement, Evidence... evidence) {
        ratings.add(new Rating(code, "BASICALLY", narrative, List.of(evidence), problem, improvement));
    }

    private void not(String code, String narrative, String problem, String improvement, Evidence... evidence) {
        ratings.add(new Rating(code, "NOT", narrative, List.of(evidence), problem, improvement));
    }

    private static Evidence doc(String title, String slug) {
        return new Evidence(title, "urn:eduduty-demo:990101:" + Y + ":" + slug, null);
    }

    private static Evidence fig(String title, String key) {
        return new Evidence(title, null, key);
    }

    private static String pct(BigDecimal percent) {
        return percent.toPlainString() + "%";
    }
}
