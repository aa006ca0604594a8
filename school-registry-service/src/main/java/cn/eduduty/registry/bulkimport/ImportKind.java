package cn.eduduty.registry.bulkimport;

import static cn.eduduty.registry.bulkimport.ImportColumn.optional;
import static cn.eduduty.registry.bulkimport.ImportColumn.required;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.eduduty.registry.bulkimport.ImportColumn.Cell;

/**
 * The sheets a county imports from its annual statistics forms, with their columns (header row,
 * in any order; each column named by its key or its Chinese label, see {@link ImportColumn}).
 * Documented in the service README; the template of each is {@link ImportTemplate}.
 */
enum ImportKind {
    /** Registers or replaces schools. */
    SCHOOLS("学校基本情况", List.of(
            required("code", "学校标识码", Cell.CODE, "国家学校（机构）标识码，10位数字：前2位为学校类别（11幼儿园、21小学、31初中、34高中、36中职、51特教），3–4位为省份代码", "2199010199"),
            required("name", "学校名称", Cell.TEXT, "学校（机构）全称", "示例县示例小学"),
            required("type", "办学类型", ImportChoices.SCHOOL_TYPE, "学校的办学类型，与标识码前2位的学校类别一致", "小学"),
            required("ownership", "办学性质", ImportChoices.OWNERSHIP, "公办或民办", "公办"),
            optional("inclusive", "是否普惠性幼儿园", ImportChoices.YES_NO, "仅幼儿园填写；不填按“否”", "否"),
            optional("townshipCentral", "是否乡镇中心幼儿园", ImportChoices.YES_NO, "仅幼儿园填写；不填按“否”", "否"),
            required("area", "城乡分类", ImportChoices.AREA, "学校所在地的城乡分类", "城区"),
            required("townshipCode", "所在乡镇代码", Cell.CODE, "学校所在乡镇（街道）的9位行政区划代码，须属于本县", "990101001"),
            required("openedOn", "建校日期", Cell.DATE, "学校开办日期", "2020-09-01"))),
    /** Replaces the class roster of every (school, school year) that appears. */
    CLASSES("教学班", List.of(
            required("schoolCode", "学校标识码", Cell.CODE, "本县已登记学校的10位标识码", "2199010199"),
            required("schoolYear", "学年", Cell.SCHOOL_YEAR, "统计学年（9月1日起），如 2025-2026；也可只填起始年份 2025", "2025-2026"),
            required("stage", "学段", ImportChoices.STAGE, "该班所属学段，须为学校办学类型所含学段", "小学"),
            required("grade", "年级", ImportChoices.GRADE, "学前教育1–3（小班、中班、大班），小学1–6，初中7–9，普通高中和中职10–12，特殊教育1–12", "1"),
            required("students", "班级学生数", Cell.COUNT, "该班在校学生数，0–120", "45"),
            optional("commonLanguage", "是否使用国家通用语言文字教学", ImportChoices.YES_NO, "不填按“是”", "是"))),
    /** Replaces the enrolment flows of every (school, school year) that appears. */
    ENROLMENT("招生毕业及流动", List.of(
            required("schoolCode", "学校标识码", Cell.CODE, "本县已登记学校的10位标识码", "2199010199"),
            required("schoolYear", "学年", Cell.SCHOOL_YEAR, "统计学年（9月1日起），如 2025-2026；也可只填起始年份 2025", "2025-2026"),
            required("stage", "学段", ImportChoices.STAGE, "学段，须为学校办学类型所含学段", "小学"),
            required("grade", "年级", ImportChoices.GRADE, "学前教育1–3，小学1–6，初中7–9，普通高中和中职10–12，特殊教育1–12；每个学段年级一行", "1"),
            required("entrants", "招生数", Cell.COUNT, "本学年招生人数，只填在学段起始年级", "45"),
            required("graduates", "毕业生数", Cell.COUNT, "上学年毕业人数，只填在学段最高年级", "0"),
            required("transfersIn", "转入数", Cell.COUNT, "转入学生数", "1"),
            required("transfersOut", "转出数", Cell.COUNT, "转出学生数", "0"),
            required("dropouts", "辍学数", Cell.COUNT, "辍学学生数", "0"))),
    /** Replaces the staff aggregates of every (school, school year) that appears, one row each. */
    STAFF("教职工", List.of(
            required("schoolCode", "学校标识码", Cell.CODE, "本县已登记学校的10位标识码", "2199010199"),
            required("schoolYear", "学年", Cell.SCHOOL_YEAR, "统计学年（9月1日起），如 2025-2026；也可只填起始年份 2025", "2025-2026"),
            required("teachers", "专任教师数", Cell.COUNT, "专任教师人数", "40"),
            required("newHires", "新聘教师数", Cell.COUNT, "本学年新补充教师人数，不超过专任教师数", "4"),
            required("ruralNewHires", "其中乡村学校新聘教师数", Cell.COUNT, "新聘教师中到乡村学校任教的人数", "1"),
            required("eligibleForRotation", "应交流轮岗教师数", Cell.COUNT, "符合交流轮岗条件的教师人数", "30"),
            required("rotated", "实际交流轮岗教师数", Cell.COUNT, "本学年实际交流轮岗人数，不超过应交流人数", "3"),
            required("rotatedBackbone", "其中骨干教师交流数", Cell.COUNT, "交流轮岗教师中的骨干教师人数", "1"),
            required("newHiresPutonghua2B", "新聘教师普通话二级乙等以上人数", Cell.COUNT, "新聘教师中普通话水平达到二级乙等及以上的人数", "4"))),
    /** Records or replaces the county's senior-secondary entrance of every year that appears, one row each. */
    SENIOR_ENTRANCE("高中阶段招生", List.of(
            required("year", "年份", Cell.YEAR, "招生年份（当年秋季入学）", "2025"),
            optional("juniorGraduates", "初中毕业生数", Cell.COUNT, "本县当年初中毕业生人数", "3120"),
            optional("examTakers", "中考人数", Cell.COUNT, "参加中考人数（含往届生）", "3050"),
            required("generalEntrants", "升入本县普通高中人数", Cell.COUNT, "升入本县普通高中人数", "1620"),
            required("vocationalEntrantsInCounty", "升入本县中职学校人数", Cell.COUNT, "升入本县中等职业学校人数", "780"),
            required("vocationalEntrantsOutOfCounty", "升入县外中职学校人数", Cell.COUNT, "升入县外中等职业学校人数", "410"),
            optional("generalEnrolmentPlan", "普通高中招生计划数", Cell.COUNT, "普通高中招生计划（指标数）", "1650"))),
    /** Records or replaces the county's teacher recruitment of every year that appears, one row each. */
    TEACHER_RECRUITMENT("教师补充", List.of(
            required("year", "年份", Cell.YEAR, "补充教师的年份", "2025"),
            required("recruited", "补充教师数", Cell.COUNT, "当年全县补充（招聘）教师人数", "126"),
            required("ruralRecruited", "其中乡村学校补充数", Cell.COUNT, "补充到乡村学校的教师人数，不超过补充教师数", "88"))),
    /**
     * Records or replaces the county's training institutions of every year that appears, one row each:
     * per kind (subject, arts, sports, science, other) five columns, e.g. subjectAtStart, subjectAtEnd,
     * subjectApproved, subjectRectified, subjectClosed; a kind is recorded when its columns are filled.
     */
    TRAINING_INSTITUTIONS("校外培训机构", TrainingColumns.all());

