package cn.eduduty.registry.bulkimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
                    "ruralNewHires", "eligibleForRotation", "rotated", "rotatedBackbone", "newHiresPutonghua2B")),
    /** Records or replaces the county's senior-secondary entrance of every year that appears, one row each. */
    SENIOR_ENTRANCE(List.of("year", "juniorGraduates", "examTakers", "generalEntrants", "vocationalEntrantsInCounty",
            "vocationalEntrantsOutOfCounty", "generalEnrolmentPlan"), List.of("year", "generalEntrants",
                    "vocationalEntrantsInCounty", "vocationalEntrantsOutOfCounty")),
    /** Records or replaces the county's teacher recruitment of every year that appears, one row each. */
    TEACHER_RECRUITMENT(List.of("year", "recruited", "ruralRecruited"), List.of("year", "recruited", "ruralRecruited")),
    /**
     * Records or replaces the county's training institutions of every year that appears, one row each:
     * per kind (subject, arts, sports, science, other) five columns, e.g. subjectAtStart, subjectAtEnd,
     * subjectApproved, subjectRectified, subjectClosed; a kind is recorded when its columns are filled.
     */
    TRAINING_INSTITUTIONS(TrainingColumns.all(), List.of("year"));

    final List<String> columns;
    final List<String> required;

    ImportKind(List<String> columns, List<String> required) {
        this.columns = columns;
        this.required = required;
    }

    /** The kind as it appears in the path and in summaries, e.g. {@code senior-entrance}. */
    String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ImportKind ofPath(String path) {
        return valueOf(path.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The training-institutions sheet's columns (a holder, so the enum's constants can use them). */
    static final class TrainingColumns {

        /** The column prefix of each kind, in the registry's order of kinds (SUBJECT, ARTS, SPORTS, SCIENCE, OTHER). */
        static final List<String> PREFIXES = List.of("subject", "arts", "sports", "science", "other");
        /** The five columns of a kind, after its prefix. */
        static final List<String> FIELDS = List.of("AtStart", "AtEnd", "Approved", "Rectified", "Closed");

        private TrainingColumns() {
        }

        static List<String> all() {
            List<String> columns = new ArrayList<>(List.of("year"));
            PREFIXES.forEach(kind -> FIELDS.forEach(field -> columns.add(kind + field)));
            columns.addAll(List.of("inspections", "complaintsHandled"));
            return List.copyOf(columns);
        }
    }
}
