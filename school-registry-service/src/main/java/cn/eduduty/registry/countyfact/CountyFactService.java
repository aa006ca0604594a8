package cn.eduduty.registry.countyfact;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.registry.countyfact.api.SeniorEntranceRequest;
import cn.eduduty.registry.countyfact.api.SeniorEntranceResponse;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentRequest;
import cn.eduduty.registry.countyfact.api.TeacherRecruitmentResponse;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsRequest;
import cn.eduduty.registry.countyfact.api.TrainingInstitutionsResponse;
import cn.eduduty.registry.region.RegionLookup;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

/**
 * Records a county's facts of a year (each replaced whole, under If-Match) and publishes each
 * change in the same transaction: {@code registry.senior-entrance.recorded},
 * {@code registry.teacher-recruitment.recorded}, {@code registry.training-institutions.recorded}.
 */
@ApplicationScoped
public class CountyFactService {

    private final CountyFactQueries queries;
    private final RegionLookup regions;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    CountyFactService(CountyFactQueries queries, RegionLookup regions, Outbox outbox, ObjectMapper mapper) {
        this.queries = queries;
        this.regions = regions;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public record Saved<T>(T fact, long version, boolean created) {
    }

    /** The rules between a fact's fields (each count's range is the request's own), for importers. */
    public static List<Violation> check(SeniorEntranceRequest request) {
        return CountyFactRules.check(request);
    }

    public static List<Violation> check(TeacherRecruitmentRequest request) {
        return CountyFactRules.check(request);
    }

    public static List<Violation> check(TrainingInstitutionsRequest request) {
        return CountyFactRules.check(request);
    }

    /**
     * What a sheet row quotes as If-Match to replace whatever the year holds: the stored version's
     * ETag, or none when nothing is stored yet (an If-Match on a missing year is 412).
     */
    @Transactional
    public String storedTag(String kind, String county, int year) {
        return queries.find(CountyFactKind.valueOf(kind), county, year).map(s -> "\"" + s.version() + "\"").orElse(null);
    }

    // senior-secondary entrance

    @Transactional
    public Saved<SeniorEntranceResponse> putSeniorEntrance(String county, int year, SeniorEntranceRequest r, String ifMatch,
            String principal) {
        require(county, CountyFactRules.check(r));
        long version = save(CountyFactKind.SENIOR_ENTRANCE, county, year, json(r), ifMatch, principal);
        outbox.publish(EventTypes.SENIOR_ENTRANCE_RECORDED, CountyFactKind.SENIOR_ENTRANCE.path(), county + "/" + year,
                county, new SeniorEntranceRecorded(county, year, r.juniorGraduates(), r.examTakers(), r.generalEntrants(),
                        r.vocationalEntrantsInCounty(), r.vocationalEntrantsOutOfCounty(), r.generalEnrolmentPlan(), version), principal);
        return new Saved<>(seniorEntrance(county, year), version, version == 0);
    }

    @Transactional
    public SeniorEntranceResponse seniorEntrance(String county, int year) {
        return one(CountyFactKind.SENIOR_ENTRANCE, county, year, s -> seniorEntrance(county, s));
    }

    @Transactional
    public Page<SeniorEntranceResponse> seniorEntrances(String county, PageRequest page) {
        return page(CountyFactKind.SENIOR_ENTRANCE, county, page, s -> seniorEntrance(county, s));
    }

    private SeniorEntranceResponse seniorEntrance(String county, CountyFactQueries.Stored s) {
        SeniorEntranceRequest r = parse(s, SeniorEntranceRequest.class);
        return new SeniorEntranceResponse(county, s.year(), r.juniorGraduates(), r.examTakers(), r.generalEntrants(),
                r.vocationalEntrantsInCounty(), r.vocationalEntrantsOutOfCounty(), r.generalEnrolmentPlan(), s.recordedBy(),
                s.version());
    }

    // teacher recruitment

    @Transactional
    public Saved<TeacherRecruitmentResponse> putTeacherRecruitment(String county, int year, TeacherRecruitmentRequest r,
            String ifMatch, String principal) {
        require(county, CountyFactRules.check(r));
        long version = save(CountyFactKind.TEACHER_RECRUITMENT, county, year, json(r), ifMatch, principal);
        outbox.publish(EventTypes.TEACHER_RECRUITMENT_RECORDED, CountyFactKind.TEACHER_RECRUITMENT.path(),
                county + "/" + year, county,
                new TeacherRecruitmentRecorded(county, year, r.recruited(), r.ruralRecruited(), version), principal);
        return new Saved<>(teacherRecruitment(county, year), version, version == 0);
    }

    @Transactional
    public TeacherRecruitmentResponse teacherRecruitment(String county, int year) {
        return one(CountyFactKind.TEACHER_RECRUITMENT, county, year, s -> teacherRecruitment(county, s));
    }

    @Transactional
    public Page<TeacherRecruitmentResponse> teacherRecruitments(String county, PageRequest page) {
        return page(CountyFactKind.TEACHER_RECRUITMENT, county, page, s -> teacherRecruitment(county, s));
    }

    private TeacherRecruitmentResponse teacherRecruitment(String county, CountyFactQueries.Stored s) {
        TeacherRecruitmentRequest r = parse(s, TeacherRecruitmentRequest.class);
        return new TeacherRecruitmentResponse(county, s.year(), r.recruited(), r.ruralRecruited(), s.recordedBy(),
                s.version());
    }

    // off-campus training institutions

    @Transactional
    public Saved<TrainingInstitutionsResponse> putTrainingInstitutions(String county, int year,
            TrainingInstitutionsRequest request, String ifMatch, String principal) {
        require(county, CountyFactRules.check(request));
        TrainingInstitutionsRequest r = new TrainingInstitutionsRequest(CountyFactRules.ordered(request.kinds()),
                request.inspections(), request.complaintsHandled());
        long version = save(CountyFactKind.TRAINING_INSTITUTIONS, county, year, json(r), ifMatch, principal);
        outbox.publish(EventTypes.TRAINING_INSTITUTIONS_RECORDED, CountyFactKind.TRAINING_INSTITUTIONS.path(),
                county + "/" + year, county, new TrainingInstitutionsRecorded(county, year, r.kinds().stream()
                        .map(k -> new TrainingInstitutionsRecorded.Kind(k.kind(), k.atStart(), k.atEnd(), k.approved(),
                                k.rectified(), k.closed()))
                        .toList(), r.inspections(), r.complaintsHandled(), version), principal);
        return new Saved<>(trainingInstitutions(county, year), version, version == 0);
    }

    @Transactional
    public TrainingInstitutionsResponse trainingInstitutions(String county, int year) {
        return one(CountyFactKind.TRAINING_INSTITUTIONS, county, year, s -> trainingInstitutions(county, s));
    }

    @Transactional
    public Page<TrainingInstitutionsResponse> trainingInstitutions(String county, PageRequest page) {
        return page(CountyFactKind.TRAINING_INSTITUTIONS, county, page, s -> trainingInstitutions(county, s));
    }

    private TrainingInstitutionsResponse trainingInstitutions(String county, CountyFactQueries.Stored s) {
        TrainingInstitutionsRequest r = parse(s, TrainingInstitutionsRequest.class);
        return new TrainingInstitutionsResponse(county, s.year(), r.kinds(), r.inspections(), r.complaintsHandled(),
                s.recordedBy(), s.version());
    }

    // shared

    /** Field violations answer 400; a county that is not registered as one answers 422. */
    private void require(String county, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (!regions.level(county).equals(Optional.of(RegionCode.Level.COUNTY))) {
            throw ProblemException.ruleViolated("County " + county + " is not registered as a county");
        }
    }

    /**
     * Records the fact, or replaces it when {@code If-Match} quotes the stored version (428 without
     * it, 412 when stale or changed meanwhile); returns the new version.
     */
    private long save(CountyFactKind kind, String county, int year, String json, String ifMatch, String principal) {
        CountyFactQueries.Stored current = queries.find(kind, county, year).orElse(null);
        if (current == null) {
            Versions.requireNoMatch(ifMatch, kind.title() + " " + county + "/" + year);
            if (!queries.insert(kind, county, year, json, principal)) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        kind.title() + " " + county + "/" + year + " was recorded by someone else meanwhile; fetch it and retry");
            }
            return 0;
        }
        Versions.requireMatch(ifMatch, current.version());
        long version = current.version() + 1;
        if (!queries.update(kind, county, year, json, current.version(), version, principal)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    kind.title() + " " + county + "/" + year + " was changed by someone else; fetch it again and retry");
        }
        return version;
    }

    private <T> T one(CountyFactKind kind, String county, int year, Function<CountyFactQueries.Stored, T> response) {
        return response.apply(queries.find(kind, county, year)
                .orElseThrow(() -> ProblemException.notFound(kind.title(), county + "/" + year)));
    }

    private <T> Page<T> page(CountyFactKind kind, String county, PageRequest page,
            Function<CountyFactQueries.Stored, T> response) {
        return Page.of(queries.list(kind, county, page.size(), page.offset()).stream().map(response).toList(), page,
                queries.count(kind, county));
    }

    private String json(Object fact) {
        try {
            return mapper.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T parse(CountyFactQueries.Stored stored, Class<T> type) {
        try {
            return mapper.readValue(stored.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored county fact of " + stored.year() + " is not a " + type.getSimpleName(), e);
        }
    }
}
