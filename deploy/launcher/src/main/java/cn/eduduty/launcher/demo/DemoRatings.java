package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import cn.eduduty.launcher.demo.CountyData.Evidence;
import cn.eduduty.launcher.demo.CountyData.Rating;

/**
 * The county's 2025 self-evaluation against the national template: every one of its 44
 * third-level indicators rated and narrated in Simplified Chinese. Figures in the narratives come
 * from {@link DemoFigures}, so they agree with the loaded data.
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

    private final DemoFigures f;
    private final List<Rating> ratings = new ArrayList<>();

    private DemoRatings(DemoFigures figures) {
        this.f = figures;
    }

    static List<Rating> of(DemoFigures figures) {
        DemoRatings r = new DemoRatings(figures);
        r.area1();
        r.area2();
        r.area3();
        r.area4();
        r.area5();
        r.area6();
        r.area7();
        return List.copyOf(r.ratings);
    }

    private void area1() {
        fully("1.1.1", "县委成立由县委书记任组长、县长任第一副组长的县委教育工作领导小组，领导小组办公室设在县教育局，实行实体化运行。"
                + "2025年县委常委会、县政府常务会议专题研究教育工作6次，研究解决城区学位供给、教师编制统筹、学校安全等重大问题。"
                + "建立县级领导联系学校制度，县级党政领导班子成员每人联系1至2所学校，全年深入学校调研指导86人次，协调解决实际问题31个。",
                doc("中共示例县委教育工作领导小组工作规则", "leading-group-rules"),
                doc("2025年县委常委会、县政府常务会议研究教育工作纪要汇编", "meeting-minutes"));
        fully("1.1.2", "全县公办中小学全面实行党组织领导的校长负责制，学校党组织书记和校长分设率100%，党的组织和党的工作实现全覆盖。"
                + "民办学校党组织应建尽建，选派党建指导员8名。落实意识形态工作责任制，建立教材、课堂、讲座论坛、校园网络等阵地管理台账，"
                + "2025年开展意识形态专项检查2轮，未发生意识形态领域问题。",
                doc("关于建立中小学校党组织领导的校长负责制的实施方案", "party-led-principal-system"));
        fully("1.1.3", "制定《深化新时代教育评价改革实施方案》，将立德树人成效作为评价学校和教师的根本标准。"
                + "严格执行“五不准”规定，未向学校下达升学指标，未以升学率对学校和教师排名奖惩，未宣传炒作“中高考状元”和升学率，"
                + "2025年组织专项督查1次，未发现违规问题。",
                doc("示例县深化新时代教育评价改革实施方案", "evaluation-reform"));
    }

    private void area2() {
        fully("2.1.1", "全县中小学按国家课程方案开齐开足道德与法治、思想政治课，配备专职思政课教师" + (f.teachers(S) / 40)
                + "名，2025年开展思政课教师全员培训。县级党政领导干部每学期到联系学校讲思政课，全年讲授34节；"
                + "组建大中小学思政课一体化教研共同体，开展集体备课和示范课活动。",
                doc("2025年示例县思政课建设工作报告", "ideological-courses"));
        fully("2.1.2", "落实《中小学德育工作指南》，构建全员、全过程、全方位育人格局。建成县级未成年人心理健康辅导中心1个，"
                + "中小学心理辅导室配备率100%；健全学校家庭社会协同育人机制，全县中小学、幼儿园家长学校全覆盖，2025年开展家庭教育指导活动420余场。",
                doc("示例县学校家庭社会协同育人工作方案", "co-education"));
        basically("2.2.1", "开齐开足体育与健康课程，保证中小学生每天校内外各1小时体育活动时间，推行“大课间”活动，"
                + "2025年举办县级学生运动会和校园足球联赛。学生体质健康测试上报率100%，开展近视、肥胖等健康监测。",
                "2025年全县学生体质健康优良率为48.6%，低于全省平均水平；乡村学校专职体育教师不足，部分学校体育场地器材未达标准，学生近视率仍偏高。",
                "2026年公开招聘体育教师20名并优先补充乡村学校；实施学校体育场地提升工程，补齐6所乡村学校运动场地短板；"
                        + "落实每天综合体育活动2小时，开展近视防控“护眼行动”，力争2026年学生体质健康优良率达到52%以上。",
                doc("2025年示例县学生体质健康监测报告", "fitness-report"));
        fully("2.2.2", "全县中小学按课程方案开齐开足音乐、美术等艺术课程，配备专兼职艺术教师；每年举办中小学生艺术节，"
                + "建立学校艺术社团156个，推进非物质文化遗产进校园，实现每名学生掌握1至2项艺术特长的目标。",
                doc("示例县学校美育工作实施方案", "aesthetic-education"));
        fully("2.2.3", "中小学每周开设不少于1课时劳动教育课程，建成县级劳动教育实践基地2个、学校劳动实践园地48个；"
                + "将劳动素养纳入学生综合素质评价，2025年组织中小学生参加农业生产、职业体验等实践活动覆盖率100%。",
                doc("示例县大中小学劳动教育实施方案", "labour-education"));
    }

    private void area3() {
        fully("3.1.1", "落实法治政府建设要求，县政府常务会议每年学法不少于1次教育法律法规；全县中小学依法制定学校章程，"
                + "配备法治副校长实现全覆盖。依法保障适龄儿童少年接受义务教育，全面推进依法治校示范校创建，2025年新增县级依法治校示范校5所。",
                doc("示例县依法治校示范校创建工作方案", "rule-of-law"));
        fully("3.1.2", "全县各级各类学校全面使用国家统编教材，" + sy(S) + f.classes(S) + "个教学班全部使用国家通用语言文字开展教育教学，"
                + "覆盖率" + pct(f.commonLanguageCoverage(S)) + "。学校校园用语用字规范，开展“推普周”和中华经典诵读活动。",
                fig("国家通用语言文字教学班覆盖率", "registry.language.common_language_class_coverage"),
                doc("示例县国家通用语言文字推广工作报告", "common-language"));
        fully("3.1.3", sy(S) + "全县新任教师" + f.newHires(S) + "人，普通话水平均达到二级乙等以上，达标比例"
                + pct(f.putonghuaShare(S)) + "；将普通话等级作为教师资格认定和招聘的必备条件。",
                fig("新任教师普通话二级乙等以上比例", "registry.teachers.new_hire_putonghua_share"));
        fully("3.2.1", "县政府教育督导室单设，核定编制6名，配备专职督学4名、兼职督学32名，实现责任督学挂牌督导全覆盖，"
                + "督导工作经费纳入县级财政预算，2025年安排督导工作经费45万元。",
                doc("示例县人民政府教育督导室机构编制批复", "inspectorate"));
        fully("3.2.2", "建立督导结果公告、约谈、整改和问责制度，2025年开展中小学校综合督导18所次、专项督导6次，发布督导报告8份；"
                + "督导结果作为学校考核和校长任用的重要依据，对发现的问题全部下达整改通知并跟踪复查。",
                doc("2025年示例县教育督导工作报告", "inspection-report"));
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
        fully("4.2.3", "推进义务教育优质均衡发展，建立城乡学校共同体12个；将进城务工人员随迁子女就学纳入城区学位规划，"
                + "坚持“两为主、两纳入”，2025年随迁子女在公办学校就读比例超过95%，与本地学生同等享受资助和升学政策。",
                doc("示例县义务教育优质均衡发展规划", "balanced-development"));
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
        notApplicable("4.3.4", "本县无高等职业院校，高等职业教育由示例市统筹举办，该项指标不适用。");
        fully("4.4.1", sy(S) + "全县已认定适龄残疾儿童少年" + f.identifiedDisabled(S) + "人，入学" + f.enrolledDisabled(S) + "人，其中随班就读"
                + f.disabled(S, CountyData.Disability::regularClass) + "人、特教班" + f.disabled(S, CountyData.Disability::specialClass)
                + "人、特殊教育学校" + f.disabled(S, CountyData.Disability::specialSchool) + "人、送教上门"
                + f.disabled(S, CountyData.Disability::homeDelivered) + "人，入学率" + pct(f.disabledEnrolment(S))
                + "。特殊教育学校生均公用经费按每生每年6000元以上标准拨付。",
                fig("残疾儿童少年入学率", "registry.special.disabled_children_enrolment_rate"));
        fully("4.4.2", "落实民族教育政策，示例县民族高级中学面向少数民族学生单列招生计划；规范民办教育发展，全县民办学校"
                + "年检合格率100%；依托县社区学院和乡镇成人文化技术学校开展终身教育，2025年培训城乡居民1.2万人次。",
                doc("示例县民办学校年度检查结果公告", "private-schools"));
    }

    private void area5() {
        fully("5.1.1", "编制《示例县“十四五”教育事业发展规划》并纳入县国民经济和社会发展规划，教育事业发展主要指标按期完成；"
                + "2025年启动“十五五”教育发展规划编制。",
                doc("示例县“十四五”教育事业发展规划", "five-year-plan"));
        basically("5.1.2", "根据人口变化和城镇化进程修订中小学幼儿园布局规划，保留并办好必要的乡村小规模学校和教学点，"
                + "2025年新增城区学位1350个。",
                "城区学位供给仍然偏紧，乡村学校生源持续减少，学校布局与人口变化不完全适应；部分教学点办学条件较差。",
                "2026年完成中小学幼儿园布局规划中期调整，统筹新建城东小学；推进乡村小规模学校和教学点标准化建设，"
                        + "建立学龄人口变化监测预警机制。",
                doc("示例县中小学幼儿园布局规划（2021—2030年）", "school-layout"));
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

    private void area7() {
        fully("7.1.1", "严格落实义务教育免试就近入学，公办民办学校同步招生，民办学校超额摇号比例100%；"
                + "普通高中属地招生，严禁违规跨区域掐尖招生，2025年招生入学工作未发生违规问题。",
                doc("2025年示例县义务教育招生入学工作方案", "admissions"));
        fully("7.1.2", "全县中小学按国家课程方案开齐开足课程，不随意增减课时、提高难度和加快进度；作业、睡眠、手机、读物、"
                + "体质“五项管理”全部落实，2025年开展课程实施专项督导2次。",
                doc("示例县中小学“五项管理”专项督导报告", "five-managements"));
        fully("7.1.3", "严格执行教育收费政策，实行收费公示制度，2025年开展规范收费专项检查，无乱收费问题；"
                + "教辅材料坚持“一教一辅”、学生自愿选购，未发生违规征订行为。",
                doc("示例县教育收费专项检查通报", "fees"));
        fully("7.2.1", "建立县、乡、校三级学校安全责任体系，学校专职保安、一键式报警和视频监控配备率100%，"
                + "“护学岗”覆盖所有中小学幼儿园，2025年未发生重大校园安全责任事故。",
                doc("示例县学校安全工作责任清单", "safety"));
        fully("7.2.2", "健全学生欺凌防治工作机制，各校成立学生欺凌治理委员会，每学期开展欺凌排查，2025年排查发现的问题均及时妥善处置。",
                doc("示例县中小学生欺凌防治工作方案", "anti-bullying"));
        fully("7.2.3", "落实校长陪餐制度，学校食堂“明厨亮灶”覆盖率100%；开展交通安全、防溺水等安全教育，"
                + "校车全部纳入动态监管，2025年未发生食品安全和学生交通安全责任事故。",
                doc("示例县学校食品安全和交通安全工作报告", "food-transport"));
    }

    // ---------------------------------------------------------------- helpers

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

    private void notApplicable(String code, String narrative) {
        ratings.add(new Rating(code, "NOT_APPLICABLE", narrative, List.of(), null, null));
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
