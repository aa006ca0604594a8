package cn.eduduty.indicator.framework;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.indicator.framework.api.CreateFrameworkRequest;
import cn.eduduty.indicator.framework.api.FrameworkResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

@ApplicationScoped
class FrameworkService {

    private final FrameworkRepository frameworks;

    FrameworkService(FrameworkRepository frameworks) {
        this.frameworks = frameworks;
    }

    @Transactional
    FrameworkResponse create(CreateFrameworkRequest request, String principal) {
        if (frameworks.exists(request.regionCode(), request.code(), request.evaluationYear())) {
            throw ProblemException.conflict("Framework " + request.code() + " for " + request.evaluationYear()
                    + " already exists in region " + request.regionCode());
        }
        Framework f = new Framework();
        f.id = UUID.randomUUID();
        f.code = request.code();
        f.name = request.name().trim();
        f.evaluationYear = request.evaluationYear();
        f.issuer = request.issuer().trim();
        f.regionCode = request.regionCode();
        f.status = FrameworkStatus.DRAFT;
        f.createdBy = principal;
        f.updatedBy = principal;
        f.createdAt = Instant.now();
        f.updatedAt = f.createdAt;
        frameworks.persist(f);
        return toResponse(f);
    }

    @Transactional
    FrameworkResponse get(UUID id) {
        Framework f = frameworks.findById(id);
        if (f == null) {
            throw ProblemException.notFound("Framework", id);
        }
        return toResponse(f);
    }

    @Transactional
    Page<FrameworkResponse> list(String region, Integer year, FrameworkStatus status, PageRequest page) {
        var query = frameworks.search(RegionCode.prefix(region), year, status, page.page(), page.size());
        return Page.of(query.list().stream().map(FrameworkService::toResponse).toList(), page, query.count());
    }

    static FrameworkResponse toResponse(Framework f) {
        return new FrameworkResponse(f.id, f.code, f.name, f.evaluationYear, f.issuer, f.regionCode, f.status.name(),
                f.createdBy, f.createdAt, f.version);
    }
}
