package cn.eduduty.formulas.registry;

/** Argument checks shared by the input records. */
final class Counts {

    private Counts() {
    }

    static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    static int gradeOf(Stage stage, int grade) {
        if (stage == null) {
            throw new NullPointerException("stage");
        }
        if (!stage.hasGrade(grade)) {
            throw new IllegalArgumentException("grade " + grade + " is not a grade of " + stage
                    + " (" + stage.firstGrade() + "–" + stage.lastGrade() + ")");
        }
        return grade;
    }
}
