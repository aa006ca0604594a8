package cn.eduduty.report.readmodel;

/**
 * The values of {@code rm_county_fact.kind}: the registry's path name of each county fact, so the
 * projector and the readers spell them once.
 */
public final class CountyFactKinds {

    public static final String SENIOR_ENTRANCE = "senior-entrance";
    public static final String TEACHER_RECRUITMENT = "teacher-recruitment";
    public static final String TRAINING_INSTITUTIONS = "training-institutions";

    private CountyFactKinds() {
    }
}
