package cn.eduduty.contracts.indicator;

/**
 * The values of {@link RatingRecorded#rating()}: how a county rates a third-level indicator, in the
 * order a report counts them (完全落实, 基本落实, 尚未落实, 不适用). Events carry the constant's name.
 */
public enum Rating {
    FULLY,
    BASICALLY,
    NOT,
    NOT_APPLICABLE
}
