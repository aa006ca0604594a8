package cn.eduduty.chaos;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One county's bureau as a client of the suite: it owns its county's records alone (so an
 * If-Match it holds goes stale only by its own earlier write), writes them over and over with
 * retries, and keeps a ledger of every write and what became of it, which {@link #checkOwners}
 * then holds against what the owners say.
 *
 * <p>Writes: postings and reversals (funding, Idempotency-Key), fiscal contexts (funding, If-Match),
 * school years (registry, If-Match), class imports (registry, Idempotency-Key), ratings and
 * submit/return steps of the self-evaluation (indicator, If-Match).
 */
final class CountyClient {

    static final List<Integer> FISCAL_YEARS = List.of(2023, 2024, 2025);
    static final List<Integer> SCHOOL_YEARS = List.of(2024, 2025);
    static final int PUT_SCHOOLS = 8;
    static final int IMPORT_SCHOOLS = 3;

    /** What became of one write. */
    enum Outcome {
        /** A 2xx came, or a retry proved the earlier attempt had landed. */
        ACKNOWLEDGED,
        /** The client gave up without a definite answer: it may or may not have landed. */
        GAVE_UP,
        /** A definite refusal the workload did not expect (a 4xx): reported. */
        REFUSED
    }

    /** A posting or reversal: {@code reverses} is the voucher of the posting it reverses. */
    record PostingWrite(String voucher, int fiscalYear, BigDecimal amount, String reverses, Outcome outcome, String id) {
    }

    /** A record replaced with If-Match: its version when set up, and the writes since. */
    static final class Target {
        final String url;
        long setupVersion;
        String etag;
        int acknowledged;
        int gaveUp;
        String lastAcknowledged; // canonical content
        /** Contents written since the last acknowledged write and given up on: any may have landed. */
        final Set<String> uncertain = new HashSet<>();

        Target(String url) {
            this.url = url;
        }
    }

    final String county;
    final int number;
    private final Endpoints endpoints;
    private final Http http;
    private final Retrying retrying;
    private final SplittableRandom random;
    final String editor;
    private final String reviewer;

    final Map<String, PostingWrite> postings = new LinkedHashMap<>();
    final Map<String, Target> targets = new LinkedHashMap<>();
    final Map<String, String> importedClasses = new TreeMap<>(); // school-year key -> classes of the last acknowledged import
    final Map<String, Set<String>> importUncertain = new TreeMap<>(); // school-year key -> classes of imports given up on since
    final List<String> refusals = new ArrayList<>();
    final List<String> schools = new ArrayList<>();
    final List<String> importSchools = new ArrayList<>();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final Map<String, Integer> acknowledgedByKind = new TreeMap<>();
    String selfEvaluationId;
    final Target selfEvaluation = new Target(null);
    String selfEvaluationStatus;
    List<String> indicatorCodes = List.of();
    private int sequence;

    /** Where the owners answer, and the framework every county rates against. */
    record Endpoints(String registry, String funding, String indicator, String frameworkId) {
    }

    CountyClient(String county, int number, Endpoints endpoints, Http http, Duration patience, long seed,
            AtomicLong retries, String editor, String reviewer) {
        this.county = county;
        this.number = number;
        this.endpoints = endpoints;
        this.http = http;
        this.random = new SplittableRandom(seed);
        this.retrying = new Retrying(patience, random.split(), retries);
        this.editor = editor;
        this.reviewer = reviewer;
    }

    static String township(String county) {
        return county + "001";
    }

    // ------------------------------------------------------------------ set-up (before any fault)

    /** Registers the county's schools, their school years, fiscal contexts and a fully rated self-evaluation. */
    void setUp() {
        for (int i = 1; i <= PUT_SCHOOLS + IMPORT_SCHOOLS; i++) {
            String code = "21" + county.substring(0, 2) + String.format("%04d%02d", Integer.parseInt(county.substring(2)), i);
            ObjectNode school = Http.object().put("name", "混沌演练第" + number + "县第" + i + "小学").put("type", "PRIMARY")
                    .put("ownership", "PUBLIC").put("inclusive", false).put("townshipCentral", false).put("area", "RURAL")
                    .put("townshipCode", township(county)).put("openedOn", "2000-09-01");
            require("register school " + code, retrying.call(() -> http.put(endpoints.registry() + "/api/v1/schools/" + code,
                    editor, school, null)), 201, 428);
            (i <= PUT_SCHOOLS ? schools : importSchools).add(code);
        }
        for (String code : schools) {
            for (int year : SCHOOL_YEARS) {
                create("school-year/" + code + "/" + year,
                        endpoints.registry() + "/api/v1/schools/" + code + "/years/" + year, schoolYear(), CountyClient::classes);
            }
        }
        for (int year : FISCAL_YEARS) {
            create("fiscal-context/" + year, endpoints.funding() + "/api/v1/counties/" + county + "/fiscal-contexts/" + year,
                    fiscalContext(), CountyClient::amounts);
        }
        JsonNode indicators = require("framework indicators", retrying.call(() -> http.get(endpoints.indicator()
                + "/api/v1/frameworks/" + endpoints.frameworkId() + "/indicators", editor)), 200).json();
        List<String> codes = new ArrayList<>();
        indicators.forEach(i -> {
            if (i.path("level").asInt() == 3) {
                codes.add(i.path("code").asText());
            }
        });
        indicatorCodes = List.copyOf(codes);
        ObjectNode open = Http.object().put("frameworkId", endpoints.frameworkId()).put("regionCode", county).put("year", 2025);
        Http.Reply created = require("open the self-evaluation", retrying.call(() -> http.post(endpoints.indicator()
                + "/api/v1/self-evaluations", editor, open, Map.of())), 201);
        selfEvaluationId = created.json().path("id").asText();
        selfEvaluation.etag = created.etag();
        for (String code : indicatorCodes) {
            ObjectNode body = rating(code);
            Http.Reply rated = require("rate " + code, retrying.call(() -> http.put(ratingUrl(code), editor,
                    body, selfEvaluation.etag)), 200);
            selfEvaluation.etag = rated.etag();
            Target t = new Target(ratingUrl(code));
            t.lastAcknowledged = canonicalRating(body);
            targets.put("rating/" + code, t);
        }
        selfEvaluation.setupVersion = Long.parseLong(selfEvaluation.etag);
        selfEvaluationStatus = "DRAFT";
    }

    private void create(String key, String url, ObjectNode body, Function<JsonNode, String> canonical) {
        Target t = new Target(url);
        Http.Reply reply = retrying.call(() -> http.put(url, editor, body, null));
        if (reply.status() == 428) {
            reply = require("read " + key, retrying.call(() -> http.get(url, editor)), 200);
        } else {
            require("create " + key, reply, 201);
        }
        t.etag = reply.etag();
        t.setupVersion = Long.parseLong(t.etag);
        t.lastAcknowledged = canonical.apply(reply.json());
        targets.put(key, t);
    }

    private static Http.Reply require(String what, Http.Reply reply, int... expected) {
        for (int e : expected) {
            if (reply.status() == e) {
                return reply;
            }
        }
        throw new IllegalStateException(what + ": " + reply.describe());
    }

    // ------------------------------------------------------------------ the workload

    /** Writes until {@code stop} says so; each pass is one write (or a submit and return), then {@code pause}. */
    void run(BooleanSupplier stop, Duration pause) {
        while (!stop.getAsBoolean()) {
            if (!pause.isZero()) {
                Retrying.sleep(pause.toMillis());
            }
            int dice = random.nextInt(100);
            if ("SUBMITTED".equals(selfEvaluationStatus)) {
                returnIt(); // a submission whose return was given up on: ratings wait for the return
            } else if (dice < 34) {
                post();
            } else if (dice < 42) {
                reverse();
            } else if (dice < 48) {
                fiscalContext(FISCAL_YEARS.get(random.nextInt(FISCAL_YEARS.size())));
            } else if (dice < 74) {
                schoolYear(schools.get(random.nextInt(schools.size())), SCHOOL_YEARS.get(random.nextInt(SCHOOL_YEARS.size())));
            } else if (dice < 76) {
                importClasses();
            } else if (dice < 96) {
                rate(indicatorCodes.get(random.nextInt(indicatorCodes.size())));
            } else {
                submitAndReturn();
            }
        }
    }

    private void count(String kind, Outcome outcome, String detail) {
        switch (outcome) {
            case ACKNOWLEDGED -> {
                acknowledged.incrementAndGet();
                acknowledgedByKind.merge(kind, 1, Integer::sum);
            }
            case GAVE_UP -> gaveUp.incrementAndGet();
            case REFUSED -> {
                refused.incrementAndGet();
                refusals.add(county + " " + kind + ": " + detail);
            }
        }
    }

    private static Outcome outcome(Http.Reply reply) {
        if (reply.ok()) {
            return Outcome.ACKNOWLEDGED;
        }
        return Retrying.definite(reply) ? Outcome.REFUSED : Outcome.GAVE_UP;
    }

    private void post() {
        int n = ++sequence;
        int year = 2024 + random.nextInt(2);
        String voucher = "混沌-" + number + "-" + n;
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(1_000_000), 2);
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(11), 1 + random.nextInt(28));
        ObjectNode body = Http.object().put("fiscalYear", year).put("bookingDate", date.toString()).put("voucherNumber", voucher)
                .put("memo", "混沌演练 公用经费支出 " + n).put("stage", "PRIMARY").put("schoolCode", schools.get(n % schools.size()));
        ArrayNode lines = body.putArray("lines");
        lines.addObject().put("account", "5002").put("debit", amount.toPlainString());
        lines.addObject().put("account", "1002").put("credit", amount.toPlainString());
        String key = "chaos-" + county + "-posting-" + n;
        Http.Reply reply = retrying.call(() -> http.post(endpoints.funding() + "/api/v1/counties/" + county + "/postings",
                editor, body, Map.of("Idempotency-Key", key)));
        Outcome outcome = outcome(reply);
        postings.put(voucher, new PostingWrite(voucher, year, amount, null, outcome,
                outcome == Outcome.ACKNOWLEDGED ? reply.json().path("id").asText() : null));
        count("posting", outcome, reply.describe());
    }

    private void reverse() {
        List<PostingWrite> open = postings.values().stream()
                .filter(p -> p.outcome() == Outcome.ACKNOWLEDGED && p.reverses() == null
                        && postings.values().stream().noneMatch(r -> p.voucher().equals(r.reverses())))
                .toList();
        if (open.isEmpty()) {
            post();
            return;
        }
        PostingWrite original = open.get(random.nextInt(open.size()));
        int n = ++sequence;
        String voucher = "混沌-" + number + "-" + n + "-红冲";
        ObjectNode body = Http.object().put("reason", "混沌演练 冲销第" + original.voucher() + "号凭证")
                .put("voucherNumber", voucher).put("bookingDate", original.fiscalYear() + "-12-20");
        String key = "chaos-" + county + "-reversal-" + n;
        Http.Reply reply = retrying.call(() -> http.post(endpoints.funding() + "/api/v1/counties/" + county + "/postings/"
                + original.id() + "/reversal", editor, body, Map.of("Idempotency-Key", key)));
        Outcome outcome = outcome(reply);
        postings.put(voucher, new PostingWrite(voucher, original.fiscalYear(), original.amount().negate(), original.voucher(),
                outcome, outcome == Outcome.ACKNOWLEDGED ? reply.json().path("id").asText() : null));
        count("reversal", outcome, reply.describe());
    }

    private void fiscalContext(int year) {
        replace("fiscal context", targets.get("fiscal-context/" + year), fiscalContext(), CountyClient::amounts);
    }

    private void schoolYear(String school, int year) {
        replace("school year", targets.get("school-year/" + school + "/" + year), schoolYear(), CountyClient::classes);
    }

    /**
     * A PUT with the If-Match the client holds. A 412 after retries means the record moved on, and
     * the client reads it: if it holds this write's content, an earlier attempt landed and the write
     * is acknowledged; if it holds a write the client gave up on before (which landed after all),
     * the client writes again on top of it; anything else is a refusal to report.
     */
    private void replace(String kind, Target t, ObjectNode body, Function<JsonNode, String> canonical) {
        String wanted = canonical.apply(body);
        Attempt attempt = untilSettled(() -> http.put(t.url, editor, body, t.etag), t, () -> {
            Http.Reply current = retrying.call(() -> http.get(t.url, editor));
            if (!current.ok()) {
                return Outcome.GAVE_UP;
            }
            t.etag = current.etag();
            String held = canonical.apply(current.json());
            return held.equals(wanted) ? Outcome.ACKNOWLEDGED : t.uncertain.contains(held) ? null : Outcome.REFUSED;
        });
        if (attempt.outcome() == Outcome.GAVE_UP) {
            refresh(t, t.url);
        }
        settle(t, attempt.outcome(), wanted);
        count(kind, attempt.outcome(), attempt.reply().describe());
    }

    /** A write's last answer and what the client made of it. */
    private record Attempt(Http.Reply reply, Outcome outcome) {
    }

    /**
     * Sends {@code request} (retrying) until it is settled. A 2xx takes the new ETag into
     * {@code version}; a 412 asks {@code afterConflict}, which reads what the record holds now:
     * this write (acknowledged), a write given up on before (null: send again on the version now
     * current, at most three times), or something else (refused).
     */
    private Attempt untilSettled(Supplier<Http.Reply> request, Target version, Supplier<Outcome> afterConflict) {
        Http.Reply reply = null;
        for (int round = 0; round < 3; round++) {
            reply = retrying.call(request);
            if (reply.status() != 412) {
                if (reply.ok()) {
                    version.etag = reply.etag();
                }
                return new Attempt(reply, outcome(reply));
            }
            Outcome settled = afterConflict.get();
            if (settled != null) {
                return new Attempt(reply, settled);
            }
        }
        return new Attempt(reply, Outcome.REFUSED);
    }

    /** Takes the current ETag after a write given up on, so the next write goes on from whatever is there. */
    private void refresh(Target t, String url) {
        Http.Reply current = retrying.call(() -> http.get(url, editor));
        if (current.ok()) {
            t.etag = current.etag();
        }
    }

    private static void settle(Target t, Outcome outcome, String wanted) {
        if (outcome == Outcome.ACKNOWLEDGED) {
            t.acknowledged++;
            t.lastAcknowledged = wanted;
            t.uncertain.clear();
        } else if (outcome == Outcome.GAVE_UP) {
            t.gaveUp++;
            t.uncertain.add(wanted);
        }
    }

    private void importClasses() {
        int n = ++sequence;
        StringBuilder csv = new StringBuilder("schoolCode,schoolYear,stage,grade,students,commonLanguage\n");
        Map<String, String> classes = new LinkedHashMap<>();
        for (String school : importSchools) {
            ObjectNode year = schoolYear();
            for (JsonNode c : year.path("classes")) {
                csv.append(school).append(",2025,PRIMARY,").append(c.path("grade").asInt()).append(',')
                        .append(c.path("students").asInt()).append(",true\n");
            }
            classes.put(school + "/2025", classes(year));
        }
        String key = "chaos-" + county + "-import-" + n;
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Http.Reply reply = retrying.call(() -> http.send("POST", endpoints.registry() + "/api/v1/counties/" + county
                + "/imports/classes", editor, "text/csv", bytes, Map.of("Idempotency-Key", key)));
        Outcome outcome = outcome(reply);
        if (outcome == Outcome.ACKNOWLEDGED) {
            importedClasses.putAll(classes);
            classes.keySet().forEach(importUncertain::remove);
        } else if (outcome == Outcome.GAVE_UP) {
            classes.forEach((yearKey, value) -> importUncertain.computeIfAbsent(yearKey, k -> new HashSet<>()).add(value));
        }
        count("import", outcome, reply.describe());
    }

    private String ratingUrl(String code) {
        return endpoints.indicator() + "/api/v1/self-evaluations/" + selfEvaluationId + "/ratings/" + code;
    }

    private String selfEvaluationUrl() {
        return endpoints.indicator() + "/api/v1/self-evaluations/" + selfEvaluationId;
    }

    /**
     * Rates one indicator with the self-evaluation's version as If-Match. The client is its only
     * writer, so a 412 means one of its own writes landed: this one (the rating holds its content:
     * acknowledged), or one it gave up on before (write again on the version now current).
     */
    private void rate(String code) {
        Target t = targets.get("rating/" + code);
        ObjectNode body = rating(code);
        String wanted = canonicalRating(body);
        Attempt attempt = untilSettled(() -> http.put(t.url, editor, body, selfEvaluation.etag), selfEvaluation, () -> {
            Http.Reply ratings = retrying.call(() -> http.get(selfEvaluationUrl() + "/ratings", editor));
            Http.Reply evaluation = retrying.call(() -> http.get(selfEvaluationUrl(), editor));
            if (!ratings.ok() || !evaluation.ok()) {
                return Outcome.GAVE_UP;
            }
            selfEvaluation.etag = evaluation.etag();
            for (JsonNode r : ratings.json()) {
                if (r.path("indicatorCode").asText().equals(code) && canonicalRating(r).equals(wanted)) {
                    return Outcome.ACKNOWLEDGED;
                }
            }
            return selfEvaluation.uncertain.isEmpty() ? Outcome.REFUSED : null;
        });
        if (attempt.outcome() == Outcome.GAVE_UP) {
            refresh(selfEvaluation, selfEvaluationUrl());
        }
        settle(t, attempt.outcome(), wanted);
        settle(selfEvaluation, attempt.outcome(), "rating " + code + " " + wanted);
        count("rating", attempt.outcome(), attempt.reply().describe());
    }

    /** The county submits, the prefecture returns it with a comment: two workflow steps. */
    private void submitAndReturn() {
        if (step("submission", editor, null, "SUBMITTED")) {
            returnIt();
        }
    }

    private void returnIt() {
        String code = indicatorCodes.get(random.nextInt(indicatorCodes.size()));
        ObjectNode body = Http.object().put("summary", "请补充佐证材料（混沌演练第" + (++sequence) + "次退回）");
        body.putArray("comments").addObject().put("indicatorCode", code).put("comment", "请核实该指标的数据来源。");
        step("return", reviewer, body, "RETURNED");
    }

    /** A workflow step with the self-evaluation's version as If-Match; a 412 is settled as in {@link #rate}. */
    private boolean step(String path, String token, ObjectNode body, String after) {
        Attempt attempt = untilSettled(() -> http.post(selfEvaluationUrl() + "/" + path, token, body,
                Map.of("If-Match", "\"" + selfEvaluation.etag + "\"")), selfEvaluation, () -> {
                    Http.Reply current = retrying.call(() -> http.get(selfEvaluationUrl(), editor));
                    if (!current.ok()) {
                        return Outcome.GAVE_UP;
                    }
                    selfEvaluation.etag = current.etag();
                    selfEvaluationStatus = current.json().path("status").asText();
                    return selfEvaluationStatus.equals(after) ? Outcome.ACKNOWLEDGED
                            : selfEvaluation.uncertain.isEmpty() ? Outcome.REFUSED : null;
                });
        Outcome outcome = attempt.outcome();
        if (outcome == Outcome.GAVE_UP) {
            Http.Reply current = retrying.call(() -> http.get(selfEvaluationUrl(), editor));
            if (current.ok()) {
                selfEvaluation.etag = current.etag();
                selfEvaluationStatus = current.json().path("status").asText();
            }
        } else if (outcome == Outcome.ACKNOWLEDGED) {
            selfEvaluationStatus = after;
        }
        settle(selfEvaluation, outcome, path);
        count(path, outcome, attempt.reply().describe());
        return outcome == Outcome.ACKNOWLEDGED;
    }

    // ------------------------------------------------------------------ bodies and their canonical forms

    private ObjectNode schoolYear() {
        ObjectNode body = Http.object();
        ArrayNode classes = body.putArray("classes");
        for (int grade = 1; grade <= 6; grade++) {
            classes.addObject().put("stage", "PRIMARY").put("grade", grade).put("students", 20 + random.nextInt(40))
                    .put("commonLanguage", true);
        }
        return body;
    }

    static String classes(JsonNode schoolYear) {
        List<String> rows = new ArrayList<>();
        schoolYear.path("classes").forEach(c -> rows.add(c.path("stage").asText() + ":" + c.path("grade").asInt() + ":"
                + c.path("students").asInt()));
        rows.sort(null);
        return String.join(",", rows);
    }

    private ObjectNode fiscalContext() {
        return Http.object().put("regularFiscalRevenue", money(500_000_000, 900_000_000))
                .put("generalPublicBudgetExpenditure", money(1_500_000_000, 2_500_000_000L))
                .put("averageTeacherPay", money(90_000, 120_000)).put("averageCivilServantPay", money(85_000, 115_000));
    }

    private String money(long low, long high) {
        return BigDecimal.valueOf(low * 100 + random.nextLong((high - low) * 100), 2).toPlainString();
    }

    static String amounts(JsonNode context) {
        List<String> parts = new ArrayList<>();
        for (String f : List.of("regularFiscalRevenue", "generalPublicBudgetExpenditure", "averageTeacherPay",
                "averageCivilServantPay")) {
            parts.add(new BigDecimal(context.path(f).asText()).stripTrailingZeros().toPlainString());
        }
        return String.join("|", parts);
    }

    private ObjectNode rating(String code) {
        ObjectNode body = Http.object().put("narrative", "我县持续推进" + code + "指标相关工作（混沌演练第" + (++sequence) + "次记录）。");
        if (random.nextInt(4) == 0) {
            body.put("rating", "BASICALLY").put("problem", "部分学校佐证材料不全。").put("improvement", "下一年度补齐佐证材料。");
        } else {
            body.put("rating", "FULLY");
        }
        return body;
    }

    static String canonicalRating(JsonNode r) {
        return r.path("rating").asText() + "|" + r.path("narrative").asText();
    }

    // ------------------------------------------------------------------ accounting against the owners

    /** Counts of what the owners hold against what this client saw. */
    static final class OwnerCheck {
        long lost;
        long duplicated;
        long unexpected;
        final List<String> findings = new ArrayList<>();

        void lost(String what) {
            lost++;
            findings.add("LOST " + what);
        }

        void duplicated(String what) {
            duplicated++;
            findings.add("DUPLICATED " + what);
        }

        void unexpected(String what) {
            unexpected++;
            findings.add("UNEXPECTED " + what);
        }
    }

    /**
     * Every acknowledged posting exists once, in its fiscal year and for its amount; a given-up one
     * at most once; nothing else exists. Every replaced record holds its last acknowledged content
     * (or one written after it and given up on) at its set-up version plus the acknowledged writes
     * (plus at most the given-up ones); the self-evaluation's shared version counts every rating and
     * step the same way.
     */
    OwnerCheck checkOwners(Http reader) {
        OwnerCheck check = new OwnerCheck();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> booked = new HashMap<>(); // voucher -> "year amount" as the owner holds it
        for (int year : FISCAL_YEARS) {
            for (int page = 0;; page++) {
                int p = page;
                JsonNode list = require("list postings", retrying.call(() -> reader.get(endpoints.funding() + "/api/v1/counties/"
                        + county + "/postings?fiscalYear=" + year + "&size=500&page=" + p, editor)), 200).json();
                for (JsonNode item : list.path("items")) {
                    String voucher = item.path("voucherNumber").asText();
                    seen.merge(voucher, 1, Integer::sum);
                    BigDecimal debits = BigDecimal.ZERO;
                    for (JsonNode line : item.path("lines")) {
                        if (line.hasNonNull("debit")) {
                            debits = debits.add(new BigDecimal(line.path("debit").asText()));
                        }
                    }
                    booked.put(voucher, item.path("fiscalYear").asInt() + " " + debits.stripTrailingZeros().toPlainString());
                }
                if (list.path("items").size() < 500) {
                    break;
                }
            }
        }
        for (PostingWrite w : postings.values()) {
            int n = seen.getOrDefault(w.voucher(), 0);
            if (n > 1) {
                check.duplicated("posting " + w.voucher() + " of " + county + " is booked " + n + " times");
            } else if (n == 0 && w.outcome() == Outcome.ACKNOWLEDGED) {
                check.lost("posting " + w.voucher() + " of " + county + " was acknowledged (id " + w.id() + ") but is not booked");
            } else if (n == 1 && w.outcome() == Outcome.REFUSED) {
                check.unexpected("posting " + w.voucher() + " of " + county + " was refused but is booked");
            } else if (n == 1) {
                String wanted = w.fiscalYear() + " " + w.amount().abs().stripTrailingZeros().toPlainString();
                if (!booked.get(w.voucher()).equals(wanted)) {
                    check.unexpected("posting " + w.voucher() + " of " + county + " is booked as " + booked.get(w.voucher())
                            + ", written as " + wanted);
                }
            }
        }
        seen.keySet().stream().filter(v -> !postings.containsKey(v))
                .forEach(v -> check.unexpected("posting " + v + " of " + county + " was never written by the client"));

        for (Map.Entry<String, Target> e : targets.entrySet()) {
            Target t = e.getValue();
            String key = e.getKey();
            if (key.startsWith("rating/")) {
                continue; // checked below with the self-evaluation
            }
            Http.Reply current = require("read " + key, retrying.call(() -> reader.get(t.url, editor)), 200);
            String content = key.startsWith("fiscal") ? amounts(current.json()) : classes(current.json());
            long version = Long.parseLong(current.etag());
            checkTarget(check, county + " " + key, t, content, version);
        }
        Http.Reply evaluation = require("read the self-evaluation", retrying.call(() -> reader.get(selfEvaluationUrl(), editor)), 200);
        long version = Long.parseLong(evaluation.etag());
        checkVersion(check, county + " self-evaluation", selfEvaluation, version);
        JsonNode ratings = require("read the ratings", retrying.call(() -> reader.get(selfEvaluationUrl() + "/ratings", editor)), 200)
                .json();
        Map<String, String> rated = new HashMap<>();
        ratings.forEach(r -> rated.put(r.path("indicatorCode").asText(), canonicalRating(r)));
        for (String code : indicatorCodes) {
            String content = rated.get(code);
            if (content == null) {
                check.lost(county + " rating " + code + ": the owner has none");
            } else {
                checkContent(check, county + " rating " + code, targets.get("rating/" + code), content);
            }
        }
        for (Map.Entry<String, String> e : importedClasses.entrySet()) {
            String[] parts = e.getKey().split("/");
            Http.Reply current = require("read school year " + e.getKey(), retrying.call(() -> reader.get(endpoints.registry()
                    + "/api/v1/schools/" + parts[0] + "/years/" + parts[1], editor)), 200);
            String content = classes(current.json());
            if (!content.equals(e.getValue()) && !importUncertain.getOrDefault(e.getKey(), Set.of()).contains(content)) {
                check.lost("import into " + e.getKey() + " of " + county + ": holds " + content + ", the last acknowledged import "
                        + e.getValue());
            }
        }
        return check;
    }

    private static void checkTarget(OwnerCheck check, String what, Target t, String content, long version) {
        checkContent(check, what, t, content);
        checkVersion(check, what, t, version);
    }

    private static void checkContent(OwnerCheck check, String what, Target t, String content) {
        boolean matches = content.equals(t.lastAcknowledged) || t.uncertain.contains(content);
        if (!matches) {
            check.lost(what + ": holds " + content + ", the last acknowledged write was " + t.lastAcknowledged);
        }
    }

    private static void checkVersion(OwnerCheck check, String what, Target t, long version) {
        long least = t.setupVersion + t.acknowledged;
        long most = least + t.gaveUp;
        if (version < least) {
            check.lost(what + ": version " + version + ", but " + t.acknowledged + " writes were acknowledged since version "
                    + t.setupVersion);
        } else if (version > most) {
            check.duplicated(what + ": version " + version + ", more than the " + t.acknowledged + " acknowledged and "
                    + t.gaveUp + " uncertain writes since version " + t.setupVersion);
        }
    }
}
