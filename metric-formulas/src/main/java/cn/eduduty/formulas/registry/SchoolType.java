package cn.eduduty.formulas.registry;

/** The type of a school (学校类型), as on the annual statistics forms. */
public enum SchoolType {
    KINDERGARTEN("幼儿园"),
    PRIMARY("小学"),
    TEACHING_POINT("教学点"),
    NINE_YEAR("九年一贯制学校"),
    JUNIOR_MIDDLE("初级中学"),
    COMPLETE_MIDDLE("完全中学"),
    SENIOR_HIGH("高级中学"),
    TWELVE_YEAR("十二年一贯制学校"),
    VOCATIONAL("中等职业学校"),
    SPECIAL_EDUCATION("特殊教育学校");

    private final String label;

    SchoolType(String label) {
        this.label = label;
    }

    /** The Chinese name used in report labels, e.g. 幼儿园. */
    public String label() {
        return label;
    }
}
