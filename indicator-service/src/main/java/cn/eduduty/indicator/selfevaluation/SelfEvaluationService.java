package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationApproved;
import cn.eduduty.contracts.indicator.SelfEvaluationCreated;
import cn.eduduty.contracts.indicator.SelfEvaluationReturned;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.contracts.indicator.SelfEvaluationSubmitted;
import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.indicator.framework.FrameworkService.PublishedFramework;
import cn.eduduty.indicator.framework.FrameworkService;
import cn.eduduty.indicator.framework.IndicatorCode;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.selfevaluation.SelfEvaluationRepositories.RatingChanges;
import cn.eduduty.indicator.selfevaluation.SelfEvaluationRepositories.Ratings;
import cn.eduduty.indicator.selfevaluation.SelfEvaluationRepositories.ReviewComments;
import cn.eduduty.indicator.selfevaluation.SelfEvaluationRepositories.SelfEvaluations;
import cn.eduduty.indicator.selfevaluation.Workflow.Action;
import cn.eduduty.indicator.selfevaluation.api.CreateSelfEvaluationRequest;
import cn.eduduty.indicator.selfevaluation.api.EvidenceItem;
import cn.eduduty.indicator.selfevaluation.api.ImprovementMeasure;
import cn.eduduty.indicator.selfevaluation.api.NotablePractice;
import cn.eduduty.indicator.selfevaluation.api.RatingChangeResponse;
import cn.eduduty.indicator.selfevaluation.api.RatingResponse;
import cn.eduduty.indicator.selfevaluation.api.RecordRatingRequest;
import cn.eduduty.indicator.selfevaluation.api.RecordSigningRequest;
import cn.eduduty.indicator.selfevaluation.api.ReturnRequest;
import cn.eduduty.indicator.selfevaluation.api.ReviewCommentResponse;
import cn.eduduty.indicator.selfevaluation.api.SelfEvaluationResponse;
import cn.eduduty.indicator.selfevaluation.api.SigningResponse;
import cn.eduduty.indicator.selfevaluation.api.SummaryResponse;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
class SelfEvaluationService {

    private final SelfEvaluations evaluations;
    private final Ratings ratings;
    private final RatingChanges changes;
    private final ReviewComments comments;
    private final FrameworkService frameworks;
    private final Outbox outbox;

    SelfEvaluationService(SelfEvaluations evaluations, Ratings ratings, RatingChanges changes, ReviewComments comments,
            FrameworkService frameworks, Outbox outbox) {
        this.evaluations = evaluations;
        this.ratings = ratings;
        this.changes = changes;
        this.comments = comments;
        this.frameworks = frameworks;
        this.outbox = outbox;
    }

    @Transactional
    SelfEvaluationResponse create(CreateSelfEvaluationRequest request, String principal) {
        PublishedFramework framework = frameworks.published(request.frameworkId());
        if (!RegionCode.within(request.regionCode(), framework.regionCode())
                || request.regionCode().equals(framework.regionCode())) {
            // names no region beyond the caller's own: the framework may be another prefecture's
            throw ProblemException.ruleViolated("County " + request.regionCode() + " is not within the region of framework "
                    + framework.id());
        }
        int year = request.year() != null ? request.year() : framework.evaluationYear();
        if (evaluations.exists(framework.id(), request.regionCode(), year)) {
            throw ProblemException.conflict("County " + request.regionCode() + " already has a self-evaluation for "
                    + year + " against framework " + framework.id());
        }
        SelfEvaluation s = new SelfEvaluation();
        s.id = UUID.randomUUID();
        s.frameworkId = framework.id();
        s.regionCode = request.regionCode();
        s.year = year;
        s.status = SelfEvaluationStatus.DRAFT;
        s.created(principal);
        evaluations.persist(s);
        outbox.publish(EventTypes.SELF_EVALUATION_CREATED, "self-evaluation", s.id.toString(), s.regionCode,
                new SelfEvaluationCreated(s.id, s.frameworkId, s.regionCode, s.year, principal), principal);
        return toResponse(s);
    }

    @Transactional
    SelfEvaluationResponse get(UUID id, Access access) {
        return toResponse(find(id, access::requireReadOrHide));
    }

