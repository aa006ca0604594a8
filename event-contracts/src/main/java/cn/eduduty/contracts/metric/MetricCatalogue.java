package cn.eduduty.contracts.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published catalogue of metric keys: what indicators can be bound to, what evidence can
 * cite, and what the report service computes. Keys are {@code <service>.<area>.<figure>}.
 */
public final class MetricCatalogue {

    private static final Map<String, MetricDefinition> BY_KEY = new LinkedHashMap<>();

    static {
        // registry: preschool
        add("registry.preschool.gross_enrolment_rate", "学前教育毛入园率", MetricUnit.PERCENT,
                "在园幼儿数（不分年龄）÷ 3–5 周岁常住人口数");
        add("registry.preschool.inclusive_coverage", "普惠性幼儿园覆盖率", MetricUnit.PERCENT,
                "公办园和普惠性民办园在园幼儿数 ÷ 全部在园幼儿数");
        add("registry.preschool.inclusive_kindergarten_share", "普惠性幼儿园占比（按园数）", MetricUnit.PERCENT,
                "公办园和普惠性民办园数 ÷ 幼儿园总数");
        add("registry.preschool.township_central_kindergarten_coverage", "乡镇公办中心幼儿园覆盖率",
                MetricUnit.PERCENT, "有至少一所公办中心幼儿园的乡镇数 ÷ 乡镇总数");
        // registry: compulsory
        add("registry.primary.consolidation_rate", "小学巩固率", MetricUnit.PERCENT,
                "本年小学毕业生数 ÷ 该届学生入学时一年级人数（按转入转出调整）");
        add("registry.junior.consolidation_rate", "初中巩固率", MetricUnit.PERCENT,
                "本年初中毕业生数 ÷ 该届学生入学时初一人数（按转入转出调整）");
        add("registry.compulsory.large_class_share", "义务教育大班额比例", MetricUnit.PERCENT,
                "56–65 人的小学和初中教学班数 ÷ 小学和初中教学班总数");
        add("registry.compulsory.super_large_class_share", "义务教育超大班额比例", MetricUnit.PERCENT,
                "66 人及以上的小学和初中教学班数 ÷ 小学和初中教学班总数");
        // registry: senior secondary
        add("registry.senior.gross_enrolment_rate", "高中阶段毛入学率", MetricUnit.PERCENT,
                "普通高中和中职在校生数（不分年龄）÷ 15–17 周岁常住人口数");
        add("registry.senior.large_class_share", "普通高中大班额比例", MetricUnit.PERCENT,
                "56–65 人的普通高中教学班数 ÷ 普通高中教学班总数");
        add("registry.senior.super_large_class_share", "普通高中超大班额比例", MetricUnit.PERCENT,
                "66 人及以上的普通高中教学班数 ÷ 普通高中教学班总数");
        add("registry.senior.vocational_entrant_share", "高中阶段招生职普比（中职占比）", MetricUnit.PERCENT,
                "中职学校招生数 ÷ 高中阶段招生总数（普职比约 6:4 即中职占 40%）");
        // registry: special education, language, teachers
        add("registry.special.disabled_children_enrolment_rate", "适龄残疾儿童少年入学率", MetricUnit.PERCENT,
                "随班就读、特教班、特教学校和送教上门的残疾儿童少年数 ÷ 已认定的适龄残疾儿童少年数");
        add("registry.language.common_language_class_coverage", "国家通用语言文字教学覆盖率", MetricUnit.PERCENT,
                "使用国家通用语言文字授课的教学班数 ÷ 教学班总数");
        add("registry.teachers.rotation_share", "义务教育教师交流轮岗比例", MetricUnit.PERCENT,
                "交流轮岗教师数 ÷ 符合条件的教师总数（要求不低于 10%）");
        add("registry.teachers.backbone_rotation_share", "交流轮岗教师中骨干教师比例", MetricUnit.PERCENT,
                "交流轮岗的骨干教师数 ÷ 交流轮岗教师数（要求不低于 5%）");
        add("registry.teachers.new_hire_putonghua_share", "新任教师普通话二级乙等及以上比例", MetricUnit.PERCENT,
                "普通话二级乙等及以上的新任教师数 ÷ 新任教师数");
        add("registry.teachers.rural_new_hire_share", "新任教师中农村学校比例", MetricUnit.PERCENT,
                "农村学校新任教师数 ÷ 新任教师数");
        // funding: the rules a report checks
        add("funding.three_growths.appropriation_vs_revenue", "教育拨款增长高于财政经常性收入增长", MetricUnit.BOOLEAN,
                "政府教育拨款增长率 > 财政经常性收入增长率");
        add("funding.three_growths.per_student_expenditure", "生均教育费用逐步增长", MetricUnit.BOOLEAN,
                "各学段生均教育支出均高于上年");
        add("funding.three_growths.per_student_public_funds", "生均公用经费逐步增长", MetricUnit.BOOLEAN,
                "各学段生均公用经费均高于上年");
        add("funding.never_decrease.general_budget_education_expenditure", "一般公共预算教育支出只增不减",
                MetricUnit.BOOLEAN, "本年一般公共预算教育支出 ≥ 上年");
        add("funding.never_decrease.per_student_general_budget_expenditure", "生均一般公共预算教育支出只增不减",
                MetricUnit.BOOLEAN, "各学段本年生均一般公共预算教育支出 ≥ 上年");
        add("funding.education_share.rises", "教育支出占一般公共预算支出比例逐年提高", MetricUnit.BOOLEAN,
                "本年教育支出 ÷ 一般公共预算支出 > 上年同一比例");
        add("funding.education_share", "教育支出占一般公共预算支出比例", MetricUnit.PERCENT,
                "一般公共预算教育支出 ÷ 一般公共预算支出");
        add("funding.teacher_pay.not_below_civil_servants", "教师平均工资不低于当地公务员平均工资",
                MetricUnit.BOOLEAN, "义务教育教师平均工资收入 ≥ 当地公务员平均工资收入");
        // registry: county facts — senior-secondary entrance of the county's junior graduates (autumn)
        add("registry.entrance.junior_graduates", "初中毕业生数", MetricUnit.COUNT,
                "全县当年夏季初中毕业生数（县级填报）");
        add("registry.entrance.exam_takers", "中考人数", MetricUnit.COUNT, "全县当年参加中考人数（县级填报）");
        add("registry.entrance.general_entrants", "普通高中招生数", MetricUnit.COUNT,
                "全县初中毕业生当年秋季升入本县普通高中的人数（县级填报）");
        add("registry.entrance.vocational_entrants_in_county", "县内中职学校招生数", MetricUnit.COUNT,
                "全县初中毕业生当年秋季升入本县中等职业学校的人数（县级填报）");
        add("registry.entrance.vocational_entrants_out_of_county", "县外中职学校招生数", MetricUnit.COUNT,
                "全县初中毕业生当年秋季升入县外中等职业学校的人数（县级填报）");
        add("registry.entrance.vocational_entrants", "中职学校招生数（含县外）", MetricUnit.COUNT,
                "县内中职学校招生数 + 县外中职学校招生数");
        add("registry.entrance.general_enrolment_plan", "普通高中招生计划（指标数）", MetricUnit.COUNT,
                "当年下达的普通高中招生计划数（县级填报）");
        // registry: county facts — teacher recruitment (calendar year)
        add("registry.recruitment.teachers", "补充教师数", MetricUnit.COUNT, "当年新补充的中小学幼儿园教师数（县级填报）");
        add("registry.recruitment.rural_teachers", "补充农村学校教师数", MetricUnit.COUNT,
                "当年新补充到农村学校的教师数（县级填报）");
        add("registry.recruitment.teachers_cumulative", "累计补充教师数", MetricUnit.COUNT,
                "起始年份至截止年份各年补充教师数之和（逐年填报，累计数计算得出）");
        add("registry.recruitment.rural_teachers_cumulative", "累计补充农村学校教师数", MetricUnit.COUNT,
                "起始年份至截止年份各年补充到农村学校的教师数之和");
        // registry: county facts — off-campus training institutions (calendar year)
        add("registry.training.institutions", "校外培训机构数", MetricUnit.COUNT, "年末各类校外培训机构数之和（县级填报）");
        add("registry.training.institutions.subject", "学科类校外培训机构数", MetricUnit.COUNT, "年末学科类校外培训机构数");
        add("registry.training.institutions.arts", "艺术类校外培训机构数", MetricUnit.COUNT, "年末艺术类校外培训机构数");
        add("registry.training.institutions.sports", "体育类校外培训机构数", MetricUnit.COUNT, "年末体育类校外培训机构数");
        add("registry.training.institutions.science", "科技类校外培训机构数", MetricUnit.COUNT, "年末科技类校外培训机构数");
        add("registry.training.institutions.other", "其他类校外培训机构数", MetricUnit.COUNT, "年末其他类校外培训机构数");
        add("registry.training.subject_reduction_rate", "学科类校外培训机构压减率", MetricUnit.PERCENT,
                "（年初学科类机构数 − 年末学科类机构数）÷ 年初学科类机构数");
        add("registry.training.approved", "审批登记校外培训机构数", MetricUnit.COUNT, "当年新审批登记的各类校外培训机构数之和");
        add("registry.training.rectified", "整改校外培训机构数", MetricUnit.COUNT, "当年责令整改的各类校外培训机构数之和");
        add("registry.training.closed", "取缔关停校外培训机构数", MetricUnit.COUNT, "当年取缔或关停的各类校外培训机构数之和");
        add("registry.training.inspections", "校外培训检查次数", MetricUnit.COUNT, "当年开展校外培训专项检查、联合执法的次数");
        add("registry.training.complaints_handled", "校外培训投诉举报办结数", MetricUnit.COUNT, "当年受理并办结的校外培训投诉举报件数");
    }

    private MetricCatalogue() {
    }

    private static void add(String key, String label, MetricUnit unit, String definition) {
        BY_KEY.put(key, new MetricDefinition(key, label, unit, definition));
    }

    public static Optional<MetricDefinition> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static boolean contains(String key) {
        return BY_KEY.containsKey(key);
    }

    public static List<MetricDefinition> all() {
        return List.copyOf(BY_KEY.values());
    }
}
