package cn.eduduty.report.resync;

import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationApproved;
import cn.eduduty.contracts.indicator.SelfEvaluationCreated;
import cn.eduduty.contracts.indicator.SelfEvaluationReturned;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.contracts.indicator.SelfEvaluationSubmitted;
import cn.eduduty.contracts.registry.PopulationRecorded;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.contracts.registry.SchoolRegistered;
import cn.eduduty.contracts.registry.SchoolSnapshot;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.readmodel.ReadModelProjector;
import cn.eduduty.report.resync.OwnerClients.Owners;
import cn.eduduty.report.resync.api.ResyncResponse;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Rebuilds the read model of counties from the owners' paginated REST APIs, with a system token:
 * regions, schools, school years, population, the county's own facts (senior-secondary entrance,
 * teacher recruitment, training institutions), accounts and postings, fiscal context, published
 * frameworks, self-evaluations and their ratings. Each county is read whole first and then
 * applied in one transaction through the projector, whose version guards keep newer state and
 * whose postings are keyed by id, so a resync after events, or events after a resync, count
 * nothing twice.
 */
@ApplicationScoped
public class ResyncService {

    private static final Logger LOG = Logger.getLogger(ResyncService.class);
    static final int YEARS_BACK = 10;

    private final ReadModelProjector projector;
    private final ResyncQueries queries;
    private final ReadModelLag lag;
    private final OwnerClients owners;

    ResyncService(ReadModelProjector projector, ResyncQueries queries, ReadModelLag lag, OwnerClients owners) {
        this.projector = projector;
        this.queries = queries;
        this.lag = lag;
        this.owners = owners;
    }

    /** One owner state to apply, in the order read. */
    private record State<T>(EventType<T> type, String region, T payload) {
    }

    public ResyncResponse resync(String region, String token, String requestedBy) {
        lag.resyncStarted();
        try {
            ResyncResponse response = resyncNow(region, token);
            recordCompleted(region, response.counties().size(), requestedBy);
            return response;
        } finally {
            lag.resyncFinished();
        }
    }

    /** Whether a resync of the region has completed since the read model was created. */
    @Transactional
    public boolean completed(String region) {
        return queries.completed(region);
    }

    @Transactional
    void recordCompleted(String region, int counties, String requestedBy) {
        queries.recordCompleted(region, counties, requestedBy);
    }

