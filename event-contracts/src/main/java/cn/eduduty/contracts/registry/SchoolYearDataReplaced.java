package cn.eduduty.contracts.registry;

import java.util.List;

/**
 * A school's data for one school year (snapshot as at 1 September) was replaced as a whole: every
 * class, the enrolment flows per grade, students with disabilities by placement and the staff
 * aggregates, so the read model can recompute any figure for any region without a call back.
 */
public record SchoolYearDataReplaced(
        String schoolCode,
        String countyCode,
        String townshipCode,
        int schoolYear,
        List<ClassRoom> classes,
        List<Flow> flows,
        Disability disability,
        Staff staff,
        long version) {

    public record ClassRoom(String stage, int grade, int students, boolean commonLanguage) {
    }

    public record Flow(String stage, int grade, int entrants, int graduates, int transfersIn, int transfersOut,
            int dropouts) {
    }

    public record Disability(int regularClass, int specialClass, int specialSchool, int homeDelivered) {
    }

    public record Staff(int teachers, int newHires, int ruralNewHires, int eligibleForRotation, int rotated,
            int rotatedBackbone, int newHiresPutonghua2B) {
    }
}