    @Transactional
    Page<SelfEvaluationResponse> list(String region, Integer year, SelfEvaluationStatus status, UUID frameworkId,
            PageRequest page) {
        var query = evaluations.search(RegionCode.prefix(region), year, status, frameworkId, page.page(), page.size());
        return Page.of(query.list().stream().map(SelfEvaluationService::toResponse).toList(), page, query.count());
    }

    record Recorded(RatingResponse rating, long version) {
    }

    /** Records (or changes) the rating of one third-level indicator while the county holds the self-evaluation. */
    @Transactional
    Recorded rate(UUID id, String code, RecordRatingRequest request, String ifMatch, Access access) {
        SelfEvaluation s = find(id, access::requireWriteOrHide);
        String principal = access.principal();
        if (!s.status.isEditable()) {
            throw ProblemException.conflict("Self-evaluation " + id + " is " + s.status
                    + "; ratings change only while it is DRAFT or RETURNED");
        }
        Versions.requireMatch(ifMatch, s.version);
        IndicatorResponse indicator = thirdLevel(s, code);
        Rating rating = Rating.valueOf(request.rating());
        requireValid(checkRating(rating, request));

        IndicatorRating current = ratings.find(id, code).orElse(null);
        Rating previous = current == null ? null : current.rating;
        if (current == null) {
            current = new IndicatorRating();
            current.selfEvaluationId = id;
            current.indicatorCode = code;
        }
        current.rating = rating;
        current.narrative = request.narrative() == null ? "" : request.narrative();
        current.evidence = request.evidence() == null ? List.of() : List.copyOf(request.evidence());
        current.problem = blankToNull(request.problem());
        current.improvement = blankToNull(request.improvement());
        current.recordedBy = principal;
        current.recordedAt = Instant.now();
        if (current.id == null) {
            ratings.persist(current);
        }
        if (previous != rating) {
            RatingChange change = new RatingChange();
            change.selfEvaluationId = id;
            change.indicatorCode = code;
            change.fromRating = previous == null ? null : previous.name();
            change.toRating = rating.name();
            change.changedBy = principal;
            change.changedAt = current.recordedAt;
            changes.persist(change);
        }
        touch(s, principal);
        evaluations.flush();
        outbox.publish(EventTypes.RATING_RECORDED, "self-evaluation", s.id + "/" + code, s.regionCode,
                new RatingRecorded(s.id, s.frameworkId, s.regionCode, s.year, code, rating.name(),
                        previous == null ? null : previous.name(), current.narrative,
                        current.evidence.stream().map(e -> new RatingRecorded.Evidence(e.title(), e.uri(), e.figureKey()))
                                .toList(),
                        current.problem, current.improvement, principal, s.version),
                principal);
        return new Recorded(toResponse(current, indicator.title()), s.version);
    }

