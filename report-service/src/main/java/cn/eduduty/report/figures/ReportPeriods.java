package cn.eduduty.report.figures;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which periods a report for evaluation year Y evaluates (../shared/domain.md §5), resolved to
 * years: the stock school year, the completed school year, the entrance intake and the fiscal year.
 * The defaults are data ({@link PeriodDefaults}, configuration); a request or a deadline may set any
 * of them ({@link Choice}); the snapshot records the periods used.
 *
 * @param evaluationYear      Y, the year of the self-evaluation
 * @param schoolYear          stock figures: the school year begun 1 September of this year
 * @param schoolYearFallback  whether {@code schoolYear} is the year before the default because the
 *                            default school year has no data yet (said in the report)
 * @param completedSchoolYear completion figures: the school year that ended in the summer after it began
 * @param entranceYear        entrance figures: the intake of the autumn of this year
 * @param fiscalYear          funding rules and amounts: this fiscal year against the one before
 */
public record ReportPeriods(
        @Schema(examples = "2019") int evaluationYear,
        @Schema(examples = "2019", description = "Stock figures: school year begun 1 September of this year") int schoolYear,
        @Schema(description = "The default school year had no data, so the year before it was used") boolean schoolYearFallback,
        @Schema(examples = "2018", description = "Completion figures: the school year begun in the autumn of this year") int completedSchoolYear,
        @Schema(examples = "2019", description = "Entrance figures: the intake of the autumn of this year") int entranceYear,
        @Schema(examples = "2018", description = "Funding rules: this fiscal year against the one before") int fiscalYear) {

    /** Periods a caller sets; each one left out takes its default. */
    @Schema(name = "PeriodChoice", description = "Periods to evaluate instead of the defaults; each is optional")
    public record Choice(
            @Min(2000) @Max(2100)
            @Schema(examples = "2019", description = "Stock school year (default: the evaluation year, else the year before when it has no data)")
            Integer schoolYear,
            @Min(2000) @Max(2100)
            @Schema(examples = "2018", description = "Completed school year (default: the evaluation year − 1)")
            Integer completedSchoolYear,
            @Min(2000) @Max(2100)
            @Schema(examples = "2019", description = "Entrance intake year (default: the evaluation year)")
            Integer entranceYear,
            @Min(2000) @Max(2100)
            @Schema(examples = "2018", description = "Fiscal year of the funding rules (default: the evaluation year − 1)")
            Integer fiscalYear) {

        public static final Choice DEFAULTS = new Choice(null, null, null, null);

        public static Choice orDefaults(Choice choice) {
            return Optional.ofNullable(choice).orElse(DEFAULTS);
        }
    }
}
