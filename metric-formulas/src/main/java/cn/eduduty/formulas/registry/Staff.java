package cn.eduduty.formulas.registry;

/**
 * The teachers of a school in one school year, as reported. Counts are facts as entered; they are
 * not checked against each other (a report may flag, e.g., more rotated than eligible teachers).
 *
 * @param teachers            teacher headcount
 * @param newHires            teachers newly hired this year (新任教师)
 * @param ruralNewHires       of them, hired into rural schools (农村学校)
 * @param eligibleForRotation teachers eligible for exchange and rotation (符合交流轮岗条件)
 * @param rotated             teachers who rotated (交流轮岗)
 * @param rotatedBackbone     of them, backbone teachers (骨干教师)
 * @param newHiresPutonghua2B new hires with Putonghua level 2B or better (普通话二级乙等及以上)
 */
public record Staff(int teachers, int newHires, int ruralNewHires, int eligibleForRotation, int rotated,
        int rotatedBackbone, int newHiresPutonghua2B) {

    public Staff {
        Counts.nonNegative(teachers, "teachers");
        Counts.nonNegative(newHires, "newHires");
        Counts.nonNegative(ruralNewHires, "ruralNewHires");
        Counts.nonNegative(eligibleForRotation, "eligibleForRotation");
        Counts.nonNegative(rotated, "rotated");
        Counts.nonNegative(rotatedBackbone, "rotatedBackbone");
        Counts.nonNegative(newHiresPutonghua2B, "newHiresPutonghua2B");
    }
}
