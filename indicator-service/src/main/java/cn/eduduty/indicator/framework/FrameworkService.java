package cn.eduduty.indicator.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.indicator.framework.api.CreateFrameworkRequest;
import cn.eduduty.indicator.framework.api.DeriveFrameworkRequest;
import cn.eduduty.indicator.framework.api.FrameworkDiffResponse;
import cn.eduduty.indicator.framework.api.FrameworkResponse;
import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.framework.api.MetricBinding;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
public class FrameworkService {

    /** Who issues and changes frameworks (of their own region). */
    static final String[] ISSUERS = { Roles.PREFECTURE_REVIEWER, Roles.SYSTEM };

    private final FrameworkRepository frameworks;
    private final IndicatorRepository indicators;
    private final Outbox outbox;

    FrameworkService(FrameworkRepository frameworks, IndicatorRepository indicators, Outbox outbox) {
        this.frameworks = frameworks;
        this.indicators = indicators;
        this.outbox = outbox;
    }

    @Transactional
    FrameworkResponse create(CreateFrameworkRequest request, String principal) {
        List<IndicatorRequest> tree = request.indicators() == null ? List.of() : request.indicators();
        requireValid(TreeRules.checkEntries(tree, TreeRules.JSON));
        Framework f = newDraft(request.code(), request.name(), request.evaluationYear(), request.issuer(),
                request.regionCode(), null, principal);
        store(f.id, tree);
        return toResponse(f, indicators.ofFramework(f.id));
    }

    private Framework newDraft(String code, String name, int year, String issuer, String region, UUID derivedFrom,
            String principal) {
        if (frameworks.exists(region, code, year)) {
            throw ProblemException.conflict("Framework " + code + " for " + year + " already exists in region " + region);
        }
        Framework f = new Framework();
        f.id = UUID.randomUUID();
        f.code = code;
        f.name = name.trim();
        f.evaluationYear = year;
        f.issuer = issuer.trim();
        f.regionCode = region;
        f.status = FrameworkStatus.DRAFT;
        f.derivedFrom = derivedFrom;
        f.created(principal);
        frameworks.persist(f);
        return f;
    }

    private void store(UUID frameworkId, List<IndicatorRequest> tree) {
        for (IndicatorRequest r : tree) {
            Indicator i = new Indicator();
            i.frameworkId = frameworkId;
            apply(i, r);
            indicators.persist(i);
        }
    }

    private static void apply(Indicator i, IndicatorRequest r) {
        i.code = r.code();
        i.level = IndicatorCode.level(r.code());
        i.title = r.title().trim();
        i.criteria = r.criteria() == null ? "" : r.criteria().trim();
        i.displayOrder = r.displayOrder() != null ? r.displayOrder() : IndicatorCode.lastSegment(r.code());
        MetricBinding m = r.metric();
        i.metricKey = m == null ? null : m.key();
        i.comparator = m == null ? null : m.comparator();
        i.threshold = m == null ? null : m.threshold();
        i.unit = m == null ? null
                : m.unit() != null ? m.unit()
                        : MetricCatalogue.find(m.key()).orElseThrow().unit().name();
    }

    @Transactional
    public FrameworkResponse get(UUID id) {
        Framework f = find(id);
        return toResponse(f, indicators.ofFramework(id));
    }

    /** The framework with its tree, if the caller may read it. */
    @Transactional
    FrameworkResponse get(UUID id, Access access) {
        Framework f = readable(id, access);
        return toResponse(f, indicators.ofFramework(id));
    }

    /** The framework's tree, if the caller may read it. */
    @Transactional
    List<IndicatorResponse> indicatorsOf(UUID id, Access access) {
        readable(id, access);
        return indicatorsOf(id);
    }

    /** What a tree upload holds, parsed only once the caller may edit the framework. */
    record Tree(List<IndicatorRequest> rows, TreeRules.FieldNames names) {
    }

    /** Parses a tree upload; a malformed body is the caller's 400. */
    @FunctionalInterface
    interface TreeUpload {
        Tree parse() throws JsonProcessingException;
    }

    /** Replaces a draft's whole tree with the upload, if the caller issues the framework. */
    @Transactional
    FrameworkResponse replaceTree(UUID id, TreeUpload upload, String ifMatch, Access access)
            throws JsonProcessingException {
        issued(id, access, "edit frameworks of");
        Tree tree = upload.parse();
        return replaceTree(id, tree.rows(), tree.names(), ifMatch, access.principal());
    }

