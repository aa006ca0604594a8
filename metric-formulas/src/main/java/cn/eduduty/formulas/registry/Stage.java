package cn.eduduty.formulas.registry;

/**
 * A stage of education (学段) and the grades it spans. Grades are numbered as on the statistics
 * forms: kindergarten years 1–3 (小班, 中班, 大班), primary 1–6, junior 7–9, senior and
 * vocational 10–12; special education 1–12.
 */
public enum Stage {
    PRESCHOOL(1, 3, "学前教育", "在园幼儿数"),
    PRIMARY(1, 6, "小学", "小学在校生数"),
    JUNIOR(7, 9, "初中", "初中在校生数"),
    SENIOR(10, 12, "普通高中", "普通高中在校生数"),
    VOCATIONAL(10, 12, "中等职业教育", "中职在校生数"),
    SPECIAL(1, 12, "特殊教育", "特殊教育在校生数");

    private final int firstGrade;
    private final int lastGrade;
    private final String label;
    private final String studentsLabel;

    Stage(int firstGrade, int lastGrade, String label, String studentsLabel) {
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
        this.label = label;
        this.studentsLabel = studentsLabel;
    }

    /** The lowest valid grade of this stage (its entry grade). */
    public int firstGrade() {
        return firstGrade;
    }

    /** The highest valid grade of this stage (its graduating grade). */
    public int lastGrade() {
        return lastGrade;
    }

    /** Whether {@code grade} lies in {@link #firstGrade()}–{@link #lastGrade()}. */
    public boolean hasGrade(int grade) {
        return grade >= firstGrade && grade <= lastGrade;
    }

    /** The Chinese name of the stage, e.g. 普通高中. */
    public String label() {
        return label;
    }

    /** The Chinese name of its student count, e.g. 在园幼儿数 or 小学在校生数. */
    public String studentsLabel() {
        return studentsLabel;
    }
}
