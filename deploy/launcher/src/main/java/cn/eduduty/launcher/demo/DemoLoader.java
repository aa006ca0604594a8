package cn.eduduty.launcher.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.launcher.demo.Api.Failure;
import cn.eduduty.launcher.demo.Api.Reply;
import cn.eduduty.launcher.demo.DemoCounty.ClassRoom;
import cn.eduduty.launcher.demo.DemoCounty.Evidence;
import cn.eduduty.launcher.demo.DemoCounty.FiscalContext;
import cn.eduduty.launcher.demo.DemoCounty.Flow;
import cn.eduduty.launcher.demo.DemoCounty.Line;
import cn.eduduty.launcher.demo.DemoCounty.Population;
import cn.eduduty.launcher.demo.DemoCounty.Posting;
import cn.eduduty.launcher.demo.DemoCounty.Rating;
import cn.eduduty.launcher.demo.DemoCounty.Region;
import cn.eduduty.launcher.demo.DemoCounty.SchoolYear;
import cn.eduduty.embedded.TokenIssuer;

/**
 * Loads the {@link DemoCounty} into a running suite through the four services' public REST APIs
 * only, with the tokens a real client would hold: a county editor of 990101 for the county's data,
 * a prefecture reviewer of 990100 for the framework and the approval, and — only to register the
 * regions (GB/T 2260 master data, which no county or prefecture role may write) — a provincial
 * {@code system} client of 990000.
 *
 * <p>Besides the schools' data it records the county's own facts (senior-secondary entrance,
 * teacher recruitment, training institutions: PUT with If-Match) and, after the ratings and before
 * submission, what the county signs ({@code PUT /api/v1/self-evaluations/{id}/signing}).
 *
 * <p>Idempotent: what is there already is compared and left alone (regions, school years,
 * population, county facts, fiscal contexts, ratings, signing choices), bulk imports and postings carry idempotency keys so a replay
 * changes nothing, and an approved self-evaluation is not touched. A second run duplicates nothing.
 *
 * <p>After loading it waits until the report service has read every event and asks it for the
 * 2025 report of 990101 ({@link #generateReport}).
 *
 * <p>Configuration from the environment: {@code INDICATOR_URL}, {@code REGISTRY_URL},
 * {@code FUNDING_URL}, {@code REPORT_URL} (default {@code http://localhost:8081} … {@code 8084}),
 * {@code EDUDUTY_TOKEN_KEY} (the key pair directory, default {@code .run/keys}),
 * {@code DEMO_CATCH_UP_SECONDS} (how long to wait for the report service, default 180).
 */
public final class DemoLoader {

    static final List<String> OWNER_TOPICS = List.of("indicator.events", "registry.events", "funding.events");
    static final String VALID_FROM = "2000-01-01";
    static final List<Integer> CLOSED_YEARS = DemoCounty.CLOSED_FISCAL_YEARS;

