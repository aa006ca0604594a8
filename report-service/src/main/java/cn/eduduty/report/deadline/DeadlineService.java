package cn.eduduty.report.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.eduduty.report.deadline.api.CreateDeadlineRequest;
import cn.eduduty.report.deadline.api.DeadlineResponse;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

@ApplicationScoped
class DeadlineService {

    private final DeadlineRepository deadlines;
    private final Event<DeadlineScheduler.DeadlineRegistered> registered;

    DeadlineService(DeadlineRepository deadlines, Event<DeadlineScheduler.DeadlineRegistered> registered) {
        this.deadlines = deadlines;
        this.registered = registered;
    }

    /**
     * Registers a deadline, one per region and report year. A due time already past would start
     * a final report at once, so only a system client may set one ({@code backfill}), to catch up
     * on a deadline that was missed.
     */
    @Transactional
    DeadlineResponse create(CreateDeadlineRequest request, boolean backfill, String principal) {
        if (RegionCode.level(request.regionCode()) == RegionCode.Level.TOWNSHIP) {
            throw ProblemException.invalid("regionCode", "must be a county, a prefecture or a province");
        }
        Duration lead = request.draftLeadTime() == null ? Duration.ZERO : request.draftLeadTime();
        if (lead.isNegative() || lead.compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.invalid("draftLeadTime", "must be between 0 and 366 days");
        }
        Instant due = request.dueAt().toInstant();
        if (!backfill && !due.isAfter(Instant.now())) {
            throw ProblemException.ruleViolated("dueAt", "is in the past; only a system client may backfill a missed deadline");
        }
        if (deadlines.exists(request.regionCode(), request.reportYear())) {
            throw duplicate(request);
        }
        Deadline d = new Deadline();
        d.id = UUID.randomUUID();
        d.regionCode = request.regionCode();
        d.reportYear = request.reportYear();
        d.dueAt = due;
        d.draftLeadSeconds = lead.toSeconds();
        var periods = ReportPeriods.Choice.orDefaults(request.periods());
        d.periodSchoolYear = periods.schoolYear();
        d.periodCompletedSchoolYear = periods.completedSchoolYear();
        d.periodEntranceYear = periods.entranceYear();
        d.periodFiscalYear = periods.fiscalYear();
        d.signingAuthority = request.signingAuthority();
        d.signingDate = request.signingDate();
        d.createdBy = principal;
        d.createdAt = Instant.now();
        deadlines.persist(d);
        try {
            deadlines.flush();
        } catch (PersistenceException e) {
            // a concurrent registration won the unique (region, year) constraint
            throw duplicate(request);
        }
        // the scheduler starts its jobs at the draft and due times, once this transaction commits
        registered.fire(new DeadlineScheduler.DeadlineRegistered(d.dueAt.minus(lead), d.dueAt));
        return toResponse(d);
    }

    @Transactional
    DeadlineResponse get(UUID id) {
        Deadline d = deadlines.findById(id);
        if (d == null) {
            throw missing(id);
        }
        return toResponse(d);
    }

    @Transactional
    Page<DeadlineResponse> list(String region, Integer year, PageRequest page) {
        var query = deadlines.search(RegionCode.prefix(region), year, page.page(), page.size());
        return Page.of(query.list().stream().map(DeadlineService::toResponse).toList(), page, query.count());
    }

    /** The deadlines {@code region} must meet: its own and those of every region above it. */
    @Transactional
    Page<DeadlineResponse> applying(String region, Integer year, PageRequest page) {
        List<String> chain = new ArrayList<>();
        for (String code = region; code != null; code = RegionCode.parent(code)) {
            chain.add(code);
        }
        var query = deadlines.ofRegions(chain, year, page.page(), page.size());
        return Page.of(query.list().stream().map(DeadlineService::toResponse).toList(), page, query.count());
    }

    /** The answer for a deadline that does not exist, and for one of a region the caller may not see. */
    static ProblemException missing(UUID id) {
        return ProblemException.notFound("Deadline", id);
    }

    private static ProblemException duplicate(CreateDeadlineRequest request) {
        return ProblemException.conflict("A deadline for " + request.regionCode() + " and " + request.reportYear()
                + " already exists");
    }

    static DeadlineResponse toResponse(Deadline d) {
        Duration lead = Duration.ofSeconds(d.draftLeadSeconds);
        return new DeadlineResponse(d.id, d.regionCode, d.reportYear, d.dueAt, lead, d.dueAt.minus(lead),
                d.options().periods(), d.signingAuthority, d.signingDate, d.createdBy, d.createdAt);
    }
}
