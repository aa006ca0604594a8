package cn.eduduty.formulas.registry;

/**
 * The enrolment flows of one grade of one school during one school year.
 *
 * @param entrants     new students starting the stage in this grade (招生数)
 * @param graduates    students completing the stage (毕业生数)
 * @param transfersIn  students transferred in (转入)
 * @param transfersOut students transferred out (转出)
 * @param dropouts     students who left without transferring (辍学); a loss, never an adjustment
 */
public record Flow(Stage stage, int grade, int entrants, int graduates, int transfersIn, int transfersOut,
        int dropouts) {

    public Flow {
        Counts.gradeOf(stage, grade);
        Counts.nonNegative(entrants, "entrants");
        Counts.nonNegative(graduates, "graduates");
        Counts.nonNegative(transfersIn, "transfersIn");
        Counts.nonNegative(transfersOut, "transfersOut");
        Counts.nonNegative(dropouts, "dropouts");
    }

    /** Whether this flow is of {@code stage}, grade {@code grade}. */
    public boolean isOf(Stage stage, int grade) {
        return this.stage == stage && this.grade == grade;
    }

    /** Transfers in minus transfers out. */
    public int netTransfers() {
        return transfersIn - transfersOut;
    }
}
