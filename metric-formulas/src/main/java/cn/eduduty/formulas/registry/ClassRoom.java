package cn.eduduty.formulas.registry;

/**
 * One teaching class (教学班) at the 1 September snapshot.
 *
 * @param grade          a grade of {@code stage} (see {@link Stage#hasGrade(int)})
 * @param students       students on the class register
 * @param commonLanguage whether the class is taught in the national common language (国家通用语言文字)
 */
public record ClassRoom(Stage stage, int grade, int students, boolean commonLanguage) {

    public ClassRoom {
        Counts.gradeOf(stage, grade);
        Counts.nonNegative(students, "students");
    }

    /** 大班额: 56–65 students. */
    public boolean isLarge() {
        return students >= 56 && students <= 65;
    }

    /** 超大班额: 66 students or more. */
    public boolean isSuperLarge() {
        return students >= 66;
    }
}
