package cn.eduduty.report.figures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The default periods of a report for evaluation year Y, as offsets from Y (../shared/domain.md
 * §5): the practice evaluates stock figures on school year Y (Y−1 when Y has no data yet),
 * completion figures on the school year that ended in the summer of Y (begun Y−1), entrance figures
 * on the intake of the autumn of Y, and the funding rules on fiscal year Y−1 against Y−2 (year Y is
 * not closed when the report is written). A province that evaluates otherwise changes these, or sets
 * the periods on a deadline or a request.
 */
@ConfigMapping(prefix = "eduduty.report.periods")
public interface PeriodDefaults {

    @WithDefault("0")
    int schoolYearOffset();

    /** Whether stock figures fall back one school year when the default one has no data. */
    @WithDefault("true")
    boolean schoolYearFallback();

    @WithDefault("-1")
    int completedSchoolYearOffset();

    @WithDefault("0")
    int entranceYearOffset();

    @WithDefault("-1")
    int fiscalYearOffset();
}
