package cn.eduduty.launcher.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.launcher.demo.JsonHttp.Failure;
import cn.eduduty.launcher.demo.JsonHttp.Reply;
import cn.eduduty.launcher.demo.CountyData.Framework;
import cn.eduduty.launcher.demo.CountyData.Measure;
import cn.eduduty.launcher.demo.CountyData.Practice;
import cn.eduduty.launcher.demo.CountyData.Rating;
import cn.eduduty.launcher.demo.CountyData.Signing;

/**
 * Loads what indicator-service owns: the prefecture's framework (instantiated from its template
 * and published once, by the prefecture reviewer), the county's self-evaluation of the report year,
 * its ratings and what the county signs (after the ratings, before submission:
 * {@code PUT /api/v1/self-evaluations/{id}/signing}), its submission and the prefecture's approval.
 * Ratings and signing choices that are there already are left alone, and an approved
 * self-evaluation is not touched.
 */
final class EvaluationLoader extends ServiceClient {

    EvaluationLoader(LoadSession session, String baseUrl) {
        super(session, baseUrl);
    }

    /**
     * The prefecture's framework (instantiated and published once), the county's self-evaluation,
     * rated, signed, submitted and approved, or only as far as {@code stage}.
     */
    String load(DemoCounty county, DemoLoader.Stage stage) {
        JsonNode framework = publishedFramework(county.framework());
        String frameworkId = framework.path("id").asText();
        JsonNode evaluation = selfEvaluation(frameworkId);
        String id = evaluation.path("id").asText();
        String status = evaluation.path("status").asText();
        String version = evaluation.path("version").asText();
        if (status.equals("APPROVED")) {
            session.out.printf("  self-evaluation %s of %s: APPROVED already, left as it is%n", id, session.place.county());
            return status;
        }
        if (status.equals("DRAFT") || status.equals("RETURNED")) {
            version = rate(id, frameworkId, county.ratings(), version);
            version = sign(id, evaluation.path("signing"), county.signing(), version);
            if (stage == DemoLoader.Stage.DRAFT) {
                session.out.printf("  self-evaluation %s of %s: rated and signed, left as a %s for the console%n", id,
                        session.place.county(), status);
                return status;
            }
            Reply submitted = JsonHttp.expect("submit self-evaluation", api.postJson(url("/api/v1/self-evaluations/" + id
                    + "/submission"), session.editor, null, Map.of("If-Match", "\"" + version + "\"")), 200);
            version = submitted.etag();
            status = "SUBMITTED";
            session.wrote(1);
        }
        if (status.equals("SUBMITTED") && stage == DemoLoader.Stage.APPROVED) {
            Reply approved = JsonHttp.expect("approve self-evaluation", api.postJson(url("/api/v1/self-evaluations/" + id
                    + "/approval"), session.reviewer, null, Map.of("If-Match", "\"" + version + "\"")), 200);
            status = approved.json().path("status").asText();
            session.wrote(1);
        }
        session.out.printf("  self-evaluation %s of %s: submitted by the county, %s by the prefecture%n", id,
                session.place.county(), status);
        return status;
    }

    /**
     * Records what the county signs (after the ratings its choices name, before submission), unless
     * the self-evaluation holds exactly these choices already; answers the new version.
     */
    private String sign(String id, JsonNode stored, Signing signing, String version) {
        ObjectNode body = signingBody(signing);
        if (sameSigning(stored, body)) {
            session.out.printf("  signing: %s, %s, %d 经典做法, %d 改进措施 already recorded%n", signing.authority(),
                    signing.date(), signing.practices().size(), signing.measures().size());
            return version;
        }
        Reply reply = JsonHttp.expect("record the signing", api.putJson(url("/api/v1/self-evaluations/" + id + "/signing"),
                session.editor, body, version), 200);
        session.wrote(1);
        session.out.printf("  signing: %s, %s, %d 经典做法, %d 改进措施 recorded%n", signing.authority(), signing.date(),
                signing.practices().size(), signing.measures().size());
        return reply.etag();
    }

