package cn.eduduty.formulas.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the registry's report figures for one region and one school year {@code Y}
 * ({@link RegionData#year()}). Pure: no I/O, no clock; the same data gives the same figures in
 * the same order, and every key below is always in the list, present or absent.
 *
 * <p>Percentages are {@code numerator × 100 ÷ denominator} over integer counts summed across the
 * region (never an average of schools' percentages), two decimals, half-up. A figure is absent,
 * with a reason, when an input it needs is missing or its denominator is zero; it is never
 * reported as zero for want of data. Labels, definitions and absent reasons reach the report
 * document, so they are plain Simplified Chinese that names the period in the words of
 * {@link cn.eduduty.formulas.PeriodWording} ("2024—2025学年无学校填报数据", "无2024年常住人口数据");
 * only region codes and digits appear in them. "The year's data" means the {@link SchoolYear}s filed under
 * {@code Y}; a year with none is a year without data. Class, student, flow and staff sums run over
 * every school year filed, whether or not its school is among {@link RegionData#schools()} (a school
 * closed since still belongs to its cohorts); figures that need a school's type or ownership use
 * the schools list, and only schools of type {@link SchoolType#KINDERGARTEN} count as kindergartens.
 *
 * <ol>
 * <li>{@code registry.schools.<type>.<ownership>} and {@code registry.schools.total}: schools open in
 * {@code Y} ({@link RegionData#schools()}), by {@link SchoolType} and {@link Ownership}.</li>
 * <li>{@code registry.classes.<stage>}, {@code registry.students.<stage>}: teaching classes and their
 * students, per {@link Stage}, over the year's data.</li>
 * <li>{@code registry.compulsory.large_class_share} / {@code super_large_class_share}: classes of
 * 56–65 / 66+ students ÷ all primary and junior classes together; {@code registry.compulsory.large_classes}
 * / {@code super_large_classes}: the counts; {@code registry.senior.large_class_share} /
 * {@code super_large_class_share}: the same over senior (general) classes only.</li>
 * <li>{@code registry.primary.consolidation_rate}, {@code registry.junior.consolidation_rate}:
 * graduates of grade 6 (9) in {@code Y} ÷ entrants of grade 1 in {@code Y−5} (grade 7 in {@code Y−2})
 * plus transfers in minus transfers out of that cohort in every grade; dropouts do not adjust the
 * cohort. Absent if any cohort year has no data. May exceed 100%, and is then reported as
 * computed.</li>
 * <li>{@code registry.preschool.gross_enrolment_rate}: preschool students of any age ÷ residents aged
 * 3–5; {@code registry.senior.gross_enrolment_rate}: senior and vocational students ÷ residents aged
 * 15–17. Needs a {@link Population} of year {@code Y}.</li>
 * <li>{@code registry.preschool.inclusive_coverage}: preschool students in public and inclusive
 * private kindergartens ÷ preschool students in all kindergartens;
 * {@code registry.preschool.inclusive_kindergarten_share}: the same by number of kindergartens.</li>
 * <li>{@code registry.preschool.township_central_kindergarten_coverage}: townships of the region with
 * at least one public township central kindergarten ÷ townships of the region.</li>
 * <li>{@code registry.senior.vocational_entrant_share}: vocational grade-10 entrants ÷ all grade-10
 * entrants (general and vocational); {@code registry.senior.general_vocational_ratio} (RATIO): general
 * ÷ vocational entrants, the 普职比.</li>
 * <li>{@code registry.special.disabled_children_enrolment_rate}: students with disabilities in every
 * placement ÷ identified school-age children with disabilities.</li>
 * <li>{@code registry.language.common_language_class_coverage}: classes taught in the national common
 * language ÷ all classes.</li>
 * <li>{@code registry.teachers.headcount}, {@code new_hires}, {@code rural_new_hires} (counts);
 * {@code rotation_share} = rotated ÷ eligible; {@code backbone_rotation_share} = backbone rotated ÷
 * rotated; {@code new_hire_putonghua_share} = new hires with Putonghua 2B or better ÷ new hires;
 * {@code rural_new_hire_share} = rural new hires ÷ new hires. Summed over schools that reported
 * staff; absent if none did.</li>
 * </ol>
 */
public final class RegistryStatistics {

    private RegistryStatistics() {
    }

    /** Every figure for the region and year, in a stable order. */
    public static List<RegistryFigure> compute(RegionData data) {
        Objects.requireNonNull(data, "data");
        List<RegistryFigure> figures = new ArrayList<>();
        figures.addAll(SchoolCounts.figures(data));
        figures.addAll(ClassFigures.byStage(data));
        figures.addAll(ClassFigures.sizes(data));
        figures.add(Consolidation.primary(data));
        figures.add(Consolidation.junior(data));
        figures.add(EnrolmentRates.preschoolGross(data));
        figures.add(EnrolmentRates.seniorGross(data));
        figures.addAll(Preschool.figures(data));
        figures.addAll(SeniorEntrants.figures(data));
        figures.add(EnrolmentRates.disabledChildren(data));
        figures.add(ClassFigures.commonLanguage(data));
        figures.addAll(Teachers.figures(data));
        return List.copyOf(figures);
    }

    /** The figures by key, in their order; a key given twice is an error. */
    public static Map<String, RegistryFigure> byKey(List<RegistryFigure> figures) {
        Map<String, RegistryFigure> byKey = new LinkedHashMap<>();
        for (RegistryFigure figure : figures) {
            if (byKey.putIfAbsent(figure.key(), figure) != null) {
                throw new IllegalArgumentException("figure " + figure.key() + " is given twice");
            }
        }
        return Collections.unmodifiableMap(byKey);
    }
}
