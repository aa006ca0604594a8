package cn.eduduty.registry.bulkimport;

import java.util.List;

/**
 * The sheets a county imports from its annual statistics forms, with their columns (header row,
 * in any order; names as below). Documented in the service README.
 */
enum ImportKind {
    /** Registers or replaces schools. */
    SCHOOLS(List.of("code", "name", "type", "ownership", "inclusive", "townshipCentral", "area", "townshipCode", "openedOn"),
            List.of("code", "name", "type", "ownership", "area", "townshipCode", "openedOn")),
    /** Replaces the class roster of every (school, school year) that appears. */
    CLASSES(List.of("schoolCode", "schoolYear", "stage", "grade", "students", "commonLanguage"),
            List.of("schoolCode", "schoolYear", "stage", "grade", "students")),
    /** Replaces the enrolment flows of every (school, school year) that appears. */
    ENROLMENT(List.of("schoolCode", "schoolYear", "stage", "grade", "entrants", "graduates", "transfersIn", "transfersOut",
            "dropouts"), List.of("schoolCode", "schoolYear", "stage", "grade", "entrants", "graduates", "transfersIn",
                    "transfersOut", "dropouts")),
    /** Replaces the staff aggregates of every (school, school year) that appears, one row each. */
    STAFF(List.of("schoolCode", "schoolYear", "teachers", "newHires", "ruralNewHires", "eligibleForRotation", "rotated",
            "rotatedBackbone", "newHiresPutonghua2B"), List.of("schoolCode", "schoolYear", "teachers", "newHires",
                    "ruralNewHires", "eligibleForRotation", "rotated", "rotatedBackbone", "newHiresPutonghua2B"));

    final List<String> columns;
    final List<String> required;

    ImportKind(List<String> columns, List<String> required) {
        this.columns = columns;
        this.required = required;
    }
}
