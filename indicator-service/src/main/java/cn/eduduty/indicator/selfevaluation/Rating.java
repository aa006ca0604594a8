package cn.eduduty.indicator.selfevaluation;

/** How a county rates a third-level indicator. */
public enum Rating {
    FULLY("完全落实"),
    BASICALLY("基本落实"),
    NOT("尚未落实"),
    NOT_APPLICABLE("不适用");

    private final String chinese;

    Rating(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Weak ratings need a problem and an improvement measure. */
    boolean isWeak() {
        return this == BASICALLY || this == NOT;
    }
}