    /** Where the services are and how to sign tokens. */
    public record Config(String indicatorUrl, String registryUrl, String fundingUrl, String reportUrl, Path keyDirectory,
            Duration catchUpTimeout) {

        public static Config fromEnvironment(Map<String, String> env) {
            return new Config(url(env, "INDICATOR_URL", 8081), url(env, "REGISTRY_URL", 8082), url(env, "FUNDING_URL", 8083),
                    url(env, "REPORT_URL", 8084), Path.of(env.getOrDefault("EDUDUTY_TOKEN_KEY", ".run/keys")),
                    Duration.ofSeconds(Long.parseLong(env.getOrDefault("DEMO_CATCH_UP_SECONDS", "180"))));
        }

        /** The suite as the launcher runs it, on localhost:8081–8084. */
        public static Config local(Path keyDirectory) {
            return fromEnvironment(Map.of()).withKeyDirectory(keyDirectory);
        }

        public Config withKeyDirectory(Path directory) {
            return new Config(indicatorUrl, registryUrl, fundingUrl, reportUrl, directory, catchUpTimeout);
        }

        /**
         * Where the service at {@code apiUrl} answers health and metrics: its management port, 1000
         * above the API port by the suite's convention (8081 → 9081); null for a port outside it.
         */
        static String managementUrl(String apiUrl) {
            java.net.URI uri = java.net.URI.create(apiUrl);
            if (uri.getPort() < 8081 || uri.getPort() > 8084) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
        }

        private static String url(Map<String, String> env, String name, int port) {
            String url = env.getOrDefault(name, "http://localhost:" + port);
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** What the services hold for the demo county after loading, and how long loading took. */
    public record Summary(long schools, long classes, long classes2025, long postings, int postingsBookedNow,
            int ratings, String selfEvaluationStatus, int writes, Duration took) {
    }

    /** A generated report and where to get its renderings. */
    public record Report(String id, String baseUrl) {

        public String url(String format) {
            return baseUrl + "/api/v1/reports/" + id + "?format=" + format;
        }
    }

    public record Outcome(Summary summary, Optional<Report> report) {
    }

    private final Config config;
    private final PrintStream out;
    private final Api api = new Api();
    private final String editor;
    private final String reviewer;
    private final String provincial;
    private final DemoCounty.Place place;
    /** Writes that changed something in this run; none means the county was loaded already. */
    private int writes;

    public DemoLoader(Config config, PrintStream out) {
        this(config, out, DemoCounty.Place.DEMO);
    }

    /** A loader of a county at {@code place} (a {@link DemoCounty#at moved} county), with tokens of its regions. */
    public DemoLoader(Config config, PrintStream out, DemoCounty.Place place) {
        this.config = config;
        this.out = out;
        this.place = place;
        if (!Files.exists(config.keyDirectory().resolve("private-key.pem"))) {
            throw new IllegalStateException("no token key pair in " + config.keyDirectory().toAbsolutePath()
                    + ": start the suite first (deploy/run) or set EDUDUTY_TOKEN_KEY to its key directory");
        }
        TokenIssuer issuer = TokenIssuer.inDirectory(config.keyDirectory());
        Duration validity = Duration.ofHours(2);
        this.editor = issuer.mint("demo-loader@" + place.county(), "county-editor", place.county(), validity);
        this.reviewer = issuer.mint("demo-reviewer@" + place.prefecture(), "prefecture-reviewer", place.prefecture(),
                validity);
        this.provincial = issuer.mint("demo-admin@" + place.province(), "system", place.province(), validity);
    }

    public static void main(String[] args) {
        DemoLoader loader;
        try {
            loader = new DemoLoader(Config.fromEnvironment(System.getenv()), System.out);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Outcome outcome = loader.run();
            outcome.report().ifPresent(r -> {
                System.out.println("The 2025 report of " + DemoCounty.COUNTY + ":");
                for (String format : List.of("html", "docx", "pdf", "markdown", "json")) {
                    System.out.println("  " + r.url(format));
                }
            });
        } catch (Failure e) {
            System.err.println("Loading the demo county failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Loads the demo county, waits for the report service and asks for the report. */
    public Outcome run() {
        DemoCounty county = DemoCounty.generate();
        Summary summary = load(county);
        out.printf("Demo county %s loaded in %.1f s: %d schools, %d classes (%d in %d), %d postings (%d booked now), "
                + "%d ratings, self-evaluation %s.%n", place.county(), summary.took().toMillis() / 1000.0,
                summary.schools(), summary.classes(), summary.classes2025(), DemoCounty.REPORT_YEAR, summary.postings(),
                summary.postingsBookedNow(), summary.ratings(), summary.selfEvaluationStatus());
        Optional<Report> report = Optional.empty();
        if (awaitCaughtUp()) {
            if (summary.writes() == 0) {
                // nothing changed since a report was last generated: showing that one adds no duplicate snapshot
                report = latestReport(place.county(), DemoCounty.REPORT_YEAR);
                report.ifPresent(r -> out.println("The demo data was all there already: showing the newest report, " + r.id()
                        + " (POST /api/v1/reports makes a fresh one)."));
            }
            if (report.isEmpty()) {
                report = generateReport(place.county(), DemoCounty.REPORT_YEAR);
            }
        }
        return new Outcome(summary, report);
    }

    /** Loads everything; each step leaves alone what is there already. */
    public Summary load(DemoCounty county) {
        Instant started = Instant.now();
        writes = 0;
        loadRegions(county.regions());
        importSheets(county);
        loadDisability(county.schoolYears());
        loadPopulation(county.populations());
        loadCountyFacts(county.facts());
        loadFiscalContexts(county.fiscalContexts());
        int booked = loadPostings(county);
        String status = loadSelfEvaluation(county);
        Duration took = Duration.between(started, Instant.now());
        Map<Integer, Long> classes = countClasses(DemoCounty.SCHOOL_YEARS);
        return new Summary(countSchools(), classes.values().stream().mapToLong(Long::longValue).sum(),
                classes.getOrDefault(DemoCounty.REPORT_YEAR, 0L), countPostings(), booked, county.ratings().size(), status,
                writes, took);
    }

    // ---------------------------------------------------------------- registry

    private String registry(String path) {
        return config.registryUrl() + path;
    }

    private void loadRegions(List<Region> regions) {
        int registered = 0;
        int kept = 0;
        for (Region region : regions) {
            String token = provincial; // GB/T 2260 records are written by the system role only
            String url = registry("/api/v1/regions/" + region.code());
            ObjectNode body = api.object().put("name", region.name()).put("parentCode", region.parentCode())
                    .put("validFrom", VALID_FROM);
            Reply current = Api.expect("GET region " + region.code(), api.get(url, token), 200, 404);
            if (current.status() == 200) {
                JsonNode r = current.json();
                if (r.path("name").asText().equals(region.name())
                        && Objects.equals(text(r, "parentCode"), region.parentCode())) {
                    kept++;
                    continue;
                }
                Api.expect("PUT region " + region.code(), api.putJson(url, token, body, current.etag()), 200);
            } else {
                Api.expect("PUT region " + region.code(), api.putJson(url, token, body, null), 201, 200);
                registered++;
            }
            writes++;
        }
        out.printf("  regions: %d registered, %d already there%n", registered, kept);
    }

    private void importSheets(DemoCounty county) {
        importSheet("schools", DemoCsv.schools(county.schools()));
        importSheet("classes", DemoCsv.classes(county.schoolYears()));
        importSheet("enrolment", DemoCsv.enrolment(county.schoolYears()));
        importSheet("staff", DemoCsv.staff(county.schoolYears()));
    }

    /** One bulk import, keyed by the sheet's content: the same sheet again is a replay that changes nothing. */
    private void importSheet(String kind, String csv) {
        String key = "demo-" + place.county() + "-" + kind + "-" + DemoCsv.fingerprint(csv);
        Reply reply = Api.expect("import " + kind, api.post(registry("/api/v1/counties/" + place.county() + "/imports/" + kind),
                editor, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", key)), 201, 200);
        JsonNode s = reply.json();
        writes += s.path("replayed").asBoolean() ? 0 : 1;
        if (s.path("replayed").asBoolean()) {
            out.printf("  %s: %d rows imported before under key %s, nothing changed%n", kind, s.path("rows").asLong(), key);
        } else if (kind.equals("schools")) {
            out.printf("  schools: %d rows, %d registered, %d updated%n", s.path("rows").asLong(),
                    s.path("schoolsRegistered").asLong(), s.path("schoolsUpdated").asLong());
        } else {
            out.printf("  %s: %d rows, %d school years replaced%n", kind, s.path("rows").asLong(),
                    s.path("schoolYearsReplaced").asLong());
        }
    }

    /**
     * Disability placements exist only on the whole-year PUT: for the school years that report them,
     * the year is written once more with the same classes, flows and staff, if its placements differ.
     */
    private void loadDisability(List<SchoolYear> years) {
        int written = 0;
        int kept = 0;
        for (SchoolYear y : years) {
            if (y.disability() == null) {
                continue;
            }
            String url = registry("/api/v1/schools/" + y.schoolCode() + "/years/" + y.year());
            Reply current = Api.expect("GET school year " + y.schoolCode() + "/" + y.year(), api.get(url, editor), 200, 404);
            ObjectNode body = schoolYear(y);
            if (current.status() == 200 && current.json().path("disability").equals(body.path("disability"))) {
                kept++;
                continue;
            }
            Api.expect("PUT school year " + y.schoolCode() + "/" + y.year(),
                    api.putJson(url, editor, body, current.status() == 200 ? current.etag() : null), 200, 201);
            written++;
        }
        writes += written;
        out.printf("  disability placements: %d school years written, %d already there%n", written, kept);
    }

    private ObjectNode schoolYear(SchoolYear y) {
        ObjectNode body = api.object();
        ArrayNode classes = body.putArray("classes");
        for (ClassRoom c : y.classes()) {
            classes.addObject().put("stage", c.stage()).put("grade", c.grade()).put("students", c.students())
                    .put("commonLanguage", c.commonLanguage());
        }
        ArrayNode flows = body.putArray("flows");
        for (Flow f : y.flows()) {
            flows.addObject().put("stage", f.stage()).put("grade", f.grade()).put("entrants", f.entrants())
                    .put("graduates", f.graduates()).put("transfersIn", f.transfersIn()).put("transfersOut", f.transfersOut())
                    .put("dropouts", f.dropouts());
        }
        if (y.disability() != null) {
            body.putObject("disability").put("regularClass", y.disability().regularClass())
                    .put("specialClass", y.disability().specialClass()).put("specialSchool", y.disability().specialSchool())
                    .put("homeDelivered", y.disability().homeDelivered());
        }
        if (y.staff() != null) {
            var s = y.staff();
            body.putObject("staff").put("teachers", s.teachers()).put("newHires", s.newHires())
                    .put("ruralNewHires", s.ruralNewHires()).put("eligibleForRotation", s.eligibleForRotation())
                    .put("rotated", s.rotated()).put("rotatedBackbone", s.rotatedBackbone())
                    .put("newHiresPutonghua2B", s.newHiresPutonghua2B());
        }
        return body;
    }

    private void loadPopulation(List<Population> populations) {
        int written = 0;
        for (Population p : populations) {
            String url = registry("/api/v1/regions/" + place.county() + "/population/" + p.year());
            ObjectNode body = api.object();
            ObjectNode ages = body.putObject("residentsByAge");
            p.residentsByAge().forEach((age, n) -> ages.put(Integer.toString(age), n));
            body.put("identifiedDisabledChildren", p.identifiedDisabledChildren());
            Reply current = Api.expect("GET population " + p.year(), api.get(url, editor), 200, 404);
            if (current.status() == 200 && current.json().path("residentsByAge").equals(ages)
                    && current.json().path("identifiedDisabledChildren").asInt() == p.identifiedDisabledChildren()) {
                continue;
            }
            Api.expect("PUT population " + p.year(),
                    api.putJson(url, editor, body, current.status() == 200 ? current.etag() : null), 200, 201);
            written++;
        }
        writes += written;
        out.printf("  population: %d years written, %d already there%n", written, populations.size() - written);
    }

    /**
     * The county's own facts, each year through its PUT (If-Match once recorded): the
     * senior-secondary entrance, teacher recruitment and training institutions. A fact that is there
     * already as the demo has it is left alone.
     */
    private void loadCountyFacts(DemoCounty.CountyFacts facts) {
        int written = 0;
        int kept = 0;
        for (DemoCounty.SeniorEntrance e : facts.seniorEntrance()) {
            ObjectNode body = api.object().put("generalEntrants", e.generalEntrants())
                    .put("vocationalEntrantsInCounty", e.vocationalEntrantsInCounty())
                    .put("vocationalEntrantsOutOfCounty", e.vocationalEntrantsOutOfCounty());
            optional(body, "juniorGraduates", e.juniorGraduates());
            optional(body, "examTakers", e.examTakers());
            optional(body, "generalEnrolmentPlan", e.generalEnrolmentPlan());
            boolean changed = putCountyFact("senior-entrance", e.year(), body, List.of("juniorGraduates", "examTakers",
                    "generalEntrants", "vocationalEntrantsInCounty", "vocationalEntrantsOutOfCounty", "generalEnrolmentPlan"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        for (DemoCounty.TeacherRecruitment r : facts.teacherRecruitment()) {
            ObjectNode body = api.object().put("recruited", r.recruited()).put("ruralRecruited", r.ruralRecruited());
            boolean changed = putCountyFact("teacher-recruitment", r.year(), body, List.of("recruited", "ruralRecruited"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        for (DemoCounty.TrainingInstitutions t : facts.trainingInstitutions()) {
            ObjectNode body = api.object();
            ArrayNode kinds = body.putArray("kinds");
            for (DemoCounty.InstitutionKind k : t.kinds()) {
                kinds.addObject().put("kind", k.kind()).put("atStart", k.atStart()).put("atEnd", k.atEnd())
                        .put("approved", k.approved()).put("rectified", k.rectified()).put("closed", k.closed());
            }
            optional(body, "inspections", t.inspections());
            optional(body, "complaintsHandled", t.complaintsHandled());
            boolean changed = putCountyFact("training-institutions", t.year(), body,
                    List.of("kinds", "inspections", "complaintsHandled"));
            written += changed ? 1 : 0;
            kept += changed ? 0 : 1;
        }
        writes += written;
        out.printf("  county facts (senior-secondary entrance, teacher recruitment, training institutions): %d written, "
                + "%d already there%n", written, kept);
    }

    private static void optional(ObjectNode body, String field, Integer value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    /** PUTs one county fact unless the registry holds it with the same {@code fields}; whether it wrote. */
    private boolean putCountyFact(String kind, int year, ObjectNode body, List<String> fields) {
        String url = registry("/api/v1/counties/" + place.county() + "/" + kind + "/" + year);
        Reply current = Api.expect("GET " + kind + " " + year, api.get(url, editor), 200, 404);
        if (current.status() == 200 && sameFields(current.json(), body, fields)) {
            return false;
        }
        Api.expect("PUT " + kind + " " + year,
                api.putJson(url, editor, body, current.status() == 200 ? current.etag() : null), 200, 201);
        return true;
    }

    /** Whether {@code stored} has each of {@code fields} as {@code wanted} has it (absent and null alike). */
    private static boolean sameFields(JsonNode stored, JsonNode wanted, List<String> fields) {
        for (String field : fields) {
            JsonNode have = stored.path(field);
            JsonNode want = wanted.path(field);
            boolean haveNone = have.isMissingNode() || have.isNull();
            boolean wantNone = want.isMissingNode() || want.isNull();
            if (haveNone != wantNone || !haveNone && !have.equals(want)) {
                return false;
            }
        }
        return true;
    }

    private long countSchools() {
        return Api.expect("list schools", api.get(registry("/api/v1/schools?region=" + place.county() + "&size=1"), editor),
                200).json().path("totalItems").asLong();
    }

    /** Classes the registry holds for the county, per school year. */
    private Map<Integer, Long> countClasses(List<Integer> years) {
        Map<Integer, Long> classes = new LinkedHashMap<>();
        for (int year : years) {
            long count = 0;
            for (int page = 0;; page++) {
                JsonNode list = Api.expect("list school years " + year, api.get(registry("/api/v1/school-years?region="
                        + place.county() + "&schoolYear=" + year + "&size=200&page=" + page), editor), 200).json();
                for (JsonNode item : list.path("items")) {
                    count += item.path("classes").size();
                }
                if ((long) (page + 1) * 200 >= list.path("totalItems").asLong()) {
                    break;
                }
            }
            classes.put(year, count);
        }
        return classes;
    }

    // ---------------------------------------------------------------- funding

    private String funding(String path) {
        return config.fundingUrl() + "/api/v1/counties/" + place.county() + path;
    }

    private void loadFiscalContexts(List<FiscalContext> contexts) {
        int written = 0;
        for (FiscalContext c : contexts) {
            String url = funding("/fiscal-contexts/" + c.year());
            ObjectNode body = api.object().put("regularFiscalRevenue", c.regularFiscalRevenue().toPlainString())
                    .put("generalPublicBudgetExpenditure", c.generalPublicBudgetExpenditure().toPlainString())
                    .put("averageTeacherPay", c.averageTeacherPay().toPlainString())
                    .put("averageCivilServantPay", c.averageCivilServantPay().toPlainString());
            Reply current = Api.expect("GET fiscal context " + c.year(), api.get(url, editor), 200, 404);
            if (current.status() == 200 && sameAmounts(current.json(), body)) {
                continue;
            }
            Api.expect("PUT fiscal context " + c.year(),
                    api.putJson(url, editor, body, current.status() == 200 ? current.etag() : null), 200, 201);
            written++;
        }
        writes += written;
        out.printf("  fiscal contexts: %d years written, %d already there%n", written, contexts.size() - written);
    }

    private static boolean sameAmounts(JsonNode stored, ObjectNode wanted) {
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
            String have = text(stored, field.getKey());
            if (have == null || new BigDecimal(have).compareTo(new BigDecimal(field.getValue().asText())) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Books every posting under its key (a replay answers 200 with the original), the reversal, closes 2022–2024. */
    private int loadPostings(DemoCounty county) {
        Map<String, String> ids = new HashMap<>();
        int booked = 0;
        for (Posting p : county.postings()) {
            Reply reply = Api.expect("book posting " + p.key(), api.postJson(funding("/postings"), editor, posting(p),
                    Map.of("Idempotency-Key", p.key())), 201, 200);
            booked += reply.status() == 201 ? 1 : 0;
            ids.put(p.key(), reply.json().path("id").asText());
        }
        var r = county.reversal();
        ObjectNode reversal = api.object().put("reason", r.reason()).put("voucherNumber", r.voucherNumber())
                .put("bookingDate", r.bookingDate().toString());
        Reply reversed = Api.expect("reverse posting " + r.postingKey(), api.postJson(funding("/postings/"
                + ids.get(r.postingKey()) + "/reversal"), editor, reversal, Map.of("Idempotency-Key", r.key())), 201, 200);
        booked += reversed.status() == 201 ? 1 : 0;
        int closed = 0;
        for (int year : CLOSED_YEARS) {
            Reply reply = Api.expect("close fiscal year " + year,
                    api.postJson(funding("/fiscal-years/" + year + "/closure"), editor, null, Map.of()), 200, 409);
            closed += reply.status() == 200 ? 1 : 0;
        }
        writes += booked + closed;
        out.printf("  ledger: %d postings and 1 reversal, %d booked now, %d replayed; fiscal years %s closed (%d now)%n",
                county.postings().size(), booked, county.postings().size() + 1 - booked, CLOSED_YEARS, closed);
        return booked;
    }

    private ObjectNode posting(Posting p) {
        ObjectNode body = api.object().put("fiscalYear", p.fiscalYear()).put("bookingDate", p.bookingDate().toString())
                .put("voucherNumber", p.voucherNumber()).put("memo", p.memo());
        if (p.schoolCode() != null) {
            body.put("schoolCode", p.schoolCode());
        }
        if (p.stage() != null) {
            body.put("stage", p.stage());
        }
        ArrayNode lines = body.putArray("lines");
        for (Line l : p.lines()) {
            ObjectNode line = lines.addObject().put("account", l.account());
            if (l.debit() != null) {
                line.put("debit", l.debit().toPlainString());
            }
            if (l.credit() != null) {
                line.put("credit", l.credit().toPlainString());
            }
        }
        return body;
    }

    private long countPostings() {
        long total = 0;
        for (int year : DemoCounty.FISCAL_YEARS) {
            total += Api.expect("list postings " + year, api.get(funding("/postings?fiscalYear=" + year + "&size=1"), editor),
                    200).json().path("totalItems").asLong();
        }
        return total;
    }

    // ---------------------------------------------------------------- indicators

    private String indicator(String path) {
        return config.indicatorUrl() + path;
    }

    /** The prefecture's framework (instantiated and published once), the county's self-evaluation, rated, submitted, approved. */
    private String loadSelfEvaluation(DemoCounty county) {
        JsonNode framework = publishedFramework(county.framework());
        String frameworkId = framework.path("id").asText();
        JsonNode evaluation = selfEvaluation(frameworkId);
        String id = evaluation.path("id").asText();
        String status = evaluation.path("status").asText();
        String version = evaluation.path("version").asText();
        if (status.equals("APPROVED")) {
            out.printf("  self-evaluation %s of %s: APPROVED already, left as it is%n", id, place.county());
            return status;
        }
        if (status.equals("DRAFT") || status.equals("RETURNED")) {
            version = rate(id, frameworkId, county.ratings(), version);
            version = sign(id, evaluation.path("signing"), county.signing(), version);
            Reply submitted = Api.expect("submit self-evaluation", api.postJson(indicator("/api/v1/self-evaluations/" + id
                    + "/submission"), editor, null, Map.of("If-Match", "\"" + version + "\"")), 200);
            version = submitted.etag();
            status = "SUBMITTED";
            writes++;
        }
        if (status.equals("SUBMITTED")) {
            Reply approved = Api.expect("approve self-evaluation", api.postJson(indicator("/api/v1/self-evaluations/" + id
                    + "/approval"), reviewer, null, Map.of("If-Match", "\"" + version + "\"")), 200);
            status = approved.json().path("status").asText();
            writes++;
        }
        out.printf("  self-evaluation %s of %s: submitted by the county, %s by the prefecture%n", id,
                place.county(), status);
        return status;
    }

    /**
     * Records what the county signs (after the ratings its choices name, before submission), unless
     * the self-evaluation holds exactly these choices already; answers the new version.
     */
    private String sign(String id, JsonNode stored, DemoCounty.Signing signing, String version) {
        ObjectNode body = signingBody(signing);
        if (sameSigning(stored, body)) {
            out.printf("  signing: %s, %s, %d 经典做法, %d 改进措施 already recorded%n", signing.authority(), signing.date(),
                    signing.practices().size(), signing.measures().size());
            return version;
        }
        Reply reply = Api.expect("record the signing", api.putJson(indicator("/api/v1/self-evaluations/" + id + "/signing"),
                editor, body, version), 200);
        writes++;
        out.printf("  signing: %s, %s, %d 经典做法, %d 改进措施 recorded%n", signing.authority(), signing.date(),
                signing.practices().size(), signing.measures().size());
        return reply.etag();
    }

    /** The body of {@code PUT …/signing}: absent parts of a practice or measure are left out. */
    static ObjectNode signingBody(DemoCounty.Signing signing) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("signingAuthority", signing.authority())
                .put("signingDate", signing.date().toString());
        ArrayNode practices = body.putArray("notablePractices");
        for (DemoCounty.Practice p : signing.practices()) {
            ObjectNode item = practices.addObject().put("title", p.title());
            if (p.indicatorCode() != null) {
                item.put("indicatorCode", p.indicatorCode());
            }
            if (p.text() != null) {
                item.put("text", p.text());
            }
        }
        ArrayNode measures = body.putArray("improvementMeasures");
        for (DemoCounty.Measure m : signing.measures()) {
            ObjectNode item = measures.addObject().put("text", m.text());
            if (m.indicatorCode() != null) {
                item.put("indicatorCode", m.indicatorCode());
            }
            if (m.checkCode() != null) {
                item.put("checkCode", m.checkCode());
            }
            if (m.checkSubject() != null) {
                item.put("checkSubject", m.checkSubject());
            }
        }
        return body;
    }

    /** Whether the self-evaluation's {@code signing} (as indicator-service answers it) holds exactly {@code wanted}. */
    static boolean sameSigning(JsonNode stored, ObjectNode wanted) {
        if (stored == null || stored.isMissingNode() || stored.isNull()) {
            return false;
        }
        if (!sameFields(stored, wanted, List.of("signingAuthority", "signingDate"))) {
            return false;
        }
        return sameItems(stored.path("notablePractices"), wanted.path("notablePractices"), List.of("title", "indicatorCode", "text"))
                && sameItems(stored.path("improvementMeasures"), wanted.path("improvementMeasures"),
                        List.of("text", "indicatorCode", "checkCode", "checkSubject"));
    }

    private static boolean sameItems(JsonNode stored, JsonNode wanted, List<String> fields) {
        if (stored.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!sameFields(stored.get(i), wanted.get(i), fields)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode publishedFramework(DemoCounty.Framework spec) {
        JsonNode found = null;
        JsonNode list = Api.expect("list frameworks", api.get(indicator("/api/v1/frameworks?region=" + spec.regionCode()
                + "&year=" + spec.evaluationYear() + "&size=500"), reviewer), 200).json();
        for (JsonNode f : list.path("items")) {
            if (f.path("code").asText().equals(spec.code()) && f.path("regionCode").asText().equals(spec.regionCode())) {
                found = f;
            }
        }
        if (found == null) {
            ObjectNode body = api.object().put("code", spec.code()).put("name", spec.name())
                    .put("evaluationYear", spec.evaluationYear()).put("issuer", spec.issuer())
                    .put("regionCode", spec.regionCode());
            found = Api.expect("instantiate the " + spec.template() + " template", api.postJson(indicator("/api/v1/templates/"
                    + spec.template() + "/frameworks"), reviewer, body, Map.of()), 201).json();
            writes++;
        }
        String id = found.path("id").asText();
        if (found.path("status").asText().equals("PUBLISHED")) {
            out.printf("  framework %s (%s): published already%n", spec.code(), id);
            return found;
        }
        JsonNode published = Api.expect("publish framework " + spec.code(), api.postJson(indicator("/api/v1/frameworks/" + id
                + "/publication"), reviewer, null, Map.of("If-Match", "\"" + found.path("version").asText() + "\"")), 200)
                .json();
        writes++;
        out.printf("  framework %s (%s): instantiated from the %s template and published%n", spec.code(), id, spec.template());
        return published;
    }

    private JsonNode selfEvaluation(String frameworkId) {
        JsonNode list = Api.expect("list self-evaluations", api.get(indicator("/api/v1/self-evaluations?region="
                + place.county() + "&year=" + DemoCounty.REPORT_YEAR + "&framework=" + frameworkId), editor), 200).json();
        if (list.path("items").size() > 0) {
            return list.path("items").get(0);
        }
        ObjectNode body = api.object().put("frameworkId", frameworkId).put("regionCode", place.county())
                .put("year", DemoCounty.REPORT_YEAR);
        writes++;
        return Api.expect("open the self-evaluation", api.postJson(indicator("/api/v1/self-evaluations"), editor, body,
                Map.of()), 201).json();
    }

    /** Rates every third-level indicator not yet rated as the demo says; answers the new version. */
    private String rate(String id, String frameworkId, List<Rating> ratings, String version) {
        JsonNode tree = Api.expect("framework indicators", api.get(indicator("/api/v1/frameworks/" + frameworkId
                + "/indicators"), editor), 200).json();
        Set<String> thirdLevel = new TreeSet<>();
        tree.forEach(i -> {
            if (i.path("level").asInt() == 3) {
                thirdLevel.add(i.path("code").asText());
            }
        });
        Set<String> rated = new TreeSet<>();
        ratings.forEach(r -> rated.add(r.code()));
        if (!thirdLevel.equals(rated)) {
            Set<String> missing = new TreeSet<>(thirdLevel);
            missing.removeAll(rated);
            Set<String> extra = new TreeSet<>(rated);
            extra.removeAll(thirdLevel);
            throw new Failure("the framework's third-level indicators and the demo's ratings differ: not rated " + missing
                    + ", not in the framework " + extra, 0);
        }
        Map<String, JsonNode> current = new LinkedHashMap<>();
        Api.expect("list ratings", api.get(indicator("/api/v1/self-evaluations/" + id + "/ratings"), editor), 200).json()
                .forEach(r -> current.put(r.path("indicatorCode").asText(), r));
        int recorded = 0;
        for (Rating r : ratings) {
            ObjectNode body = rating(r);
            if (sameRating(current.get(r.code()), body)) {
                continue;
            }
            Reply reply = Api.expect("rate " + r.code(), api.putJson(indicator("/api/v1/self-evaluations/" + id + "/ratings/"
                    + r.code()), editor, body, version), 200);
            version = reply.etag();
            recorded++;
        }
        writes += recorded;
        out.printf("  ratings: %d recorded, %d already there%n", recorded, ratings.size() - recorded);
        return version;
    }

    private ObjectNode rating(Rating r) {
        ObjectNode body = api.object().put("rating", r.rating()).put("narrative", r.narrative());
        ArrayNode evidence = body.putArray("evidence");
        for (Evidence e : r.evidence()) {
            ObjectNode item = evidence.addObject().put("title", e.title());
            if (e.uri() != null) {
                item.put("uri", e.uri());
            }
            if (e.figureKey() != null) {
                item.put("figureKey", e.figureKey());
            }
        }
        if (r.problem() != null) {
            body.put("problem", r.problem());
        }
        if (r.improvement() != null) {
            body.put("improvement", r.improvement());
        }
        return body;
    }

    private static boolean sameRating(JsonNode stored, ObjectNode wanted) {
        if (stored == null) {
            return false;
        }
        for (String field : List.of("rating", "narrative", "problem", "improvement")) {
            if (!Objects.equals(text(stored, field), text(wanted, field))) {
                return false;
            }
        }
        List<List<String>> have = new ArrayList<>();
        stored.path("evidence").forEach(e -> have.add(evidence(e)));
        List<List<String>> want = new ArrayList<>();
        wanted.path("evidence").forEach(e -> want.add(evidence(e)));
        return have.equals(want);
    }

    private static List<String> evidence(JsonNode e) {
        return java.util.Arrays.asList(text(e, "title"), text(e, "uri"), text(e, "figureKey"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    // ---------------------------------------------------------------- report

    /**
     * Waits until the report service has applied every event of the three owner topics: the
     * owners' outboxes are empty (their {@code eduduty_outbox_unsent} metric is 0, so Kafka holds
     * every event), every read position has {@code lag} 0 and each topic has one. While the
     * positions carry no {@code lag} (an older report service), it waits until they stop moving.
     */
    public boolean awaitCaughtUp() {
        Instant deadline = Instant.now().plus(config.catchUpTimeout());
        String url = config.reportUrl() + "/api/v1/read-positions";
        JsonNode previous = null;
        int steady = 0;
        out.print("Waiting for report-service to read every event ...");
        while (Instant.now().isBefore(deadline)) {
            Reply reply;
            try {
                reply = api.get(url, editor);
            } catch (Failure e) {
                reply = null;
            }
            if (reply != null && reply.status() == 200) {
                JsonNode positions = reply.json();
                Set<String> topics = new TreeSet<>();
                boolean anyLagField = false;
                boolean allZero = true;
                for (JsonNode p : positions) {
                    topics.add(p.path("topic").asText());
                    anyLagField |= p.has("lag");
                    // lag is null while Kafka does not answer: not known to be caught up
                    allZero &= p.path("lag").isNumber() && p.path("lag").asLong() == 0;
                }
                boolean allTopics = topics.containsAll(OWNER_TOPICS) && outboxesDrained();
                if (allTopics && allZero) {
                    out.println(" caught up.");
                    return true;
                }
                if (allTopics && !anyLagField) {
                    steady = positions.equals(previous) ? steady + 1 : 0;
                    if (steady >= 3) {
                        out.println(" its read positions have stopped moving (they report no lag yet).");
                        return true;
                    }
                }
                previous = positions;
            }
            sleep(Duration.ofSeconds(2));
            out.print(".");
        }
        out.println();
        out.println("report-service has not caught up after " + config.catchUpTimeout().toSeconds() + " s (see "
                + url + "); no report asked for. Ask later: POST " + config.reportUrl() + "/api/v1/reports "
                + "{\"region\":\"" + place.county() + "\",\"year\":" + DemoCounty.REPORT_YEAR + ",\"kind\":\"FINAL\"}");
        return false;
    }

    /** Whether the owners have sent every outbox event to Kafka; true when a service does not say. */
    private boolean outboxesDrained() {
        java.util.regex.Pattern unsent = java.util.regex.Pattern.compile("(?m)^eduduty_outbox_unsent(?:\\{[^}]*})?\\s+(\\S+)$");
        for (String service : List.of(config.indicatorUrl(), config.registryUrl(), config.fundingUrl())) {
            String management = Config.managementUrl(service);
            if (management == null) {
                continue; // metrics answer on a management port this loader cannot tell: rely on the read positions
            }
            try {
                Reply metrics = api.send("GET", management + "/q/metrics", editor, null, null, Map.of("Accept", "text/plain"));
                java.util.regex.Matcher m = unsent.matcher(metrics.status() == 200 ? metrics.body() : "");
                while (m.find()) {
                    if (Double.parseDouble(m.group(1)) > 0) {
                        return false;
                    }
                }
            } catch (Failure | NumberFormatException e) {
                // cannot tell: rely on the read positions
            }
        }
        return true;
    }

    /** The newest final report of {@code region} and {@code year}, if the report service lists one. */
    Optional<Report> latestReport(String region, int year) {
        try {
            Reply reply = api.get(config.reportUrl() + "/api/v1/reports?region=" + region + "&year=" + year
                    + "&kind=FINAL&size=1", editor);
            if (reply.status() == 200 && reply.json().path("items").size() > 0) {
                return Optional.of(new Report(reply.json().path("items").get(0).path("id").asText(), config.reportUrl()));
            }
        } catch (Failure e) {
            // no list to read: generate one
        }
        return Optional.empty();
    }

    /**
     * Asks the report service for a final report of {@code region} and {@code year}: {@code POST
     * /api/v1/reports} answers 201 with the report's id (in the body, and in {@code Location}).
     * Each call makes a new snapshot of the data as it is now. Empty, with the reason printed,
     * when the service cannot generate reports yet (404) or refuses.
     */
    public Optional<Report> generateReport(String region, int year) {
        ObjectNode body = api.object().put("region", region).put("year", year).put("kind", "FINAL");
        Reply reply;
        try {
            reply = api.postJson(config.reportUrl() + "/api/v1/reports", editor, body, Map.of());
        } catch (Failure e) {
            out.println("Could not ask report-service for the report: " + e.getMessage());
            return Optional.empty();
        }
        if (reply.status() == 404) {
            out.println("report-service cannot generate reports yet (POST /api/v1/reports answered 404); the demo data is "
                    + "loaded, ask for the report once the endpoint exists.");
            return Optional.empty();
        }
        if (reply.status() != 201 && reply.status() != 200) {
            out.println("report-service did not generate the report: HTTP " + reply.status() + " "
                    + Api.abbreviate(reply.body()));
            return Optional.empty();
        }
        String id = null;
        try {
            id = text(reply.json(), "id");
        } catch (Failure e) {
            // no JSON body: fall back to Location
        }
        if (id == null) {
            id = reply.header("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
        }
        if (id == null) {
            out.println("report-service answered " + reply.status() + " without a report id");
            return Optional.empty();
        }
        out.println("report-service generated the " + year + " report of " + region + ": " + id);
        return Optional.of(new Report(id, config.reportUrl()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", 0);
        }
    }
}
