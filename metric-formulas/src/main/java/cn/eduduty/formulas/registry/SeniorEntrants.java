package cn.eduduty.formulas.registry;

import java.util.List;

import cn.eduduty.formulas.PeriodWording;

/** Senior-secondary entrants: the vocational share and the general : vocational ratio (普职比). */
final class SeniorEntrants {

    static final Metric VOCATIONAL_SHARE = Metric.catalogued("registry.senior.vocational_entrant_share");
    static final Metric GENERAL_VOCATIONAL_RATIO = Metric.catalogued("registry.senior.general_vocational_ratio");

    private SeniorEntrants() {
    }

    static List<RegistryFigure> figures(RegionData data) {
        int year = data.year();
        if (!data.hasDataFor(year)) {
            String reason = Tally.noSchoolYearData(year);
            return List.of(VOCATIONAL_SHARE.absent(reason), GENERAL_VOCATIONAL_RATIO.absent(reason));
        }
        long general = entrants(data, Stage.SENIOR);
        long vocational = entrants(data, Stage.VOCATIONAL);
        return List.of(
                VOCATIONAL_SHARE.percent(vocational, general + vocational,
                        PeriodWording.schoolYear(year) + "高中阶段招生数为0或未填报"),
                GENERAL_VOCATIONAL_RATIO.ratio(general, vocational, PeriodWording.schoolYear(year) + "中职学校招生数为0或未填报"));
    }

    private static long entrants(RegionData data, Stage stage) {
        return Tally.sum(Tally.flows(data, data.year(), stage, stage.firstGrade()), Flow::entrants);
    }
}
