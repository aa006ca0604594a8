package cn.eduduty.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.launcher.Launcher;
import cn.eduduty.launcher.demo.DemoCounty;

/**
 * The browser scenario's view from the API side: it sets up what the county's clerk typed before
 * the test's browser arrives (a narrative stating one figure wrong) and reads back what the
 * browser's clicks did (the self-evaluation's status, a narrative as stored).
 */
final class ScenarioApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A figure the narrative of indicator {@code code} states as {@code wrong} where the data give {@code right}. */
    record Misstatement(String code, String wrong, String right) {
    }

    private final Launcher suite;
    private final String county;
    private final int year;
    private final String editor;
    private final String system;

    ScenarioApi(Launcher suite, String county, int year) {
        this.suite = suite;
        this.county = county;
        this.year = year;
        this.editor = suite.issuer().mint("scenario-clerk", "county-editor", county);
        // the system client's previews are not rate-limited (polling for the read model below)
        this.system = suite.issuer().mint("scenario-system", "system", DemoCounty.PREFECTURE);
    }

    /** The prefecture's deadline for the year's reports, {@code days} from now, as its reviewer registers it. */
    void registerDeadline(int days) {
        String reviewer = suite.issuer().mint("scenario-reviewer", "prefecture-reviewer", DemoCounty.PREFECTURE);
        ObjectNode body = JSON.createObjectNode().put("regionCode", DemoCounty.PREFECTURE).put("reportYear", year)
                .put("dueAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).withHour(17).withMinute(0)
                        .withSecond(0).withNano(0).toString());
        send("report-service", "POST", "/api/v1/deadlines", reviewer, body, Map.of());
    }

    String evaluationId() {
        JsonNode page = get("indicator-service", "/api/v1/self-evaluations?region=" + county + "&year=" + year, editor);
        assertThat(page.path("items")).as("the county's self-evaluation of %d", year).hasSize(1);
        return page.path("items").get(0).path("id").asText();
    }

    String status() {
        return get("indicator-service", "/api/v1/self-evaluations/" + evaluationId(), editor).path("status").asText();
    }

    /** The key of a figure the report computes, with sources (for the figure page), a registry one if any. */
    String someFigureKey() {
        JsonNode preview = get("report-service", "/api/v1/reports/preview?format=json&region=" + county + "&year=" + year, system);
        // a registry figure (counted from the schools' records) shows best where a figure comes from
        for (String prefix : new String[] { "registry.", "" }) {
            for (JsonNode f : preview.path("figures")) {
                if (f.path("key").asText().startsWith(prefix) && f.path("sources").size() > 0 && f.hasNonNull("value")) {
                    return f.path("key").asText();
                }
            }
        }
        throw new AssertionError("the preview has no figure with sources");
    }

    String narrativeOf(String code) {
        return rating(code).path("narrative").asText();
    }

    private JsonNode rating(String code) {
        for (JsonNode r : get("indicator-service", "/api/v1/self-evaluations/" + evaluationId() + "/ratings", editor)) {
            if (r.path("indicatorCode").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no rating of " + code);
    }

    /**
     * Changes one figure that a narrative states correctly (a percentage or a count, written once
     * in it) to a wrong number, as a clerk's typo would, through the API as the county's editor,
     * and waits until the report's preview flags it.
     */
    Misstatement misstateOneFigure() {
        String id = evaluationId();
        for (JsonNode r : get("indicator-service", "/api/v1/self-evaluations/" + id + "/ratings", editor)) {
            String narrative = r.path("narrative").asText("");
            if (narrative.isBlank()) {
                continue;
            }
            ObjectNode ask = JSON.createObjectNode().put("region", county).put("year", year).put("text", narrative);
            for (JsonNode f : send("report-service", "POST", "/api/v1/narrative-checks", editor, ask, Map.of()).path("figures")) {
                String stated = f.path("stated").asText();
                String kind = f.path("kind").asText();
                if (!f.path("verdict").asText().equals("MATCH") || !(kind.equals("PERCENT") || kind.equals("COUNT"))
                        || !f.path("hedge").asText().equals("EXACT") || narrative.indexOf(stated) != narrative.lastIndexOf(stated)) {
                    continue;
                }
                String value = f.path("value").asText();
                BigDecimal v = new BigDecimal(value);
                BigDecimal off = kind.equals("PERCENT") ? (v.compareTo(BigDecimal.valueOf(50)) > 0 ? BigDecimal.valueOf(-7)
                        : BigDecimal.valueOf(7)) : v.add(BigDecimal.valueOf(13));
                String wrongValue = kind.equals("PERCENT") ? v.add(off).setScale(v.scale()).toPlainString() : off.toPlainString();
                String wrong = stated.replace(value, wrongValue);
                if (narrative.contains(wrong)) {
                    continue;
                }
                String code = r.path("indicatorCode").asText();
                ObjectNode body = JSON.createObjectNode().put("rating", r.path("rating").asText())
                        .put("narrative", narrative.replace(stated, wrong));
                for (String field : new String[] { "problem", "improvement" }) {
                    if (r.hasNonNull(field)) {
                        body.put(field, r.path(field).asText());
                    }
                }
                if (r.path("evidence").isArray()) {
                    body.set("evidence", r.path("evidence"));
                }
                String version = get("indicator-service", "/api/v1/self-evaluations/" + id, editor).path("version").asText();
                send("indicator-service", "PUT", "/api/v1/self-evaluations/" + id + "/ratings/" + code, editor, body,
                        Map.of("If-Match", "\"" + version + "\""));
                awaitFlagged(code);
                return new Misstatement(code, wrong, f.path("computedText").asText());
            }
        }
        throw new AssertionError("no narrative of the demo county states a percentage or a count exactly once");
    }

    /** Waits until report-service's preview (fed by the owners' events) flags a narrative figure of {@code code}. */
    private void awaitFlagged(String code) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode preview = get("report-service", "/api/v1/reports/preview?format=json&region=" + county + "&year=" + year, system);
            for (JsonNode c : preview.path("checks")) {
                if (c.path("code").asText().startsWith("narrative-") && c.path("subject").asText().contains(code)) {
                    return;
                }
            }
            sleep(1000);
        }
        throw new AssertionError("the preview did not flag the misstated figure of " + code + " within 90 s");
    }

    private JsonNode get(String service, String path, String token) {
        return send(service, "GET", path, token, null, Map.of());
    }

    private JsonNode send(String service, String method, String path, String token, JsonNode body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.service(service).url() + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