    private ResyncResponse resyncNow(String region, String token) {
        long started = System.nanoTime();
        try (Owners owner = owners.open(token)) {
            Map<String, Integer> read = new LinkedHashMap<>();
            List<String> counties = counties(owner.registry(), region);
            for (String county : counties) {
                List<State<?>> states = new ArrayList<>();
                try {
                    readRegistry(owner.registry(), county, states, read);
                    readFunding(owner.funding(), county, states, read);
                    readIndicator(owner.indicator(), county, states, read);
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw new ResyncException("an owner's answer about " + county + " could not be read: "
                            + e.getMessage());
                }
                applyAll(states);
            }
            if (RegionCode.level(region) != RegionCode.Level.COUNTY) {
                List<State<?>> states = new ArrayList<>();
                for (int year : window()) {
                    owner.registry().get(c -> c.population(region, year)).ifPresent(p -> {
                        add(states, EventTypes.POPULATION_RECORDED, region, population(p));
                        read.merge("populations", 1, Integer::sum);
                    });
                }
                applyAll(states);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("resynchronised %s (%d counties) in %d ms: %s", region, counties.size(), millis, read);
            return new ResyncResponse(counties, read, millis);
        }
    }

    @Transactional
    void applyAll(List<State<?>> states) {
        states.forEach(this::applyOne);
    }

    private <T> void applyOne(State<T> state) {
        projector.applyState(state.type(), state.region(), state.payload());
    }

    private static <T> void add(List<State<?>> states, EventType<T> type, String region, T payload) {
        states.add(new State<>(type, region, payload));
    }

    /**
     * The school and fiscal years a resync reads: the {@value #YEARS_BACK} years before the current
     * one through the next, which covers a report's three years and the cohorts of its
     * consolidation rates.
     */
    static List<Integer> window() {
        int now = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        List<Integer> years = new ArrayList<>();
        for (int y = now - YEARS_BACK; y <= now + 1; y++) {
            years.add(y);
        }
        return years;
    }

    /**
     * What the county signs, from a self-evaluation as indicator-service answers it (its
     * {@code signing}, absent until recorded), under the self-evaluation's current version, which
     * no earlier recording exceeds.
     */
    static Optional<SelfEvaluationSigningRecorded> signingOf(IndicatorClient.SelfEvaluation selfEvaluation,
            String county, long version) {
        IndicatorClient.Signing signing = selfEvaluation.signing();
        if (signing == null) {
            return Optional.empty();
        }
        List<SelfEvaluationSigningRecorded.NotablePractice> practices = new ArrayList<>();
        listOf(signing.notablePractices()).forEach(p -> practices.add(
                new SelfEvaluationSigningRecorded.NotablePractice(p.title(), p.indicatorCode(), p.text())));
        List<SelfEvaluationSigningRecorded.ImprovementMeasure> measures = new ArrayList<>();
        listOf(signing.improvementMeasures()).forEach(m -> measures.add(
                new SelfEvaluationSigningRecorded.ImprovementMeasure(m.text(), m.indicatorCode(), m.checkCode(),
                        m.checkSubject())));
        return Optional.of(new SelfEvaluationSigningRecorded(selfEvaluation.id(), selfEvaluation.frameworkId(), county,
                selfEvaluation.year(), signing.signingAuthority(), signing.signingDate(), practices, measures,
                signing.recordedBy(), version));
    }

    /** A list the owner may leave out, read as empty. */
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A list of the owner's items as the event carries them; left out stays null, as the event would have it. */
    private static <T, R> List<R> mapped(List<T> list, Function<T, R> item) {
        return list == null ? null : list.stream().map(item).toList();
    }

    /** The county itself, or the counties below a prefecture or province, per the registry. */
    private List<String> counties(Owner<RegistryClient> registry, String region) {
        RegionCode.Level level = RegionCode.level(region);
        if (level == RegionCode.Level.COUNTY) {
            return List.of(region);
        }
        List<String> counties = new ArrayList<>();
        for (RegistryClient.Region child : registry.all((c, page, size) -> c.children(region, page, size))) {
            counties.addAll(counties(registry, child.code()));
        }
        return level == RegionCode.Level.PREFECTURE || level == RegionCode.Level.PROVINCE ? counties : List.of();
    }

    private void readRegistry(Owner<RegistryClient> registry, String county, List<State<?>> states,
            Map<String, Integer> read) {
        // the county, its ancestors (names for roll-ups) and its townships
        registry.get(c -> c.region(county)).ifPresent(r -> {
            add(states, EventTypes.REGION_CHANGED, county, region(r));
            read.merge("regions", 1, Integer::sum);
        });
        registry.get(c -> c.ancestors(county)).ifPresent(list -> list.forEach(r -> {
            add(states, EventTypes.REGION_CHANGED, county, region(r));
            read.merge("regions", 1, Integer::sum);
        }));
        for (RegistryClient.Region r : registry.all((c, page, size) -> c.children(county, page, size))) {
            add(states, EventTypes.REGION_CHANGED, county, region(r));
            read.merge("regions", 1, Integer::sum);
        }
        Map<String, SchoolSnapshot> schools = new HashMap<>();
        for (RegistryClient.School s : registry.all((c, page, size) -> c.schools(county, page, size))) {
            SchoolSnapshot school = new SchoolSnapshot(s.code(), s.name(), s.type(), s.ownership(), s.inclusive(),
                    s.townshipCentral(), s.area(), s.townshipCode(), s.countyCode(), s.openedOn(), s.closedOn(),
                    s.version());
            schools.put(school.code(), school);
            add(states, EventTypes.SCHOOL_REGISTERED, county, new SchoolRegistered(school));
        }
        read.merge("schools", schools.size(), Integer::sum);
        TreeSet<Integer> years = new TreeSet<>();
        List<RegistryClient.SchoolYear> schoolYears = new ArrayList<>();
        for (int year : window()) {
            schoolYears.addAll(registry.all((c, page, size) -> c.schoolYears(county, year, page, size)));
        }
        for (RegistryClient.SchoolYear y : schoolYears) {
            SchoolSnapshot school = schools.get(y.schoolCode());
            if (school == null) {
                continue; // a school outside the county's list cannot be placed in a township
            }
            SchoolYearDataReplaced year = schoolYear(y, school);
            years.add(year.schoolYear());
            add(states, EventTypes.SCHOOL_YEAR_DATA_REPLACED, county, year);
            read.merge("schoolYears", 1, Integer::sum);
        }
        for (int year : years) {
            registry.get(c -> c.population(county, year)).ifPresent(p -> {
                add(states, EventTypes.POPULATION_RECORDED, county, population(p));
                read.merge("populations", 1, Integer::sum);
            });
        }
        readCountyFacts(registry, county, states, read);
    }

    private static RegionChanged region(RegistryClient.Region r) {
        return new RegionChanged(r.code(), r.name(), r.level(), r.parentCode(), r.validFrom(), r.validTo(),
                r.version());
    }

    private static PopulationRecorded population(RegistryClient.Population p) {
        return new PopulationRecorded(p.regionCode(), p.year(), p.residentsByAge(), p.identifiedDisabledChildren(),
                p.version());
    }

    /**
     * A school's year placed in the school's county and township; a class read without
     * {@code commonLanguage} teaches in the common language (the registry's default).
     */
    private static SchoolYearDataReplaced schoolYear(RegistryClient.SchoolYear y, SchoolSnapshot school) {
        List<SchoolYearDataReplaced.ClassRoom> classes = mapped(y.classes(),
                c -> new SchoolYearDataReplaced.ClassRoom(c.stage(), c.grade(), c.students(),
                        c.commonLanguage() == null || c.commonLanguage()));
        List<SchoolYearDataReplaced.Flow> flows = mapped(y.flows(),
                f -> new SchoolYearDataReplaced.Flow(f.stage(), f.grade(), f.entrants(), f.graduates(),
                        f.transfersIn(), f.transfersOut(), f.dropouts()));
        RegistryClient.SchoolYear.Disability d = y.disability();
        RegistryClient.SchoolYear.Staff s = y.staff();
        return new SchoolYearDataReplaced(y.schoolCode(), school.countyCode(), school.townshipCode(), y.schoolYear(),
                classes, flows,
                d == null ? null : new SchoolYearDataReplaced.Disability(d.regularClass(), d.specialClass(),
                        d.specialSchool(), d.homeDelivered()),
                s == null ? null : new SchoolYearDataReplaced.Staff(s.teachers(), s.newHires(), s.ruralNewHires(),
                        s.eligibleForRotation(), s.rotated(), s.rotatedBackbone(), s.newHiresPutonghua2B()),
                y.version());
    }

    /** The county's own facts of every year it recorded them (each response carries its event's fields). */
    private void readCountyFacts(Owner<RegistryClient> registry, String county, List<State<?>> states,
            Map<String, Integer> read) {
        for (RegistryClient.SeniorEntrance f : registry.all((c, page, size) -> c.seniorEntrance(county, page, size))) {
            add(states, EventTypes.SENIOR_ENTRANCE_RECORDED, county, new SeniorEntranceRecorded(f.regionCode(),
                    f.year(), f.juniorGraduates(), f.examTakers(), f.generalEntrants(), f.vocationalEntrantsInCounty(),
                    f.vocationalEntrantsOutOfCounty(), f.generalEnrolmentPlan(), f.version()));
            read.merge("seniorEntrances", 1, Integer::sum);
        }
        for (RegistryClient.TeacherRecruitment f
                : registry.all((c, page, size) -> c.teacherRecruitment(county, page, size))) {
            add(states, EventTypes.TEACHER_RECRUITMENT_RECORDED, county, new TeacherRecruitmentRecorded(
                    f.regionCode(), f.year(), f.recruited(), f.ruralRecruited(), f.version()));
            read.merge("teacherRecruitments", 1, Integer::sum);
        }
        for (RegistryClient.TrainingInstitutions f
                : registry.all((c, page, size) -> c.trainingInstitutions(county, page, size))) {
            List<TrainingInstitutionsRecorded.Kind> kinds = mapped(f.kinds(),
                    k -> new TrainingInstitutionsRecorded.Kind(k.kind(), k.atStart(), k.atEnd(), k.approved(),
                            k.rectified(), k.closed()));
            add(states, EventTypes.TRAINING_INSTITUTIONS_RECORDED, county, new TrainingInstitutionsRecorded(
                    f.regionCode(), f.year(), kinds, f.inspections(), f.complaintsHandled(), f.version()));
            read.merge("trainingInstitutions", 1, Integer::sum);
        }
    }

    private void readFunding(Owner<FundingClient> funding, String county, List<State<?>> states,
            Map<String, Integer> read) {
        Map<String, FundingClient.Account> accounts = new HashMap<>();
        funding.all((c, page, size) -> c.accounts(county, page, size)).forEach(a -> accounts.put(a.code(), a));
        for (FundingClient.FiscalContext f : funding.all((c, page, size) -> c.fiscalContexts(county, page, size))) {
            add(states, EventTypes.FISCAL_CONTEXT_RECORDED, county, new FiscalContextRecorded(f.regionCode(),
                    f.fiscalYear(), f.regularFiscalRevenue(), f.generalPublicBudgetExpenditure(),
                    f.averageTeacherPay(), f.averageCivilServantPay(), f.version()));
            read.merge("fiscalContexts", 1, Integer::sum);
        }
        for (int year : window()) {
            for (FundingClient.Posting p : funding.all((c, page, size) -> c.postings(county, year, page, size))) {
                List<PostingBooked.Line> lines = new ArrayList<>();
                for (FundingClient.Posting.Line l : listOf(p.lines())) {
                    FundingClient.Account account = accounts.get(l.accountCode());
                    lines.add(new PostingBooked.Line(l.accountCode(), l.accountName(),
                            account == null ? null : account.type(), account == null ? null : account.category(),
                            l.debit(), l.credit()));
                }
                add(states, EventTypes.POSTING_BOOKED, county, new PostingBooked(p.id(), county, p.fiscalYear(),
                        p.bookingDate(), p.voucherNumber(), p.memo(), p.schoolCode(), p.stage(), p.reversalOf(), lines,
                        p.bookedBy()));
                read.merge("postings", 1, Integer::sum);
            }
        }
    }

    private void readIndicator(Owner<IndicatorClient> indicator, String county, List<State<?>> states,
            Map<String, Integer> read) {
        Map<String, Boolean> frameworks = new HashMap<>();
        for (IndicatorClient.SelfEvaluation e : indicator.all((c, page, size) -> c.selfEvaluations(county, page, size))) {
            long version = e.version();
            if (frameworks.computeIfAbsent(e.frameworkId().toString(), f -> indicator.get(c -> c.framework(e.frameworkId()))
                    .filter(fw -> "PUBLISHED".equals(fw.status()))
                    .map(fw -> {
                        add(states, EventTypes.FRAMEWORK_PUBLISHED, county, framework(fw));
                        read.merge("frameworks", 1, Integer::sum);
                        return true;
                    }).orElse(false)) == Boolean.FALSE) {
                continue;
            }
            add(states, EventTypes.SELF_EVALUATION_CREATED, county, new SelfEvaluationCreated(e.id(), e.frameworkId(),
                    county, e.year(), e.createdBy()));
            read.merge("selfEvaluations", 1, Integer::sum);
            indicator.get(c -> c.ratings(e.id())).ifPresent(list -> list.forEach(r -> {
                List<RatingRecorded.Evidence> evidence = listOf(r.evidence()).stream()
                        .map(x -> new RatingRecorded.Evidence(x.title(), x.uri(), x.figureKey())).toList();
                // a rating read back carries the self-evaluation's version, which no earlier rating exceeds
                add(states, EventTypes.RATING_RECORDED, county, new RatingRecorded(e.id(), e.frameworkId(), county,
                        e.year(), r.indicatorCode(), r.rating(), null, r.narrative(), evidence, r.problem(),
                        r.improvement(), r.recordedBy(), version));
                read.merge("ratings", 1, Integer::sum);
            }));
            signingOf(e, county, version).ifPresent(signing -> {
                add(states, EventTypes.SELF_EVALUATION_SIGNING_RECORDED, county, signing);
                read.merge("signings", 1, Integer::sum);
            });
            switch (e.status() == null ? SelfEvaluationStatus.DRAFT : SelfEvaluationStatus.valueOf(e.status())) {
                case SUBMITTED -> add(states, EventTypes.SELF_EVALUATION_SUBMITTED, county,
                        new SelfEvaluationSubmitted(e.id(), e.frameworkId(), county, e.year(), null, version));
                case RETURNED -> add(states, EventTypes.SELF_EVALUATION_RETURNED, county,
                        new SelfEvaluationReturned(e.id(), e.frameworkId(), county, e.year(), null, null, List.of(),
                                version));
                case APPROVED -> add(states, EventTypes.SELF_EVALUATION_APPROVED, county,
                        new SelfEvaluationApproved(e.id(), e.frameworkId(), county, e.year(), e.approvedBy(),
                                List.of(), version));
                case DRAFT -> {
                    // created is all there is
                }
            }
        }
    }

    /** A published framework as its event carried it (the framework's {@code id} is the event's {@code frameworkId}). */
    private static FrameworkPublished framework(IndicatorClient.Framework fw) {
        List<IndicatorSnapshot> indicators = mapped(fw.indicators(),
                i -> new IndicatorSnapshot(i.code(), i.level(), i.title(), i.criteria(), i.displayOrder(),
                        i.metric() == null ? null : new IndicatorSnapshot.Metric(i.metric().key(),
                                i.metric().comparator(), i.metric().threshold(), i.metric().unit())));
        return new FrameworkPublished(fw.id(), fw.code(), fw.name(), fw.evaluationYear(), fw.issuer(),
                fw.regionCode(), fw.publishedAt(), fw.publishedBy(), indicators);
    }
}
