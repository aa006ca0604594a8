package cn.eduduty.registry.school;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.registry.SchoolClosed;
import cn.eduduty.contracts.registry.SchoolRegistered;
import cn.eduduty.contracts.registry.SchoolSnapshot;
import cn.eduduty.contracts.registry.SchoolUpdated;
import cn.eduduty.registry.region.RegionLookup;
import cn.eduduty.registry.school.api.CloseSchoolRequest;
import cn.eduduty.registry.school.api.SchoolRequest;
import cn.eduduty.registry.school.api.SchoolResponse;
import cn.eduduty.formulas.registry.Area;
import cn.eduduty.formulas.registry.Ownership;
import cn.eduduty.formulas.registry.SchoolType;
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
public class SchoolService {

    private final SchoolRepository schools;
    private final RegionLookup regions;
    private final Outbox outbox;

    SchoolService(SchoolRepository schools, RegionLookup regions, Outbox outbox) {
        this.schools = schools;
        this.regions = regions;
        this.outbox = outbox;
    }

    public record Saved(SchoolResponse school, boolean created) {
    }

    /** The rules of a registration that Bean Validation cannot say, each naming its field. */
    public static List<Violation> checkFields(SchoolRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!"KINDERGARTEN".equals(request.type())) {
            if (request.inclusive()) {
                violations.add(new Violation("inclusive", "only a kindergarten can be inclusive (普惠性)"));
            }
            if (request.townshipCentral()) {
                violations.add(new Violation("townshipCentral", "only a kindergarten can be a township central kindergarten"));
            }
        } else if (request.inclusive() && "PUBLIC".equals(request.ownership())) {
            violations.add(new Violation("inclusive", "marks private kindergartens; public ones are inclusive by definition"));
        }
        return violations;
    }

    /** The identification code's structure against the school's type and township, each problem on {@code field}. */
    public static List<Violation> checkCode(String field, String code, SchoolRequest request) {
        return SchoolCodeRules.check(code, SchoolType.valueOf(request.type()), request.townshipCode()).stream()
                .map(message -> new Violation(field, message)).toList();
    }

    /** The answer to a code registered to a county other than the one written to: nothing about that county. */
    private static ProblemException registeredElsewhere(String code) {
        return ProblemException.conflict("School code " + code + " is already registered to another county");
    }

    /**
     * Registers a school, or replaces its registration when {@code ifMatch} names its current
     * version. A code registered to another county is a conflict unless {@code mayTakeFrom} says
     * the caller may move schools out of that county (the system role, over both counties).
     */
    @Transactional
    public Saved put(String code, SchoolRequest request, String ifMatch, Predicate<String> mayTakeFrom,
            String principal) {
        List<Violation> violations = checkFields(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<Violation> codeViolations = checkCode("code", code, request);
        if (!codeViolations.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "code: " + codeViolations.stream().map(Violation::message).collect(Collectors.joining("; ")),
                    codeViolations);
        }
        return save(code, request, ifMatch, true, mayTakeFrom, principal);
    }

    /**
     * Registers or replaces a school from a bulk import: the sheet is the authority, so no
     * If-Match; the caller has checked the fields and the code, and that it is not another county's.
     */
    @Transactional
    public Saved importSchool(String code, SchoolRequest request, String principal) {
        return save(code, request, null, false, county -> false, principal);
    }

    private Saved save(String code, SchoolRequest request, String ifMatch, boolean checkVersion,
            Predicate<String> mayTakeFrom, String principal) {
        if (regions.level(request.townshipCode()).orElse(null) != RegionCode.Level.TOWNSHIP) {
            throw ProblemException.ruleViolated("Township " + request.townshipCode() + " is not a registered township");
        }
        School school = schools.findById(code);
        boolean created = school == null;
        if (created) {
            if (checkVersion) {
                Versions.requireNoMatch(ifMatch, "School " + code);
            }
            school = new School();
            school.code = code;
            school.createdBy = principal;
            school.createdAt = Instant.now();
        } else {
            // before the version: another county's school must not reveal its version, nor its county
            if (!school.countyCode.equals(request.townshipCode().substring(0, 6))
                    && !mayTakeFrom.test(school.countyCode)) {
                throw registeredElsewhere(code);
            }
            if (checkVersion) {
                Versions.requireMatch(ifMatch, school.version);
            }
        }
        school.name = request.name().trim();
        school.type = SchoolType.valueOf(request.type());
        school.ownership = Ownership.valueOf(request.ownership());
        school.inclusive = request.inclusive();
        school.townshipCentral = request.townshipCentral();
        school.area = Area.valueOf(request.area());
        school.townshipCode = request.townshipCode();
        school.countyCode = request.townshipCode().substring(0, 6);
        school.openedOn = request.openedOn();
        school.updatedBy = principal;
        school.updatedAt = Instant.now();
        if (created) {
            schools.persist(school);
        }
        schools.flush();
        SchoolSnapshot snapshot = snapshot(school);
        if (created) {
            outbox.publish(EventTypes.SCHOOL_REGISTERED, "school", code, school.countyCode, new SchoolRegistered(snapshot),
                    principal);
        } else {
            outbox.publish(EventTypes.SCHOOL_UPDATED, "school", code, school.countyCode, new SchoolUpdated(snapshot),
                    principal);
        }
        return new Saved(toResponse(school), created);
    }

    @Transactional
    public SchoolResponse close(String code, CloseSchoolRequest request, String ifMatch, Access access) {
        School school = find(code);
        access.requireWriteOrHide(school.townshipCode, () -> missing(code));
        String principal = access.principal();
        if (school.closedOn != null) {
            throw ProblemException.conflict("School " + code + " closed on " + school.closedOn);
        }
        Versions.requireMatch(ifMatch, school.version);
        if (request.closedOn().isBefore(school.openedOn)) {
            throw ProblemException.invalid("closedOn", "must not be before the school opened (" + school.openedOn + ")");
        }
        school.closedOn = request.closedOn();
        school.updatedBy = principal;
        school.updatedAt = Instant.now();
        schools.flush();
        outbox.publish(EventTypes.SCHOOL_CLOSED, "school", code, school.countyCode, new SchoolClosed(snapshot(school)),
                principal);
        return toResponse(school);
    }

    @Transactional
    public School find(String code) {
        School school = schools.findById(code);
        if (school == null) {
            throw missing(code);
        }
        return school;
    }

    /** The answer for a school that does not exist, and for one of a region the caller may not see. */
    public static ProblemException missing(String code) {
        return ProblemException.notFound("School", code);
    }

    /** The county of a registered school, if it is registered. */
    @Transactional
    public Optional<String> countyOf(String code) {
        return schools.findByIdOptional(code).map(s -> s.countyCode);
    }

    @Transactional
    public SchoolResponse get(String code) {
        return toResponse(find(code));
    }

    @Transactional
    Page<SchoolResponse> list(String region, PageRequest page) {
        String prefix = RegionCode.prefix(region);
        return Page.of(schools.page(prefix, page.page(), page.size()).stream().map(SchoolService::toResponse).toList(),
                page, schools.count(prefix));
    }

    static SchoolSnapshot snapshot(School s) {
        return new SchoolSnapshot(s.code, s.name, s.type.name(), s.ownership.name(), s.inclusive, s.townshipCentral,
                s.area.name(), s.townshipCode, s.countyCode, s.openedOn, s.closedOn, s.version);
    }

    static SchoolResponse toResponse(School s) {
        return new SchoolResponse(s.code, s.name, s.type.name(), s.ownership.name(), s.inclusive, s.townshipCentral,
                s.area.name(), s.townshipCode, s.countyCode, s.openedOn, s.closedOn, s.version);
    }
}
