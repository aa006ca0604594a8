package cn.eduduty.registry.countyfact;

/** The facts a county records per year, as stored in {@code county_fact.kind}. */
enum CountyFactKind {
    SENIOR_ENTRANCE("senior-entrance", "Senior-secondary entrance"),
    TEACHER_RECRUITMENT("teacher-recruitment", "Teacher recruitment"),
    TRAINING_INSTITUTIONS("training-institutions", "Training institutions");

    private final String path;
    private final String title;

    CountyFactKind(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** The path segment under {@code /api/v1/counties/{county}/}, also the outbox aggregate type. */
    String path() {
        return path;
    }

    /** How problem details name it. */
    String title() {
        return title;
    }
}
