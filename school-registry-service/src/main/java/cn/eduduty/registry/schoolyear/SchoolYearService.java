package cn.eduduty.registry.schoolyear;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.registry.school.School;
import cn.eduduty.registry.school.SchoolService;
import cn.eduduty.registry.schoolyear.api.SchoolYearRequest;
import cn.eduduty.registry.schoolyear.api.SchoolYearResponse;
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
public class SchoolYearService {

    private final SchoolService schools;
    private final SchoolYearQueries queries;
    private final Outbox outbox;

    SchoolYearService(SchoolService schools, SchoolYearQueries queries, Outbox outbox) {
        this.schools = schools;
        this.queries = queries;
        this.outbox = outbox;
    }

    public record Saved(SchoolYearResponse year, boolean created) {
    }

    /** Replaces a school's data for a year as a whole, atomically; If-Match when some is stored. */
    @Transactional
    public Saved replace(String code, int year, SchoolYearRequest request, String ifMatch, Access access) {
        School school = schools.find(code);
        access.requireWriteOrHide(school.townshipCode(), () -> SchoolService.missing(code));
        String principal = access.principal();
        List<Violation> violations = SchoolYearRules.check(school.type(), request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (!school.openIn(year)) {
            throw ProblemException.ruleViolated("School " + code + " was not open on 1 September " + year);
        }
        Long current = queries.version(code, year);
        long version;
        if (current != null) {
            Versions.requireMatch(ifMatch, current);
            if (!queries.claim(code, year, current)) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "The school year was changed by someone else; fetch it again and retry");
            }
            queries.deleteParts(code, year, true, true);
            version = current + 1;
        } else {
            Versions.requireNoMatch(ifMatch, "Data of " + code + " for " + year);
            queries.insert(code, school.countyCode(), year, principal);
            version = 0;
        }
        queries.write(code, year, request, version, principal);
        SchoolYearResponse saved = get(code, year);
        outbox.publish(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "school-year", code + "/" + year, school.countyCode(),
                event(saved, school), principal);
        return new Saved(saved, current == null);
    }

    public static SchoolYearDataReplaced event(SchoolYearResponse y, School school) {
        return new SchoolYearDataReplaced(y.schoolCode(), school.countyCode(), school.townshipCode(), y.schoolYear(),
                y.classes().stream().map(c -> new SchoolYearDataReplaced.ClassRoom(c.stage(), c.grade(), c.students(),
                        c.commonLanguage() == null || c.commonLanguage())).toList(),
                y.flows().stream().map(f -> new SchoolYearDataReplaced.Flow(f.stage(), f.grade(), f.entrants(),
                        f.graduates(), f.transfersIn(), f.transfersOut(), f.dropouts())).toList(),
                y.disability() == null ? null : new SchoolYearDataReplaced.Disability(y.disability().regularClass(),
                        y.disability().specialClass(), y.disability().specialSchool(), y.disability().homeDelivered()),
                y.staff() == null ? null : new SchoolYearDataReplaced.Staff(y.staff().teachers(), y.staff().newHires(),
                        y.staff().ruralNewHires(), y.staff().eligibleForRotation(), y.staff().rotated(),
                        y.staff().rotatedBackbone(), y.staff().newHiresPutonghua2B()),
                y.version());
    }

    /** A school's data for a year, if the caller may read the school. */
    @Transactional
    public SchoolYearResponse get(String code, int year, Access access) {
        access.requireReadOrHide(schools.find(code).townshipCode(), () -> SchoolService.missing(code));
        return get(code, year);
    }

    @Transactional
    public SchoolYearResponse get(String code, int year) {
        SchoolYearResponse found = queries.one(code, year);
        if (found == null) {
            throw ProblemException.notFound("School year", code + "/" + year);
        }
        return found;
    }

    @Transactional
    Page<SchoolYearResponse> list(String region, int year, PageRequest page) {
        String prefix = RegionCode.prefix(region);
        return Page.of(queries.within(prefix, List.of(year), page.size(), page.offset()), page,
                queries.countWithin(prefix, List.of(year)));
    }
}
