package cn.eduduty.formulas.registry;

/**
 * Students with disabilities enrolled by a school, by placement.
 *
 * @param regularClass  随班就读
 * @param specialClass  特教班
 * @param specialSchool 特教学校
 * @param homeDelivered 送教上门
 */
public record Disability(int regularClass, int specialClass, int specialSchool, int homeDelivered) {

    public Disability {
        Counts.nonNegative(regularClass, "regularClass");
        Counts.nonNegative(specialClass, "specialClass");
        Counts.nonNegative(specialSchool, "specialSchool");
        Counts.nonNegative(homeDelivered, "homeDelivered");
    }

    /** All placements together. */
    public int total() {
        return regularClass + specialClass + specialSchool + homeDelivered;
    }
}
