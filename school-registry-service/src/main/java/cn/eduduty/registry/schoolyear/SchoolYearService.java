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
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

@ApplicationScoped
public class SchoolYearService {

    private final SchoolService schools;
    private final SchoolYearStore store;
    private final Outbox outbox;

    SchoolYearService(SchoolService schools, SchoolYearStore store, Outbox outbox) {
        this.schools = schools;
        this.store = store;
        this.outbox = outbox;
    }

    public record Saved(SchoolYearResponse year, boolean created) {
    }

    /** Replaces a school's data for a year as a whole, atomically; If-Match when some is stored. */
    @Transactional
    public Saved replace(String code, int year, SchoolYearRequest request, String ifMatch, String principal) {
        School school = schools.find(code);
        List<Violation> violations = SchoolYearRules.check(school.type(), request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (!school.openIn(year)) {
            throw ProblemException.ruleViolated("School " + code + " was not open on 1 September " + year);
        }
        Long current = store.version(code, year);
        if (current != null) {
            cn.eduduty.runtime.web.Versions.requireMatch(ifMatch, current);
        } else {
            cn.eduduty.runtime.web.Versions.requireNoMatch(ifMatch, "Data of " + code + " for " + year);
        }
        store.replace(code, school.countyCode(), year, request, current, principal);
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

    @Transactional
    public SchoolYearResponse get(String code, int year) {
        SchoolYearResponse found = store.one(code, year);
        if (found == null) {
            throw ProblemException.notFound("School year", code + "/" + year);
        }
        return found;
    }

    @Transactional
    Page<SchoolYearResponse> list(String region, int year, PageRequest page) {
        String prefix = RegionCode.prefix(region);
        return Page.of(store.within(prefix, List.of(year), page.size(), page.offset()), page,
                store.countWithin(prefix, List.of(year)));
    }
}
