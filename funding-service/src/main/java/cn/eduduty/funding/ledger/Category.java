package cn.eduduty.funding.ledger;

/** The education money categories a report reads (../shared/domain.md §3). */
public enum Category {
    /** 政府教育拨款 — appropriations from the treasury to education. */
    APPROPRIATION,
    /** 一般公共预算教育支出 (not elsewhere classified). */
    GENERAL_BUDGET_EDUCATION,
    /** 生均公用经费, by stage. */
    PER_STUDENT_PUBLIC_FUNDS,
    /** 地方教育附加. */
    LOCAL_EDUCATION_SURCHARGE,
    /** 特殊教育补助. */
    SPECIAL_EDUCATION_SUBSIDY,
    /** 基本建设（校舍、宿舍）. */
    CAPITAL_PROJECTS,
    /** 教师工资. */
    TEACHER_PAY,
    /** 其他教育支出. */
    OTHER_EDUCATION
}
