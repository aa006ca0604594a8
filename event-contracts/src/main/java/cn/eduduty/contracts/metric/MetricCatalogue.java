package cn.eduduty.contracts.metric;

import java.util.ArrayList;
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
                "在园幼儿数（不分年龄）÷ 3–5 周岁常住人口数",
                "毛入园率", "学前三年毛入园率", "学前三年毛入学率", "学前教育三年毛入园率", "幼儿毛入园率");
        add("registry.preschool.inclusive_coverage", "普惠性幼儿园覆盖率", MetricUnit.PERCENT,
                "公办园和普惠性民办园在园幼儿数 ÷ 全部在园幼儿数",
                "普惠率", "普惠性幼儿园覆盖面", "普惠园覆盖率", "普惠性资源覆盖率", "普惠性学前教育覆盖率",
                "普惠性幼儿园在园幼儿占比", "普惠性幼儿园在园幼儿覆盖率");
        add("registry.preschool.inclusive_kindergarten_share", "普惠性幼儿园占比（按园数）", MetricUnit.PERCENT,
                "公办园和普惠性民办园数 ÷ 幼儿园总数",
                "普惠性幼儿园占比", "普惠园占比", "普惠性幼儿园所占比例");
        add("registry.preschool.township_central_kindergarten_coverage", "乡镇公办中心幼儿园覆盖率",
                MetricUnit.PERCENT, "有至少一所公办中心幼儿园的乡镇数 ÷ 乡镇总数",
                "乡镇中心幼儿园覆盖率", "乡镇公办中心园覆盖率", "中心幼儿园覆盖率", "乡镇中心园覆盖率", "公办乡镇中心幼儿园",
                "乡镇公办中心幼儿园", "乡镇中心幼儿园");
        // registry: compulsory
        add("registry.primary.consolidation_rate", "小学巩固率", MetricUnit.PERCENT,
                "本年小学毕业生数 ÷ 该届学生入学时一年级人数（按转入转出调整）",
                "小学阶段巩固率", "小学六年巩固率", "巩固率");
        add("registry.junior.consolidation_rate", "初中巩固率", MetricUnit.PERCENT,
                "本年初中毕业生数 ÷ 该届学生入学时初一人数（按转入转出调整）",
                "初中阶段巩固率", "初中三年巩固率", "巩固率");
        add("registry.compulsory.large_class_share", "义务教育大班额比例", MetricUnit.PERCENT,
                "56–65 人的小学和初中教学班数 ÷ 小学和初中教学班总数",
                "大班额比例", "大班额占比", "大班额比率", "大班额", "义务教育大班额", "56人以上班额", "56人及以上班额",
                "56人以上大班额", "56人及以上大班额", "56人以上的班额", "56人以上的大班额", "56人以上班级");
        add("registry.compulsory.super_large_class_share", "义务教育超大班额比例", MetricUnit.PERCENT,
                "66 人及以上的小学和初中教学班数 ÷ 小学和初中教学班总数",
                "超大班额比例", "超大班额占比", "超大班额", "义务教育超大班额", "66人以上班额", "66人及以上班额",
                "66人以上超大班额", "66人及以上超大班额", "66人以上的超大班额", "66人以上班级", "66人以上",
                "66人及以上");
        // registry: senior secondary
        add("registry.senior.gross_enrolment_rate", "高中阶段毛入学率", MetricUnit.PERCENT,
                "普通高中和中职在校生数（不分年龄）÷ 15–17 周岁常住人口数",
                "高中阶段教育毛入学率", "高中毛入学率");
        add("registry.senior.large_class_share", "普通高中大班额比例", MetricUnit.PERCENT,
                "56–65 人的普通高中教学班数 ÷ 普通高中教学班总数",
                "普通高中大班额", "高中大班额", "高中大班额比例", "普通高中大班额占比");
        add("registry.senior.super_large_class_share", "普通高中超大班额比例", MetricUnit.PERCENT,
                "66 人及以上的普通高中教学班数 ÷ 普通高中教学班总数",
                "普通高中超大班额", "高中超大班额", "高中超大班额比例", "普通高中超大班额占比");
        add("registry.senior.vocational_entrant_share", "高中阶段招生职普比（中职占比）", MetricUnit.PERCENT,
                "中职学校招生数 ÷ 高中阶段招生总数（普职比约 6:4 即中职占 40%）",
                "职普比", "中职招生占比", "中职招生比例", "中职学校招生占比", "中职招生占高中阶段招生比例",
                "中职招生占高中阶段招生");
        // registry: special education, language, teachers
        add("registry.special.disabled_children_enrolment_rate", "适龄残疾儿童少年入学率", MetricUnit.PERCENT,
                "随班就读、特教班、特教学校和送教上门的残疾儿童少年数 ÷ 已认定的适龄残疾儿童少年数",
                "残疾儿童少年入学率", "残疾儿童入学率", "残疾儿童少年义务教育入学率", "适龄残疾儿童入学率",
                "特殊教育入学率", "三类残疾儿童少年入学率");
        add("registry.language.common_language_class_coverage", "国家通用语言文字教学覆盖率", MetricUnit.PERCENT,
                "使用国家通用语言文字授课的教学班数 ÷ 教学班总数",
                "国家通用语言文字教学", "国家通用语言文字授课", "国家通用语言授课", "普通话授课", "普通话教学覆盖率",
                "国家通用语言文字");
        add("registry.teachers.rotation_share", "义务教育教师交流轮岗比例", MetricUnit.PERCENT,
                "交流轮岗教师数 ÷ 符合条件的教师总数（要求不低于 10%）",
                "交流轮岗比例", "交流轮岗", "教师交流轮岗", "交流轮岗教师比例", "交流轮岗教师占比", "教师交流比例");
        add("registry.teachers.backbone_rotation_share", "交流轮岗教师中骨干教师比例", MetricUnit.PERCENT,
                "交流轮岗的骨干教师数 ÷ 交流轮岗教师数（要求不低于 5%）",
                "骨干教师比例", "骨干教师占比", "骨干教师交流比例", "骨干教师");
        add("registry.teachers.new_hire_putonghua_share", "新任教师普通话二级乙等及以上比例", MetricUnit.PERCENT,
                "普通话二级乙等及以上的新任教师数 ÷ 新任教师数",
                "普通话二级乙等及以上", "普通话二级乙等以上", "普通话水平达标率", "普通话达标率", "普通话");
        add("registry.teachers.rural_new_hire_share", "新任教师中农村学校比例", MetricUnit.PERCENT,
                "农村学校新任教师数 ÷ 新任教师数",
                "农村学校新任教师比例", "到农村学校任教比例", "新任教师到农村学校任教比例", "到农村学校任教");
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
                "一般公共预算教育支出 ÷ 一般公共预算支出",
                "教育支出占比", "教育支出占财政支出比例", "教育支出占一般公共预算支出的比例", "教育支出占财政支出的比例",
                "教育支出所占比例", "教育支出占比例", "教育支出占一般公共预算支出", "教育支出占财政支出");
        add("funding.teacher_pay.not_below_civil_servants", "教师平均工资不低于当地公务员平均工资",
                MetricUnit.BOOLEAN, "义务教育教师平均工资收入 ≥ 当地公务员平均工资收入");
        // registry: counts a report states (values the checker compares stated counts with)
        add("registry.schools.total", "学校总数", MetricUnit.COUNT, "学年初（9月1日）在办的各级各类学校总数",
                "各级各类学校", "各类学校");
        for (Stage stage : Stage.values()) {
            add("registry.classes." + stage.key, stage.name + "教学班数", MetricUnit.COUNT,
                    "学年初（9月1日）" + stage.name + "教学班数，各类学校合计", stage.name + "教学班", stage.name + "班级");
        }
        for (Stage stage : Stage.values()) {
            add("registry.students." + stage.key, stage.studentsLabel, MetricUnit.COUNT,
                    "学年初（9月1日）" + stage.name + "教学班的学生数合计（不分年龄），各类学校合计", stage.studentAliases);
        }
        add("registry.compulsory.large_classes", "义务教育大班额班数", MetricUnit.COUNT, "56–65 人的小学和初中教学班数",
                "大班额", "大班额班级", "义务教育大班额", "56人以上班额", "56人及以上班额", "56人以上大班额",
                "56人及以上大班额", "56人以上的班额", "56人以上的大班额", "56人以上班级");
        add("registry.compulsory.super_large_classes", "义务教育超大班额班数", MetricUnit.COUNT,
                "66 人及以上的小学和初中教学班数",
                "超大班额", "超大班额班级", "义务教育超大班额", "66人以上班额", "66人及以上班额", "66人以上超大班额",
                "66人及以上超大班额", "66人以上的超大班额", "66人以上班级", "66人以上", "66人及以上");
        add("registry.senior.general_vocational_ratio", "高中阶段招生普职比", MetricUnit.RATIO,
                "普通高中招生数 ÷ 中职学校招生数（政策目标约 6:4，即 1.50）",
                "普职比", "普职招生比", "普职比例", "普职招生比例", "高中阶段普职比");
        add("registry.teachers.headcount", "教师数", MetricUnit.COUNT, "填报学校的教师数合计（未填报的学校不计）",
                "教师总数", "专任教师", "专任教师总数");
        add("registry.teachers.new_hires", "新任教师数", MetricUnit.COUNT, "填报学校本学年新任教师数合计",
                "新任教师", "新招聘教师", "新录用教师", "新进教师");
        add("registry.teachers.rural_new_hires", "农村学校新任教师数", MetricUnit.COUNT,
                "填报学校本学年新任教师中到农村学校任教的人数合计",
                "农村学校新任教师", "到农村学校任教的新任教师", "到农村学校任教");
        // funding: amounts and per-student figures a report states (yuan)
        add("funding.amount.appropriation", "政府教育拨款", MetricUnit.YUAN, "政府教育拨款类科目贷方净额",
                "教育拨款", "财政教育拨款", "政府教育拨款总额");
        add("funding.amount.education_expenditure", "一般公共预算教育支出", MetricUnit.YUAN, "教育支出类科目借方净额合计",
                "一般公共预算教育经费", "公共财政教育支出", "财政教育支出", "教育支出", "教育经费", "教育经费支出");
        add("funding.amount.regular_fiscal_revenue", "财政经常性收入", MetricUnit.YUAN, "财政背景数据",
                "经常性财政收入");
        add("funding.amount.general_public_budget_expenditure", "一般公共预算支出", MetricUnit.YUAN, "财政背景数据",
                "一般公共预算总支出", "财政总支出", "财政支出");
        for (Stage stage : Stage.values()) {
            perStudent("funding.per_student.expenditure.", stage, "该学段一般公共预算教育支出 ÷ 该学段在校生数",
                    "生均一般公共预算教育支出", "生均教育支出", "生均教育事业费", "生均一般公共预算教育事业费");
        }
        for (Stage stage : Stage.values()) {
            perStudent("funding.per_student.public_funds.", stage, "该学段生均公用经费支出 ÷ 该学段在校生数",
                    "生均公用经费", "生均公用经费支出");
        }
        // registry: county facts — senior-secondary entrance of the county's junior graduates (autumn)
        add("registry.entrance.junior_graduates", "初中毕业生数", MetricUnit.COUNT,
                "全县当年夏季初中毕业生数（县级填报）");
        add("registry.entrance.exam_takers", "中考人数", MetricUnit.COUNT, "全县当年参加中考人数（县级填报）",
                "参加中考", "中考报名人数", "参加中考人数");
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
        add("registry.recruitment.teachers", "补充教师数", MetricUnit.COUNT, "当年新补充的中小学幼儿园教师数（县级填报）",
                "补充教师", "新补充教师", "招聘教师", "补充中小学教师");
        add("registry.recruitment.rural_teachers", "补充农村学校教师数", MetricUnit.COUNT,
                "当年新补充到农村学校的教师数（县级填报）");
        add("registry.recruitment.teachers_cumulative", "累计补充教师数", MetricUnit.COUNT,
                "起始年份至截止年份各年补充教师数之和（逐年填报，累计数计算得出）");
        add("registry.recruitment.rural_teachers_cumulative", "累计补充农村学校教师数", MetricUnit.COUNT,
                "起始年份至截止年份各年补充到农村学校的教师数之和");
        // registry: county facts — off-campus training institutions (calendar year)
        add("registry.training.institutions", "校外培训机构数", MetricUnit.COUNT, "年末各类校外培训机构数之和（县级填报）",
                "校外培训机构");
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

    /** The stages of the registry and the ledger (key part, Chinese name, short name, students' label). */
    private enum Stage {
        PRESCHOOL("preschool", "学前教育", "学前", "在园幼儿数", "在园幼儿", "在园儿童"),
        PRIMARY("primary", "小学", "小学", "小学在校生数", "小学在校生", "小学在校学生"),
        JUNIOR("junior", "初中", "初中", "初中在校生数", "初中在校生", "初中在校学生"),
        SENIOR("senior", "普通高中", "高中", "普通高中在校生数", "普通高中在校生", "高中在校生"),
        VOCATIONAL("vocational", "中等职业教育", "中职", "中职在校生数", "中职在校生", "中等职业学校在校生"),
        SPECIAL("special", "特殊教育", "特殊教育", "特殊教育在校生数", "特殊教育在校生");

        final String key;
        final String name;
        final String shortName;
        final String studentsLabel;
        final String[] studentAliases;

        Stage(String key, String name, String shortName, String studentsLabel, String... studentAliases) {
            this.key = key;
            this.name = name;
            this.shortName = shortName;
            this.studentsLabel = studentsLabel;
            this.studentAliases = studentAliases;
        }
    }

    /**
     * A per-student amount of one stage, labelled {@code <first name>（<stage>）} as the report prints
     * it, named with the stage before each name (小学生均公用经费, 小学阶段生均公用经费) and by the bare
     * names, which every stage shares (the checker then needs a stage word to tell them apart).
     */
    private static void perStudent(String prefix, Stage stage, String definition, String... names) {
        List<String> aliases = new ArrayList<>();
        for (String name : names) {
            aliases.add(stage.name + name);
            aliases.add(stage.shortName + name);
            aliases.add(stage.name + "阶段" + name);
        }
        aliases.addAll(List.of(names));
        add(prefix + stage.key, names[0] + "（" + stage.name + "）", MetricUnit.YUAN, definition,
                aliases.stream().distinct().toArray(String[]::new));
    }

    private MetricCatalogue() {
    }

    /** A metric, named in narratives by its label and {@code aliases}; a key given twice is an error. */
    private static void add(String key, String label, MetricUnit unit, String definition, String... aliases) {
        if (BY_KEY.putIfAbsent(key, new MetricDefinition(key, label, unit, definition, List.of(aliases))) != null) {
            throw new IllegalStateException("metric " + key + " is catalogued twice");
        }
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