    private static List<Violation> checkRating(Rating rating, RecordRatingRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (rating.isWeak()) {
            if (request.problem() == null || request.problem().isBlank()) {
                violations.add(new Violation("problem", "评价为" + rating.chinese() + "时须填写存在的问题"));
            }
            if (request.improvement() == null || request.improvement().isBlank()) {
                violations.add(new Violation("improvement", "评价为" + rating.chinese() + "时须填写改进措施"));
            }
        }
        List<EvidenceItem> evidence = request.evidence() == null ? List.of() : request.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            EvidenceItem e = evidence.get(i);
            if (e == null) {
                violations.add(new Violation("evidence[" + i + "]", "must not be null"));
                continue;
            }
            boolean hasUri = e.uri() != null && !e.uri().isBlank();
            boolean hasKey = e.figureKey() != null && !e.figureKey().isBlank();
            if (hasUri == hasKey) {
                violations.add(new Violation("evidence[" + i + "]", "佐证材料须填写文件地址（uri）或系统数据（figureKey）中的一项，且只填一项"));
            } else if (hasKey && !MetricCatalogue.contains(e.figureKey())) {
                violations.add(new Violation("evidence[" + i + "].figureKey",
                        "系统数据目录中没有“" + e.figureKey() + "”"));
            }
        }
        return violations;
    }

    record Signed(SigningResponse signing, long version) {
    }

    /**
     * Records what the county signs, replacing its previous choices, while the county holds the
     * self-evaluation (as ratings): the signing authority, the date, 经典做法 and 改进措施.
     */
    @Transactional
    Signed sign(UUID id, RecordSigningRequest request, String ifMatch, Access access) {
        SelfEvaluation s = find(id, access::requireWriteOrHide);
        String principal = access.principal();
        if (!s.status.isEditable()) {
            throw ProblemException.conflict("Self-evaluation " + id + " is " + s.status
                    + "; what the county signs changes only while it is DRAFT or RETURNED");
        }
        Versions.requireMatch(ifMatch, s.version);
        List<NotablePractice> practices = request.notablePractices() == null ? List.of()
                : request.notablePractices().stream().map(p -> new NotablePractice(p.title().strip(),
                        blankToNull(p.indicatorCode()), blankToNull(p.text()))).toList();
        List<ImprovementMeasure> measures = request.improvementMeasures() == null ? List.of()
                : request.improvementMeasures().stream().map(m -> new ImprovementMeasure(m.text().strip(),
                        blankToNull(m.indicatorCode()), blankToNull(m.checkCode()), blankToNull(m.checkSubject())))
                        .toList();
        requireValid(SigningRules.shape(practices, measures));
        List<Violation> broken = SigningRules.references("", s.year, request.signingDate(), practices, measures,
                thirdLevelCodes(s), rated(id));
        if (!broken.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    broken.size() + " choice(s) do not fit the framework or the ratings", broken);
        }
        s.signingAuthority = blankToNull(request.signingAuthority()) == null ? null : request.signingAuthority().strip();
        s.signingDate = request.signingDate();
        s.notablePractices = practices;
        s.improvementMeasures = measures;
        s.signingRecordedBy = principal;
        s.signingRecordedAt = Instant.now();
        touch(s, principal);
        evaluations.flush();
        outbox.publish(EventTypes.SELF_EVALUATION_SIGNING_RECORDED, "self-evaluation", s.id.toString(), s.regionCode,
                new SelfEvaluationSigningRecorded(s.id, s.frameworkId, s.regionCode, s.year, s.signingAuthority,
                        s.signingDate,
                        practices.stream().map(p -> new SelfEvaluationSigningRecorded.NotablePractice(p.title(),
                                p.indicatorCode(), p.text())).toList(),
                        measures.stream().map(m -> new SelfEvaluationSigningRecorded.ImprovementMeasure(m.text(),
                                m.indicatorCode(), m.checkCode(), m.checkSubject())).toList(),
                        principal, s.version),
                principal);
        return new Signed(signingOf(s), s.version);
    }

    private Set<String> thirdLevelCodes(SelfEvaluation s) {
        return frameworks.indicatorsOf(s.frameworkId).stream().filter(i -> i.level() == 3).map(IndicatorResponse::code)
                .collect(Collectors.toSet());
    }

    private Map<String, SigningRules.Rated> rated(UUID id) {
        return ratings.of(id).stream()
                .collect(Collectors.toMap(r -> r.indicatorCode, r -> new SigningRules.Rated(r.rating, r.narrative)));
    }

    @Transactional
    List<RatingResponse> ratings(UUID id, Access access) {
        SelfEvaluation s = find(id, access::requireReadOrHide);
        Map<String, String> titles = frameworks.indicatorsOf(s.frameworkId).stream()
                .collect(Collectors.toMap(IndicatorResponse::code, IndicatorResponse::title));
        return ratings.of(id).stream()
                .sorted((a, b) -> IndicatorCode.compare(a.indicatorCode, b.indicatorCode))
                .map(r -> toResponse(r, titles.get(r.indicatorCode))).toList();
    }

    @Transactional
    List<RatingChangeResponse> history(UUID id, String code, Access access) {
        thirdLevel(find(id, access::requireReadOrHide), code);
        return changes.of(id, code).stream()
                .map(c -> new RatingChangeResponse(c.fromRating, c.toRating, c.changedBy, c.changedAt)).toList();
    }

    @Transactional
    SummaryResponse summary(UUID id, Access access) {
        SelfEvaluation s = find(id, access::requireReadOrHide);
        List<IndicatorResponse> tree = frameworks.indicatorsOf(s.frameworkId);
        Map<String, Rating> current = ratings.of(id).stream()
                .collect(Collectors.toMap(r -> r.indicatorCode, r -> r.rating));
        Map<String, String> areas = new LinkedHashMap<>();
        tree.stream().filter(i -> i.level() == 1).forEach(i -> areas.put(i.code(), i.title()));
        List<RatingSummary.Entry> entries = tree.stream().filter(i -> i.level() == 3)
                .map(i -> new RatingSummary.Entry(i.code(), IndicatorCode.area(i.code()), current.get(i.code()))).toList();
        RatingSummary summary = RatingSummary.of(entries, areas);
        return new SummaryResponse(toResponse(summary.total()),
                summary.areas().stream().map(a -> new SummaryResponse.Area(a.code(), a.title(), toResponse(a.part())))
                        .toList());
    }

    @Transactional
    SelfEvaluationResponse submit(UUID id, String ifMatch, Access access) {
        SelfEvaluation s = find(id, access::requireWriteOrHide);
        String principal = access.principal();
        SelfEvaluationStatus next = transition(s, Action.SUBMIT, ifMatch);
        Map<String, Rating> current = ratings.of(id).stream().collect(Collectors.toMap(r -> r.indicatorCode, r -> r.rating));
        List<Violation> unrated = frameworks.indicatorsOf(s.frameworkId).stream()
                .filter(i -> i.level() == 3 && !current.containsKey(i.code()))
                .map(i -> new Violation("ratings[" + i.code() + "]", "指标" + i.code() + "“" + i.title() + "”尚未评价"))
                .toList();
        if (!unrated.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "还有" + unrated.size() + "项三级指标尚未评价", unrated);
        }
        // ratings may have changed since the county chose what it signs
        List<Violation> stale = SigningRules.references("signing.", s.year, s.signingDate, s.notablePractices,
                s.improvementMeasures, thirdLevelCodes(s), rated(id));
        if (!stale.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    stale.size() + "处经典做法或改进措施与现在的评价不再相符，请重新填写后保存", stale);
        }
        s.status = next;
        s.submittedAt = Instant.now();
        touch(s, principal);
        evaluations.flush();
        outbox.publish(EventTypes.SELF_EVALUATION_SUBMITTED, "self-evaluation", s.id.toString(), s.regionCode,
                new SelfEvaluationSubmitted(s.id, s.frameworkId, s.regionCode, s.year, principal, s.version), principal);
        return toResponse(s);
    }

    @Transactional
    SelfEvaluationResponse giveBack(UUID id, ReturnRequest request, String ifMatch, Access access) {
        SelfEvaluation s = find(id, access::requireReviewOrHide);
        String principal = access.principal();
        SelfEvaluationStatus next = transition(s, Action.RETURN, ifMatch);
        Map<String, IndicatorResponse> tree = frameworks.indicatorsOf(s.frameworkId).stream()
                .collect(Collectors.toMap(IndicatorResponse::code, Function.identity()));
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < request.comments().size(); i++) {
            if (!tree.containsKey(request.comments().get(i).indicatorCode())) {
                unknown.add(new Violation("comments[" + i + "].indicatorCode",
                        request.comments().get(i).indicatorCode() + "不是本指标体系中的指标"));
            }
        }
        requireValid(unknown);
        int round = comments.rounds(id) + 1;
        Instant now = Instant.now();
        comments.persist(comment(id, round, null, request.summary(), principal, now));
        request.comments().forEach(c -> comments.persist(comment(id, round, c.indicatorCode(), c.comment(), principal, now)));
        s.status = next;
        touch(s, principal);
        evaluations.flush();
        outbox.publish(EventTypes.SELF_EVALUATION_RETURNED, "self-evaluation", s.id.toString(), s.regionCode,
                new SelfEvaluationReturned(s.id, s.frameworkId, s.regionCode, s.year, principal, request.summary(),
                        request.comments().stream()
                                .map(c -> new SelfEvaluationReturned.Comment(c.indicatorCode(), c.comment())).toList(),
                        s.version),
                principal);
        return toResponse(s);
    }

    @Transactional
    SelfEvaluationResponse approve(UUID id, String ifMatch, Access access) {
        SelfEvaluation s = find(id, access::requireReviewOrHide);
        String principal = access.principal();
        s.status = transition(s, Action.APPROVE, ifMatch);
        s.approvedBy = principal;
        s.approvedAt = Instant.now();
        touch(s, principal);
        evaluations.flush();
        List<SelfEvaluationApproved.FinalRating> finals = ratings.of(id).stream()
                .sorted((a, b) -> IndicatorCode.compare(a.indicatorCode, b.indicatorCode))
                .map(r -> new SelfEvaluationApproved.FinalRating(r.indicatorCode, r.rating.name())).toList();
        outbox.publish(EventTypes.SELF_EVALUATION_APPROVED, "self-evaluation", s.id.toString(), s.regionCode,
                new SelfEvaluationApproved(s.id, s.frameworkId, s.regionCode, s.year, principal, finals, s.version),
                principal);
        return toResponse(s);
    }

    @Transactional
    List<ReviewCommentResponse> comments(UUID id, Access access) {
        find(id, access::requireReadOrHide);
        return comments.of(id).stream()
                .map(c -> new ReviewCommentResponse(c.round, c.indicatorCode, c.comment, c.reviewer, c.createdAt)).toList();
    }

    private static SelfEvaluationStatus transition(SelfEvaluation s, Action action, String ifMatch) {
        SelfEvaluationStatus next;
        try {
            next = Workflow.next(s.status, action);
        } catch (Workflow.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        Versions.requireMatch(ifMatch, s.version);
        return next;
    }

    private IndicatorResponse thirdLevel(SelfEvaluation s, String code) {
        IndicatorResponse indicator = frameworks.indicatorsOf(s.frameworkId).stream()
                .filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Indicator", code + " of framework " + s.frameworkId));
        if (indicator.level() != 3) {
            throw ProblemException.ruleViolated("Only third-level indicators are rated; " + code + " is level "
                    + indicator.level());
        }
        return indicator;
    }

    private SelfEvaluation find(UUID id) {
        SelfEvaluation s = evaluations.findById(id);
        if (s == null) {
            throw missing(id);
        }
        return s;
    }

    /** The answer for a self-evaluation that does not exist, and for one of a region the caller may not see. */
    /**
     * The self-evaluation, once {@code mayAccess} (an {@link Access} check such as
     * {@code access::requireWriteOrHide}) let the caller at its region; one the caller may not even
     * read is answered as missing. Checked in the transaction that then does the work.
     */
    private SelfEvaluation find(UUID id, BiConsumer<String, Supplier<ProblemException>> mayAccess) {
        SelfEvaluation s = find(id);
        mayAccess.accept(s.regionCode, () -> missing(id));
        return s;
    }

    static ProblemException missing(UUID id) {
        return ProblemException.notFound("Self-evaluation", id);
    }

    private static ReviewComment comment(UUID id, int round, String code, String text, String reviewer, Instant at) {
        ReviewComment c = new ReviewComment();
        c.selfEvaluationId = id;
        c.round = round;
        c.indicatorCode = code;
        c.comment = text;
        c.reviewer = reviewer;
        c.createdAt = at;
        return c;
    }

    private static void touch(SelfEvaluation s, String principal) {
        s.updated(principal);
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static SummaryResponse.Part toResponse(RatingSummary.Part p) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        p.counts().forEach((r, n) -> counts.put(r.name(), n));
        Map<String, String> percentages = new LinkedHashMap<>();
        p.percentages().forEach((r, v) -> percentages.put(r.name(), v.toPlainString()));
        return new SummaryResponse.Part(p.indicators(), p.rated(), p.applicable(), p.completeness(), counts, percentages);
    }

    static SelfEvaluationResponse toResponse(SelfEvaluation s) {
        return new SelfEvaluationResponse(s.id, s.frameworkId, s.regionCode, s.year, s.status.name(),
                Workflow.allowed(s.status).stream().map(a -> a.name().toLowerCase()).toList(), s.createdBy, s.createdAt,
                s.submittedAt, s.approvedBy, s.approvedAt, s.version, signingOf(s));
    }

    private static SigningResponse signingOf(SelfEvaluation s) {
        if (s.signingRecordedAt == null) {
            return null;
        }
        return new SigningResponse(s.signingAuthority, s.signingDate, s.notablePractices, s.improvementMeasures,
                s.signingRecordedBy, s.signingRecordedAt);
    }

    private static RatingResponse toResponse(IndicatorRating r, String title) {
        return new RatingResponse(r.indicatorCode, title, r.rating.name(), r.narrative,
                r.evidence == null ? List.of() : r.evidence, r.problem, r.improvement, r.recordedBy, r.recordedAt);
    }
}