    /** The body of {@code PUT …/signing}: absent parts of a practice or measure are left out. */
    static ObjectNode signingBody(Signing signing) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode().put("signingAuthority", signing.authority())
                .put("signingDate", signing.date().toString());
        ArrayNode practices = body.putArray("notablePractices");
        for (Practice p : signing.practices()) {
            ObjectNode item = practices.addObject().put("title", p.title());
            JsonHttp.putPresent(item, "indicatorCode", p.indicatorCode());
            JsonHttp.putPresent(item, "text", p.text());
        }
        ArrayNode measures = body.putArray("improvementMeasures");
        for (Measure m : signing.measures()) {
            ObjectNode item = measures.addObject().put("text", m.text());
            JsonHttp.putPresent(item, "indicatorCode", m.indicatorCode());
            JsonHttp.putPresent(item, "checkCode", m.checkCode());
            JsonHttp.putPresent(item, "checkSubject", m.checkSubject());
        }
        return body;
    }

    /** Whether the self-evaluation's {@code signing} (as indicator-service answers it) holds exactly {@code wanted}. */
    static boolean sameSigning(JsonNode stored, ObjectNode wanted) {
        if (stored == null || stored.isMissingNode() || stored.isNull()) {
            return false;
        }
        if (!JsonHttp.sameFields(stored, wanted, List.of("signingAuthority", "signingDate"))) {
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
            if (!JsonHttp.sameFields(stored.get(i), wanted.get(i), fields)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode publishedFramework(Framework spec) {
        JsonNode found = null;
        JsonNode list = JsonHttp.expect("list frameworks", api.get(url("/api/v1/frameworks?region=" + spec.regionCode()
                + "&year=" + spec.evaluationYear() + "&size=500"), session.reviewer), 200).json();
        for (JsonNode f : list.path("items")) {
            if (f.path("code").asText().equals(spec.code()) && f.path("regionCode").asText().equals(spec.regionCode())) {
                found = f;
            }
        }
        if (found == null) {
            ObjectNode body = api.object().put("code", spec.code()).put("name", spec.name())
                    .put("evaluationYear", spec.evaluationYear()).put("issuer", spec.issuer())
                    .put("regionCode", spec.regionCode());
            found = JsonHttp.expect("instantiate the " + spec.template() + " template", api.postJson(url("/api/v1/templates/"
                    + spec.template() + "/frameworks"), session.reviewer, body, Map.of()), 201).json();
            session.wrote(1);
        }
        String id = found.path("id").asText();
        if (found.path("status").asText().equals("PUBLISHED")) {
            session.out.printf("  framework %s (%s): published already%n", spec.code(), id);
            return found;
        }
        JsonNode published = JsonHttp.expect("publish framework " + spec.code(), api.postJson(url("/api/v1/frameworks/" + id
                + "/publication"), session.reviewer, null, Map.of("If-Match", "\"" + found.path("version").asText() + "\"")),
                200).json();
        session.wrote(1);
        session.out.printf("  framework %s (%s): instantiated from the %s template and published%n", spec.code(), id,
                spec.template());
        return published;
    }

    private JsonNode selfEvaluation(String frameworkId) {
        String county = session.place.county();
        JsonNode list = JsonHttp.expect("list self-evaluations", api.get(url("/api/v1/self-evaluations?region=" + county
                + "&year=" + DemoCounty.REPORT_YEAR + "&framework=" + frameworkId), session.editor), 200).json();
        if (list.path("items").size() > 0) {
            return list.path("items").get(0);
        }
        ObjectNode body = api.object().put("frameworkId", frameworkId).put("regionCode", county)
                .put("year", DemoCounty.REPORT_YEAR);
        session.wrote(1);
        return JsonHttp.expect("open the self-evaluation", api.postJson(url("/api/v1/self-evaluations"), session.editor, body,
                Map.of()), 201).json();
    }

    /** Rates every third-level indicator not yet rated as the demo says; answers the new version. */
    private String rate(String id, String frameworkId, List<Rating> ratings, String version) {
        JsonNode tree = JsonHttp.expect("framework indicators", api.get(url("/api/v1/frameworks/" + frameworkId
                + "/indicators"), session.editor), 200).json();
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
        JsonHttp.expect("list ratings", api.get(url("/api/v1/self-evaluations/" + id + "/ratings"), session.editor), 200).json()
                .forEach(r -> current.put(r.path("indicatorCode").asText(), r));
        int recorded = 0;
        for (Rating r : ratings) {
            ObjectNode body = rating(r);
            if (sameRating(current.get(r.code()), body)) {
                continue;
            }
            Reply reply = JsonHttp.expect("rate " + r.code(), api.putJson(url("/api/v1/self-evaluations/" + id + "/ratings/"
                    + r.code()), session.editor, body, version), 200);
            version = reply.etag();
            recorded++;
        }
        session.wrote(recorded);
        session.out.printf("  ratings: %d recorded, %d already there%n", recorded, ratings.size() - recorded);
        return version;
    }

    private ObjectNode rating(Rating r) {
        ObjectNode body = api.object().put("rating", r.rating()).put("narrative", r.narrative());
        ArrayNode evidence = body.putArray("evidence");
        r.evidence().forEach(e -> {
            ObjectNode item = evidence.addObject().put("title", e.title());
            JsonHttp.putPresent(item, "uri", e.uri());
            JsonHttp.putPresent(item, "figureKey", e.figureKey());
        });
        JsonHttp.putPresent(body, "problem", r.problem());
        JsonHttp.putPresent(body, "improvement", r.improvement());
        return body;
    }

    private static boolean sameRating(JsonNode stored, ObjectNode wanted) {
        if (stored == null) {
            return false;
        }
        for (String field : List.of("rating", "narrative", "problem", "improvement")) {
            if (!Objects.equals(JsonHttp.text(stored, field), JsonHttp.text(wanted, field))) {
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
        return Arrays.asList(JsonHttp.text(e, "title"), JsonHttp.text(e, "uri"), JsonHttp.text(e, "figureKey"));
    }
}
