package cn.eduduty.contracts.indicator;

/**
 * The values of {@link RatingRecorded#rating()}: how a county rates a third-level indicator, in the
 * order a report counts them (完全落实, 基本落实, 尚未落实, 不适用). Events carry the constant's name.
 */
public enum Rating {
    FULLY("完全落实"),
    BASICALLY("基本落实"),
    NOT("尚未落实"),
    NOT_APPLICABLE("不适用");

    private final String chinese;

    Rating(String chinese) {
        this.chinese = chinese;
    }

    /** The rating as a report and the county's forms write it. */
    public String chinese() {
        return chinese;
    }

    /** A weak rating (基本落实, 尚未落实) needs a problem and an improvement measure. */
    public boolean isWeak() {
        return this == BASICALLY || this == NOT;
    }
}
