package cn.eduduty.formulas.registry;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.formulas.PeriodWording;

/**
 * Figures over teaching classes of the year: classes and students by stage, large and
 * super-large classes, and national common language coverage.
 */
final class ClassFigures {

    static final Metric COMPULSORY_LARGE_SHARE = Metric.catalogued("registry.compulsory.large_class_share");
    static final Metric COMPULSORY_SUPER_LARGE_SHARE =
            Metric.catalogued("registry.compulsory.super_large_class_share");
    static final Metric COMPULSORY_LARGE = Metric.catalogued("registry.compulsory.large_classes");
    static final Metric COMPULSORY_SUPER_LARGE = Metric.catalogued("registry.compulsory.super_large_classes");
    static final Metric SENIOR_LARGE_SHARE = Metric.catalogued("registry.senior.large_class_share");
    static final Metric SENIOR_SUPER_LARGE_SHARE = Metric.catalogued("registry.senior.super_large_class_share");
    static final Metric COMMON_LANGUAGE = Metric.catalogued("registry.language.common_language_class_coverage");

    private ClassFigures() {
    }

    /** Classes of every stage, then students of every stage. */
    static List<RegistryFigure> byStage(RegionData data) {
        List<RegistryFigure> figures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            figures.add(classCount(data, stage));
        }
        for (Stage stage : Stage.values()) {
            figures.add(studentCount(data, stage));
        }
        return figures;
    }

    /** Large and super-large class shares: compulsory (primary and junior together), then senior. */
    static List<RegistryFigure> sizes(RegionData data) {
        int year = data.year();
        if (!data.hasDataFor(year)) {
            String reason = Tally.noSchoolYearData(year);
            return List.of(COMPULSORY_LARGE_SHARE.absent(reason), COMPULSORY_SUPER_LARGE_SHARE.absent(reason),
                    COMPULSORY_LARGE.absent(reason), COMPULSORY_SUPER_LARGE.absent(reason),
                    SENIOR_LARGE_SHARE.absent(reason), SENIOR_SUPER_LARGE_SHARE.absent(reason));
        }
        List<ClassRoom> compulsory = Tally.classesOf(data, year, Stage.PRIMARY, Stage.JUNIOR);
        long large = Tally.count(compulsory, ClassRoom::isLarge);
        long superLarge = Tally.count(compulsory, ClassRoom::isSuperLarge);
        String noCompulsory = PeriodWording.schoolYear(year) + "无小学和初中教学班";

        List<ClassRoom> senior = Tally.classesOf(data, year, Stage.SENIOR);
        String noSenior = PeriodWording.schoolYear(year) + "无普通高中教学班";

        return List.of(
                COMPULSORY_LARGE_SHARE.percent(large, compulsory.size(), noCompulsory),
                COMPULSORY_SUPER_LARGE_SHARE.percent(superLarge, compulsory.size(), noCompulsory),
                COMPULSORY_LARGE.count(large),
                COMPULSORY_SUPER_LARGE.count(superLarge),
                SENIOR_LARGE_SHARE.percent(Tally.count(senior, ClassRoom::isLarge), senior.size(), noSenior),
                SENIOR_SUPER_LARGE_SHARE.percent(Tally.count(senior, ClassRoom::isSuperLarge), senior.size(),
                        noSenior));
    }

    /** Classes taught in the national common language, over all classes of every stage. */
    static RegistryFigure commonLanguage(RegionData data) {
        int year = data.year();
        if (!data.hasDataFor(year)) {
            return COMMON_LANGUAGE.absent(Tally.noSchoolYearData(year));
        }
        List<ClassRoom> all = Tally.classes(data, year).toList();
        return COMMON_LANGUAGE.percent(Tally.count(all, ClassRoom::commonLanguage), all.size(),
                PeriodWording.schoolYear(year) + "无教学班");
    }

    static String classesKey(Stage stage) {
        return "registry.classes." + Metric.keyPart(stage);
    }

    static String studentsKey(Stage stage) {
        return "registry.students." + Metric.keyPart(stage);
    }

    private static RegistryFigure classCount(RegionData data, Stage stage) {
        Metric metric = Metric.catalogued(classesKey(stage));
        if (!data.hasDataFor(data.year())) {
            return metric.absent(Tally.noSchoolYearData(data.year()));
        }
        return metric.count(Tally.classesOf(data, data.year(), stage).size());
    }

    private static RegistryFigure studentCount(RegionData data, Stage stage) {
        Metric metric = Metric.catalogued(studentsKey(stage));
        if (!data.hasDataFor(data.year())) {
            return metric.absent(Tally.noSchoolYearData(data.year()));
        }
        return metric.count(Tally.students(Tally.classesOf(data, data.year(), stage).stream()));
    }
}