    @Transactional
    Page<FrameworkResponse> list(String region, Integer year, FrameworkStatus status, PageRequest page) {
        var query = frameworks.search(RegionCode.prefix(region), year, status, page.page(), page.size());
        return Page.of(query.list().stream().map(f -> toResponse(f, null)).toList(), page, query.count());
    }

    /** Replaces a draft's whole tree; every entry is checked and all problems reported at once. */
    @Transactional
    FrameworkResponse replaceTree(UUID id, List<IndicatorRequest> tree, TreeRules.FieldNames names, String ifMatch,
            String principal) {
        Framework f = editableDraft(id, ifMatch);
        requireValid(TreeRules.checkEntries(tree, names));
        indicators.deleteOfFramework(id);
        indicators.flush();
        store(id, tree);
        touch(f, principal);
        return toResponse(f, indicators.ofFramework(id));
    }

    /** Adds or replaces one indicator of a draft. */
    @Transactional
    FrameworkResponse putIndicator(UUID id, String code, IndicatorRequest request, String ifMatch, Access access) {
        issued(id, access, "edit frameworks of");
        String principal = access.principal();
        Framework f = editableDraft(id, ifMatch);
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalid("code", "must be " + code + " as in the path, or absent");
        }
        IndicatorRequest entry = new IndicatorRequest(code, request.title(), request.criteria(),
                request.displayOrder(), request.metric());
        requireValid(TreeRules.checkEntries(List.of(entry), (i, property) -> property.isEmpty() ? "indicator" : property));
        Indicator existing = indicators.find(id, code).orElse(null);
        if (existing == null) {
            Indicator created = new Indicator();
            created.frameworkId = id;
            apply(created, entry);
            indicators.persist(created);
        } else {
            apply(existing, entry);
        }
        touch(f, principal);
        return toResponse(f, indicators.ofFramework(id));
    }

    @Transactional
    FrameworkResponse deleteIndicator(UUID id, String code, String ifMatch, Access access) {
        issued(id, access, "edit frameworks of");
        String principal = access.principal();
        Framework f = editableDraft(id, ifMatch);
        Indicator existing = indicators.find(id, code)
                .orElseThrow(() -> ProblemException.notFound("Indicator", code + " of framework " + id));
        boolean hasChildren = indicators.ofFramework(id).stream().anyMatch(i -> code.equals(IndicatorCode.parent(i.code)));
        if (hasChildren) {
            throw ProblemException.ruleViolated("Indicator " + code + " has indicators under it; remove them first");
        }
        indicators.delete(existing);
        touch(f, principal);
        return toResponse(f, indicators.ofFramework(id));
    }

    /** Publishes a complete draft; from then on it never changes. */
    @Transactional
    FrameworkResponse publish(UUID id, String ifMatch, Access access) {
        issued(id, access, "publish frameworks of");
        String principal = access.principal();
        Framework f = editableDraft(id, ifMatch);
        List<Indicator> tree = indicators.ofFramework(id);
        List<Violation> incomplete = TreeRules.checkComplete(tree.stream().map(i -> i.code).toList());
        if (!incomplete.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "The tree is not complete: " + incomplete.size() + " problem(s)", incomplete);
        }
        f.status = FrameworkStatus.PUBLISHED;
        f.publishedAt = Instant.now();
        f.publishedBy = principal;
        touch(f, principal);
        outbox.publish(EventTypes.FRAMEWORK_PUBLISHED, "framework", f.id.toString(), f.regionCode,
                new FrameworkPublished(f.id, f.code, f.name, f.evaluationYear, f.issuer, f.regionCode, f.publishedAt,
                        principal, tree.stream().map(FrameworkService::snapshot).toList()),
                principal);
        return toResponse(f, tree);
    }

    /** Next year's draft: a copy of a published framework with a new code and year. */
    @Transactional
    FrameworkResponse derive(UUID id, DeriveFrameworkRequest request, Access access) {
        issued(id, access, "issue frameworks for");
        String principal = access.principal();
        Framework source = find(id);
        if (!source.isPublished()) {
            throw ProblemException.ruleViolated("Only a published framework can be derived from; " + id + " is a draft");
        }
        Framework f = newDraft(request.code(), request.name() != null ? request.name() : source.name,
                request.evaluationYear(), request.issuer() != null ? request.issuer() : source.issuer,
                source.regionCode, source.id, principal);
        store(f.id, indicators.ofFramework(id).stream().map(FrameworkService::toRequest).toList());
        return toResponse(f, indicators.ofFramework(f.id));
    }

    @Transactional
    FrameworkDiffResponse diff(UUID fromId, UUID toId, Access access) {
        readable(fromId, access);
        readable(toId, access);
        return FrameworkDiff.between(fromId, indicatorsOf(fromId), toId, indicatorsOf(toId));
    }

    @Transactional
    public List<IndicatorResponse> indicatorsOf(UUID id) {
        return indicators.ofFramework(id).stream().map(FrameworkService::toResponse).toList();
    }

    /** A published framework as a self-evaluation rates against it: 404 unknown, 422 still a draft. */
    @Transactional
    public PublishedFramework published(UUID id) {
        Framework f = find(id);
        if (!f.isPublished()) {
            throw ProblemException.ruleViolated("Framework " + id + " is a draft; only a published framework can be rated against");
        }
        return new PublishedFramework(f.id, f.regionCode, f.evaluationYear, indicatorsOf(id));
    }

    /** What the self-evaluation feature needs of a published framework. */
    public record PublishedFramework(UUID id, String regionCode, int evaluationYear, List<IndicatorResponse> indicators) {
    }

    private Framework find(UUID id) {
        Framework f = frameworks.findById(id);
        if (f == null) {
            throw missing(id);
        }
        return f;
    }

    /** The answer for a framework that does not exist, and for one the caller may not see. */
    /** A framework applies to every region below its own, so they may read it; so may the regions above. */
    private Framework readable(UUID id, Access access) {
        Framework f = find(id);
        if (!RegionCode.within(access.region(), f.regionCode)) {
            access.requireReadOrHide(f.regionCode, () -> missing(f.id));
        }
        return f;
    }

    /** Only its issuers change a framework; one the caller may not even read looks missing. */
    private Framework issued(UUID id, Access access, String action) {
        Framework f = readable(id, access);
        access.require(f.regionCode, action, ISSUERS);
        return f;
    }

    static ProblemException missing(UUID id) {
        return ProblemException.notFound("Framework", id);
    }

    private Framework editableDraft(UUID id, String ifMatch) {
        Framework f = find(id);
        if (f.isPublished()) {
            throw ProblemException.conflict("Framework " + id + " is published and never changes; derive a new draft");
        }
        Versions.requireMatch(ifMatch, f.version);
        return f;
    }

    /** Marks the framework changed and flushes, so its new version (the ETag) is known. */
    private void touch(Framework f, String principal) {
        f.updated(principal);
        frameworks.flush();
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    static FrameworkResponse toResponse(Framework f, List<Indicator> tree) {
        return new FrameworkResponse(f.id, f.code, f.name, f.evaluationYear, f.issuer, f.regionCode, f.status.name(),
                f.createdBy, f.createdAt, f.derivedFrom, f.publishedAt, f.publishedBy, f.version,
                tree == null ? null : tree.stream().map(FrameworkService::toResponse).toList());
    }

    static IndicatorResponse toResponse(Indicator i) {
        return new IndicatorResponse(i.code, i.level, i.title, i.criteria, i.displayOrder,
                i.metricKey == null ? null : new MetricBinding(i.metricKey, i.comparator, plain(i.threshold), i.unit));
    }

    /** 85.0000 as stored becomes 85, 100.0000 becomes 100 (not 1E+2). */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static IndicatorRequest toRequest(Indicator i) {
        return new IndicatorRequest(i.code, i.title, i.criteria, i.displayOrder,
                i.metricKey == null ? null : new MetricBinding(i.metricKey, i.comparator, i.threshold, i.unit));
    }

    private static IndicatorSnapshot snapshot(Indicator i) {
        return new IndicatorSnapshot(i.code, i.level, i.title, i.criteria, i.displayOrder,
                i.metricKey == null ? null : new IndicatorSnapshot.Metric(i.metricKey, i.comparator, plain(i.threshold), i.unit));
    }
}
