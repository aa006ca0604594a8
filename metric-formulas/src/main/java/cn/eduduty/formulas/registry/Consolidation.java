package cn.eduduty.formulas.registry;

import java.util.List;
import java.util.stream.IntStream;

import cn.eduduty.formulas.PeriodWording;

/**
 * Cohort consolidation rates (巩固率), adjusted for transfers.
 *
 * <p>For a stage whose entry grade is {@code e} and graduating grade {@code l}, the rate in year
 * {@code Y} is the graduates of grade {@code l} in {@code Y} divided by the cohort: the entrants of
 * grade {@code e} in year {@code Y − (l − e)}, plus transfers in and minus transfers out of grade
 * {@code g} in year {@code Y − (l − g)} for every grade {@code g} of the stage. Dropouts are losses
 * and do not adjust the cohort. All sums run over every school that reported in those years,
 * including schools closed since.
 */
final class Consolidation {

    static final Metric PRIMARY = Metric.catalogued("registry.primary.consolidation_rate");
    static final Metric JUNIOR = Metric.catalogued("registry.junior.consolidation_rate");

    private Consolidation() {
    }

    static RegistryFigure primary(RegionData data) {
        return rate(data, PRIMARY, Stage.PRIMARY);
    }

    static RegistryFigure junior(RegionData data) {
        return rate(data, JUNIOR, Stage.JUNIOR);
    }

    private static RegistryFigure rate(RegionData data, Metric metric, Stage stage) {
        int year = data.year();
        int entryGrade = stage.firstGrade();
        int lastGrade = stage.lastGrade();
        int entryYear = year - (lastGrade - entryGrade);

        List<Integer> missing = IntStream.rangeClosed(entryYear, year).filter(y -> !data.hasDataFor(y))
                .boxed().toList();
        if (!missing.isEmpty()) {
            return metric.absent(
                    PeriodWording.schoolYears(missing) + "无学校填报数据（巩固率需要该届学生入学以来各学年的数据）");
        }
        long entrants = Tally.sum(Tally.flows(data, entryYear, stage, entryGrade), Flow::entrants);
        if (entrants == 0) {
            return metric.absent(PeriodWording.schoolYear(entryYear) + PeriodWording.grade(entryGrade) + "招生数为0或未填报");
        }
        List<Flow> graduating = Tally.flows(data, year, stage, lastGrade);
        if (graduating.isEmpty()) {
            return metric.absent(PeriodWording.schoolYear(year) + "无" + PeriodWording.grade(lastGrade) + "毕业生数据");
        }
        long netTransfers = IntStream.rangeClosed(entryGrade, lastGrade)
                .mapToLong(grade -> Tally.sum(Tally.flows(data, year - (lastGrade - grade), stage, grade),
                        Flow::netTransfers))
                .sum();
        long cohort = entrants + netTransfers;
        return metric.percent(Tally.sum(graduating, Flow::graduates), cohort,
                PeriodWording.schoolYear(entryYear) + "入学的该届学生经转入转出调整后人数不为正（招生" + entrants
                        + "人，净转入" + netTransfers + "人）");
    }
}
