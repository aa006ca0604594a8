package cn.eduduty.contracts;

import java.util.List;
import java.util.Optional;

import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.contracts.funding.FiscalYearClosed;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.contracts.funding.PostingReversed;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationApproved;
import cn.eduduty.contracts.indicator.SelfEvaluationCreated;
import cn.eduduty.contracts.indicator.SelfEvaluationReturned;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationSubmitted;
import cn.eduduty.contracts.registry.PopulationRecorded;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.contracts.registry.SchoolClosed;
import cn.eduduty.contracts.registry.SchoolRegistered;
import cn.eduduty.contracts.registry.SchoolUpdated;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.contracts.report.ReportGenerated;

/** The catalogue of every event type the suite publishes. */
public final class EventTypes {

    public static final EventType<RegionChanged> REGION_CHANGED =
            new EventType<>("registry.region.changed", Topics.REGISTRY, RegionChanged.class, 1);

    public static final EventType<SchoolRegistered> SCHOOL_REGISTERED =
            new EventType<>("registry.school.registered", Topics.REGISTRY, SchoolRegistered.class, 1);

    public static final EventType<SchoolUpdated> SCHOOL_UPDATED =
            new EventType<>("registry.school.updated", Topics.REGISTRY, SchoolUpdated.class, 1);

    public static final EventType<SchoolClosed> SCHOOL_CLOSED =
            new EventType<>("registry.school.closed", Topics.REGISTRY, SchoolClosed.class, 1);

    public static final EventType<SchoolYearDataReplaced> SCHOOL_YEAR_DATA_REPLACED =
            new EventType<>("registry.school-year.replaced", Topics.REGISTRY, SchoolYearDataReplaced.class, 1);

    public static final EventType<PopulationRecorded> POPULATION_RECORDED =
            new EventType<>("registry.population.recorded", Topics.REGISTRY, PopulationRecorded.class, 1);

    public static final EventType<SeniorEntranceRecorded> SENIOR_ENTRANCE_RECORDED =
            new EventType<>("registry.senior-entrance.recorded", Topics.REGISTRY, SeniorEntranceRecorded.class, 1);

    public static final EventType<TeacherRecruitmentRecorded> TEACHER_RECRUITMENT_RECORDED =
            new EventType<>("registry.teacher-recruitment.recorded", Topics.REGISTRY, TeacherRecruitmentRecorded.class, 1);

    public static final EventType<TrainingInstitutionsRecorded> TRAINING_INSTITUTIONS_RECORDED =
            new EventType<>("registry.training-institutions.recorded", Topics.REGISTRY,
                    TrainingInstitutionsRecorded.class, 1);

    public static final EventType<FiscalContextRecorded> FISCAL_CONTEXT_RECORDED =
            new EventType<>("funding.fiscal-context.recorded", Topics.FUNDING, FiscalContextRecorded.class, 1);

    public static final EventType<PostingBooked> POSTING_BOOKED =
            new EventType<>("funding.posting.booked", Topics.FUNDING, PostingBooked.class, 1);

    public static final EventType<PostingReversed> POSTING_REVERSED =
            new EventType<>("funding.posting.reversed", Topics.FUNDING, PostingReversed.class, 1);

    public static final EventType<FiscalYearClosed> FISCAL_YEAR_CLOSED =
            new EventType<>("funding.fiscal-year.closed", Topics.FUNDING, FiscalYearClosed.class, 1);

    public static final EventType<FrameworkPublished> FRAMEWORK_PUBLISHED =
            new EventType<>("indicator.framework.published", Topics.INDICATOR, FrameworkPublished.class, 1);

    public static final EventType<SelfEvaluationCreated> SELF_EVALUATION_CREATED =
            new EventType<>("indicator.self-evaluation.created", Topics.INDICATOR, SelfEvaluationCreated.class, 1);

    public static final EventType<RatingRecorded> RATING_RECORDED =
            new EventType<>("indicator.rating.recorded", Topics.INDICATOR, RatingRecorded.class, 1);

    public static final EventType<SelfEvaluationSubmitted> SELF_EVALUATION_SUBMITTED =
            new EventType<>("indicator.self-evaluation.submitted", Topics.INDICATOR, SelfEvaluationSubmitted.class, 1);

    public static final EventType<SelfEvaluationReturned> SELF_EVALUATION_RETURNED =
            new EventType<>("indicator.self-evaluation.returned", Topics.INDICATOR, SelfEvaluationReturned.class, 1);

    public static final EventType<SelfEvaluationApproved> SELF_EVALUATION_APPROVED =
            new EventType<>("indicator.self-evaluation.approved", Topics.INDICATOR, SelfEvaluationApproved.class, 1);

    public static final EventType<SelfEvaluationSigningRecorded> SELF_EVALUATION_SIGNING_RECORDED =
            new EventType<>("indicator.self-evaluation.signing-recorded", Topics.INDICATOR,
                    SelfEvaluationSigningRecorded.class, 1);

    public static final EventType<ReportGenerated> REPORT_GENERATED =
            new EventType<>("report.report.generated", Topics.REPORT, ReportGenerated.class, 1);

    public static final List<EventType<?>> ALL = List.of(REGION_CHANGED, SCHOOL_REGISTERED, SCHOOL_UPDATED,
            SCHOOL_CLOSED, SCHOOL_YEAR_DATA_REPLACED, POPULATION_RECORDED, FISCAL_CONTEXT_RECORDED,
            SENIOR_ENTRANCE_RECORDED, TEACHER_RECRUITMENT_RECORDED, TRAINING_INSTITUTIONS_RECORDED,
            POSTING_BOOKED, POSTING_REVERSED, FISCAL_YEAR_CLOSED,
            FRAMEWORK_PUBLISHED, SELF_EVALUATION_CREATED, RATING_RECORDED, SELF_EVALUATION_SUBMITTED,
            SELF_EVALUATION_RETURNED, SELF_EVALUATION_APPROVED,
            SELF_EVALUATION_SIGNING_RECORDED,
            REPORT_GENERATED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
