package cn.eduduty.formulas.registry;

/**
 * The type of a school (学校类型), as on the annual statistics forms, with the two-digit school
 * category that opens its identification code (学校标识码 AABBCCCCCC): a teaching point is a
 * primary school's, a nine-year school is filed with the junior middle schools (312) and a
 * twelve-year school with the senior ones (345), as the national school category codes do.
 */
public enum SchoolType {
    KINDERGARTEN("幼儿园", "11"),
    PRIMARY("小学", "21"),
    TEACHING_POINT("教学点", "21"),
    NINE_YEAR("九年一贯制学校", "31"),
    JUNIOR_MIDDLE("初级中学", "31"),
    COMPLETE_MIDDLE("完全中学", "34"),
    SENIOR_HIGH("高级中学", "34"),
    TWELVE_YEAR("十二年一贯制学校", "34"),
    VOCATIONAL("中等职业学校", "36"),
    SPECIAL_EDUCATION("特殊教育学校", "51");

    private final String label;
    private final String category;

    SchoolType(String label, String category) {
        this.label = label;
        this.category = category;
    }

    /** The two digits a school of this type's identification code starts with, e.g. 11 for a kindergarten. */
    public String category() {
        return category;
    }

    /** The Chinese name used in report labels, e.g. 幼儿园. */
    public String label() {
        return label;
    }
}
