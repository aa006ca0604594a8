package cn.eduduty.report.resync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.funding.FiscalContextRecorded;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.contracts.indicator.FrameworkPublished;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationApproved;
import cn.eduduty.contracts.indicator.SelfEvaluationCreated;
import cn.eduduty.contracts.indicator.SelfEvaluationReturned;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationSubmitted;
import cn.eduduty.contracts.registry.PopulationRecorded;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.contracts.registry.SchoolRegistered;
import cn.eduduty.contracts.registry.SchoolSnapshot;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.report.readmodel.ReadModelProjector;
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
    private final jakarta.persistence.EntityManager em;
    private final cn.eduduty.report.position.ReadModelLag lag;
    private final String indicatorUrl;
    private final String registryUrl;
    private final String fundingUrl;

    ResyncService(ReadModelProjector projector, jakarta.persistence.EntityManager em,
            cn.eduduty.report.position.ReadModelLag lag,
            @ConfigProperty(name = "eduduty.owners.indicator-url") String indicatorUrl,
            @ConfigProperty(name = "eduduty.owners.registry-url") String registryUrl,
            @ConfigProperty(name = "eduduty.owners.funding-url") String fundingUrl) {
        this.projector = projector;
        this.em = em;
        this.lag = lag;
        this.indicatorUrl = indicatorUrl;
        this.registryUrl = registryUrl;
        this.fundingUrl = fundingUrl;
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
        return !em.createNativeQuery("SELECT 1 FROM read_model_resync WHERE region_code = :r")
                .setParameter("r", region).getResultList().isEmpty();
    }

    @Transactional
    void recordCompleted(String region, int counties, String requestedBy) {
        em.createNativeQuery("""
                INSERT INTO read_model_resync (region_code, counties, completed_at, completed_by)
                VALUES (:r, :c, now(), :by)
                ON CONFLICT (region_code) DO UPDATE SET counties = EXCLUDED.counties,
                    completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by""")
                .setParameter("r", region).setParameter("c", counties).setParameter("by", requestedBy).executeUpdate();
    }

    private ResyncResponse resyncNow(String region, String token) {
        long started = System.nanoTime();
        OwnerClient registry = new OwnerClient("school-registry-service", registryUrl, token);
        OwnerClient funding = new OwnerClient("funding-service", fundingUrl, token);
        OwnerClient indicator = new OwnerClient("indicator-service", indicatorUrl, token);
        Map<String, Integer> read = new LinkedHashMap<>();
        List<String> counties = counties(registry, region);
        for (String county : counties) {
            List<State<?>> states = new ArrayList<>();
            try {
                readRegistry(registry, county, states, read);
                readFunding(funding, county, states, read);
                readIndicator(indicator, county, states, read);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new OwnerClient.ResyncException("an owner's answer about " + county + " could not be read: "
                        + e.getMessage());
            }
            applyAll(states);
        }
        if (RegionCode.level(region) != RegionCode.Level.COUNTY) {
            List<State<?>> states = new ArrayList<>();
            for (int year : window()) {
                registry.get("/api/v1/regions/" + region + "/population/" + year, Map.of()).ifPresent(p -> {
                    add(states, EventTypes.POPULATION_RECORDED, region, as(p, PopulationRecorded.class));
                    read.merge("populations", 1, Integer::sum);
                });
            }
            applyAll(states);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("resynchronised %s (%d counties) in %d ms: %s", region, counties.size(), millis, read);
        return new ResyncResponse(counties, read, millis);
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

    private static <T> T as(JsonNode node, Class<T> type) {
        try {
            return EventJson.mapper().convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new OwnerClient.ResyncException("an owner answered with a " + type.getSimpleName()
                    + " this service cannot read: " + e.getMessage());
        }
    }

    /**
     * The school and fiscal years a resync reads: the {@value #YEARS_BACK} years before the current
     * one through the next, which covers a report's three years and the cohorts of its
     * consolidation rates.
     */
    static List<Integer> window() {
        int now = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
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
    static java.util.Optional<SelfEvaluationSigningRecorded> signingOf(JsonNode selfEvaluation, String county,
            long version) {
        JsonNode signing = selfEvaluation.path("signing");
        if (!signing.isObject()) {
            return java.util.Optional.empty();
        }
        List<SelfEvaluationSigningRecorded.NotablePractice> practices = new ArrayList<>();
        signing.path("notablePractices").forEach(p -> practices.add(as(p, SelfEvaluationSigningRecorded.NotablePractice.class)));
        List<SelfEvaluationSigningRecorded.ImprovementMeasure> measures = new ArrayList<>();
        signing.path("improvementMeasures")
                .forEach(m -> measures.add(as(m, SelfEvaluationSigningRecorded.ImprovementMeasure.class)));
        String date = signing.path("signingDate").asText(null);
        return java.util.Optional.of(new SelfEvaluationSigningRecorded(UUID.fromString(selfEvaluation.path("id").asText()),
                UUID.fromString(selfEvaluation.path("frameworkId").asText()), county, selfEvaluation.path("year").asInt(),
                signing.path("signingAuthority").asText(null), date == null ? null : java.time.LocalDate.parse(date),
                practices, measures, signing.path("recordedBy").asText(null), version));
    }

    /** The county itself, or the counties below a prefecture or province, per the registry. */
    private List<String> counties(OwnerClient registry, String region) {
        RegionCode.Level level = RegionCode.level(region);
        if (level == RegionCode.Level.COUNTY) {
            return List.of(region);
        }
        List<String> counties = new ArrayList<>();
        for (JsonNode child : registry.all("/api/v1/regions/" + region + "/children", Map.of())) {
            counties.addAll(counties(registry, child.path("code").asText()));
        }
        return level == RegionCode.Level.PREFECTURE || level == RegionCode.Level.PROVINCE ? counties : List.of();
    }

    private void readRegistry(OwnerClient registry, String county, List<State<?>> states, Map<String, Integer> read) {
        // the county, its ancestors (names for roll-ups) and its townships
        registry.get("/api/v1/regions/" + county, Map.of()).ifPresent(r -> {
            add(states, EventTypes.REGION_CHANGED, county, as(r, RegionChanged.class));
            read.merge("regions", 1, Integer::sum);
        });
        registry.get("/api/v1/regions/" + county + "/ancestors", Map.of()).ifPresent(list -> list.forEach(r -> {
            add(states, EventTypes.REGION_CHANGED, county, as(r, RegionChanged.class));
            read.merge("regions", 1, Integer::sum);
        }));
        for (JsonNode r : registry.all("/api/v1/regions/" + county + "/children", Map.of())) {
            add(states, EventTypes.REGION_CHANGED, county, as(r, RegionChanged.class));
            read.merge("regions", 1, Integer::sum);
        }
        Map<String, SchoolSnapshot> schools = new HashMap<>();
        for (JsonNode s : registry.all("/api/v1/schools", Map.of("region", county))) {
            SchoolSnapshot school = as(s, SchoolSnapshot.class);
            schools.put(school.code(), school);
            add(states, EventTypes.SCHOOL_REGISTERED, county, new SchoolRegistered(school));
        }
        read.merge("schools", schools.size(), Integer::sum);
        TreeSet<Integer> years = new TreeSet<>();
        List<JsonNode> schoolYears = new ArrayList<>();
        for (int year : window()) {
            schoolYears.addAll(registry.all("/api/v1/school-years", Map.of("region", county, "schoolYear", year)));
        }
        for (JsonNode y : schoolYears) {
            ObjectNode node = y.deepCopy();
            SchoolSnapshot school = schools.get(node.path("schoolCode").asText());
            if (school == null) {
                continue; // a school outside the county's list cannot be placed in a township
            }
            node.put("countyCode", school.countyCode());
            node.put("townshipCode", school.townshipCode());
            node.path("classes").forEach(c -> {
                if (c.path("commonLanguage").isNull() || c.path("commonLanguage").isMissingNode()) {
                    ((ObjectNode) c).put("commonLanguage", true); // the registry's default
                }
            });
            SchoolYearDataReplaced year = as(node, SchoolYearDataReplaced.class);
            years.add(year.schoolYear());
            add(states, EventTypes.SCHOOL_YEAR_DATA_REPLACED, county, year);
            read.merge("schoolYears", 1, Integer::sum);
        }
        for (int year : years) {
            registry.get("/api/v1/regions/" + county + "/population/" + year, Map.of()).ifPresent(p -> {
                add(states, EventTypes.POPULATION_RECORDED, county, as(p, PopulationRecorded.class));
                read.merge("populations", 1, Integer::sum);
            });
        }
        readCountyFacts(registry, county, states, read);
    }

    /** The county's own facts of every year it recorded them (each response carries its event's fields). */
    private void readCountyFacts(OwnerClient registry, String county, List<State<?>> states, Map<String, Integer> read) {
        String base = "/api/v1/counties/" + county;
        for (JsonNode f : registry.all(base + "/senior-entrance", Map.of())) {
            add(states, EventTypes.SENIOR_ENTRANCE_RECORDED, county, as(f, SeniorEntranceRecorded.class));
            read.merge("seniorEntrances", 1, Integer::sum);
        }
        for (JsonNode f : registry.all(base + "/teacher-recruitment", Map.of())) {
            add(states, EventTypes.TEACHER_RECRUITMENT_RECORDED, county, as(f, TeacherRecruitmentRecorded.class));
            read.merge("teacherRecruitments", 1, Integer::sum);
        }
        for (JsonNode f : registry.all(base + "/training-institutions", Map.of())) {
            add(states, EventTypes.TRAINING_INSTITUTIONS_RECORDED, county, as(f, TrainingInstitutionsRecorded.class));
            read.merge("trainingInstitutions", 1, Integer::sum);
        }
    }

    private void readFunding(OwnerClient funding, String county, List<State<?>> states, Map<String, Integer> read) {
        Map<String, JsonNode> accounts = new HashMap<>();
        funding.all("/api/v1/counties/" + county + "/accounts", Map.of())
                .forEach(a -> accounts.put(a.path("code").asText(), a));
        for (JsonNode f : funding.all("/api/v1/counties/" + county + "/fiscal-contexts", Map.of())) {
            add(states, EventTypes.FISCAL_CONTEXT_RECORDED, county, as(f, FiscalContextRecorded.class));
            read.merge("fiscalContexts", 1, Integer::sum);
        }
        for (int year : window()) {
            for (JsonNode p : funding.all("/api/v1/counties/" + county + "/postings", Map.of("fiscalYear", year))) {
                List<PostingBooked.Line> lines = new ArrayList<>();
                for (JsonNode l : p.path("lines")) {
                    JsonNode account = accounts.get(l.path("accountCode").asText());
                    lines.add(new PostingBooked.Line(l.path("accountCode").asText(), l.path("accountName").asText(),
                            account == null ? null : account.path("type").asText(null),
                            account == null ? null : account.path("category").asText(null),
                            new java.math.BigDecimal(l.path("debit").asText()),
                            new java.math.BigDecimal(l.path("credit").asText())));
                }
                add(states, EventTypes.POSTING_BOOKED, county, new PostingBooked(UUID.fromString(p.path("id").asText()),
                        county, p.path("fiscalYear").asInt(), java.time.LocalDate.parse(p.path("bookingDate").asText()),
                        p.path("voucherNumber").asText(), p.path("memo").asText(null), p.path("schoolCode").asText(null),
                        p.path("stage").asText(null),
                        p.path("reversalOf").isNull() || p.path("reversalOf").isMissingNode() ? null
                                : UUID.fromString(p.path("reversalOf").asText()),
                        lines, p.path("bookedBy").asText()));
                read.merge("postings", 1, Integer::sum);
            }
        }
    }

    private void readIndicator(OwnerClient indicator, String county, List<State<?>> states, Map<String, Integer> read) {
        Map<String, Boolean> frameworks = new HashMap<>();
        for (JsonNode e : indicator.all("/api/v1/self-evaluations", Map.of("region", county))) {
            UUID id = UUID.fromString(e.path("id").asText());
            UUID frameworkId = UUID.fromString(e.path("frameworkId").asText());
            int year = e.path("year").asInt();
            long version = e.path("version").asLong();
            if (frameworks.computeIfAbsent(frameworkId.toString(), f -> indicator.get("/api/v1/frameworks/" + f, Map.of())
                    .filter(fw -> "PUBLISHED".equals(fw.path("status").asText()))
                    .map(fw -> {
                        ObjectNode node = fw.deepCopy();
                        node.set("frameworkId", node.get("id"));
                        add(states, EventTypes.FRAMEWORK_PUBLISHED, county, as(node, FrameworkPublished.class));
                        read.merge("frameworks", 1, Integer::sum);
                        return true;
                    }).orElse(false)) == Boolean.FALSE) {
                continue;
            }
            add(states, EventTypes.SELF_EVALUATION_CREATED, county, new SelfEvaluationCreated(id, frameworkId, county,
                    year, e.path("createdBy").asText()));
            read.merge("selfEvaluations", 1, Integer::sum);
            indicator.get("/api/v1/self-evaluations/" + id + "/ratings", Map.of()).ifPresent(list -> list.forEach(r -> {
                List<RatingRecorded.Evidence> evidence = new ArrayList<>();
                r.path("evidence").forEach(x -> evidence.add(as(x, RatingRecorded.Evidence.class)));
                // a rating read back carries the self-evaluation's version, which no earlier rating exceeds
                add(states, EventTypes.RATING_RECORDED, county, new RatingRecorded(id, frameworkId, county, year,
                        r.path("indicatorCode").asText(), r.path("rating").asText(), null, r.path("narrative").asText(null),
                        evidence, r.path("problem").asText(null), r.path("improvement").asText(null),
                        r.path("recordedBy").asText(null), version));
                read.merge("ratings", 1, Integer::sum);
            }));
            signingOf(e, county, version).ifPresent(signing -> {
                add(states, EventTypes.SELF_EVALUATION_SIGNING_RECORDED, county, signing);
                read.merge("signings", 1, Integer::sum);
            });
            switch (e.path("status").asText()) {
                case "SUBMITTED" -> add(states, EventTypes.SELF_EVALUATION_SUBMITTED, county,
                        new SelfEvaluationSubmitted(id, frameworkId, county, year, null, version));
                case "RETURNED" -> add(states, EventTypes.SELF_EVALUATION_RETURNED, county,
                        new SelfEvaluationReturned(id, frameworkId, county, year, null, null, List.of(), version));
                case "APPROVED" -> add(states, EventTypes.SELF_EVALUATION_APPROVED, county,
                        new SelfEvaluationApproved(id, frameworkId, county, year, e.path("approvedBy").asText(null),
                                List.of(), version));
                default -> {
                    // DRAFT: created is all there is
                }
            }
        }
    }
}