    /** The template's data sheet name, e.g. 学校基本情况. */
    final String title;
    final List<ImportColumn> layout;
    final List<String> columns;
    final List<String> required;

    ImportKind(String title, List<ImportColumn> layout) {
        this.title = title;
        this.layout = layout;
        this.columns = layout.stream().map(ImportColumn::key).toList();
        this.required = layout.stream().filter(ImportColumn::required).map(ImportColumn::key).toList();
    }

    /** The kind as it appears in the path and in summaries, e.g. {@code senior-entrance}. */
    String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ImportKind ofPath(String path) {
        return valueOf(path.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The kind whose path is {@code path} exactly, e.g. {@code senior-entrance}. */
    static Optional<ImportKind> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path().equals(path)).findFirst();
    }

    /** The column whose key is {@code key}. */
    ImportColumn column(String key) {
        return layout.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this + " has no column " + key));
    }

    /** The training-institutions sheet's columns (a holder, so the enum's constants can use them). */
    static final class TrainingColumns {

        /** The column prefix of each kind, in the registry's order of kinds (SUBJECT, ARTS, SPORTS, SCIENCE, OTHER). */
        static final List<String> PREFIXES = List.of("subject", "arts", "sports", "science", "other");
        /** The five columns of a kind, after its prefix. */
        static final List<String> FIELDS = List.of("AtStart", "AtEnd", "Approved", "Rectified", "Closed");
        private static final List<String> KIND_LABELS = List.of("学科类", "艺术类", "体育类", "科技类", "其他类");
        private static final List<String> FIELD_LABELS = List.of("年初机构数", "年末机构数", "审批登记数", "责令整改数",
                "取缔关停数");
        private static final List<String> FIELD_MEANINGS = List.of("1月1日的机构数", "12月31日的机构数", "当年审批登记的机构数",
                "当年责令整改的机构数", "当年取缔、关停的机构数（无论是否有证）");
        private static final List<String> EXAMPLE = List.of("12", "3", "0", "4", "9");

        private TrainingColumns() {
        }

        static List<ImportColumn> all() {
            List<ImportColumn> columns = new ArrayList<>(List.of(required("year", "年份", Cell.YEAR, "统计年份（自然年）", "2025")));
            for (int k = 0; k < PREFIXES.size(); k++) {
                for (int f = 0; f < FIELDS.size(); f++) {
                    columns.add(optional(PREFIXES.get(k) + FIELDS.get(f), KIND_LABELS.get(k) + FIELD_LABELS.get(f), Cell.COUNT,
                            KIND_LABELS.get(k) + FIELD_MEANINGS.get(f) + "；该类五列须同时填写或同时不填",
                            k == 0 ? EXAMPLE.get(f) : "").in("个"));
                }
            }
            columns.add(optional("inspections", "检查次数", Cell.COUNT, "专项检查、联合执法次数", "24").in("次"));
            columns.add(optional("complaintsHandled", "办结投诉举报数", Cell.COUNT, "受理并办结的投诉举报件数", "7").in("件"));
            return List.copyOf(columns);
        }
    }
}
