package cn.eduduty.formulas.registry;

import java.util.List;
import java.util.Objects;

/**
 * What one school reported for one school year, as at 1 September.
 *
 * @param year       the calendar year the school year starts in (2024 means 2024-2025)
 * @param disability null when not reported
 * @param staff      null when not reported
 */
public record SchoolYear(String schoolCode, int year, List<ClassRoom> classes, List<Flow> flows,
        Disability disability, Staff staff) {

    public SchoolYear {
        Objects.requireNonNull(schoolCode, "schoolCode");
        classes = List.copyOf(classes);
        flows = List.copyOf(flows);
    }
}
