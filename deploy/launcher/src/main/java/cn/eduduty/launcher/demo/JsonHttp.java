package cn.eduduty.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small JSON-over-HTTP client for the services' public APIs, bearer token per call. Every write
 * (any method but GET) starts a trace of its own: it sends a W3C {@code traceparent} with a new trace
 * id, which the service continues and its events carry to report-service; with {@code traces} set,
 * each write's trace id is printed there, to look up in the services' logs or a tracing backend.
 */
final class JsonHttp {

    /** A call that answered something the loader did not expect. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** An answer: status, headers, body as text. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new Failure("not JSON: " + abbreviate(body), status);
            }
        }

        /** The ETag without quotes, for If-Match. */
        String etag() {
            return headers.firstValue("ETag").map(t -> t.replaceFirst("^W/", "").replace("\"", ""))
                    .orElseThrow(() -> new Failure("no ETag in the answer", status));
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream traces;

    JsonHttp() {
        this(null);
    }

    /** A client that prints each write's trace id to {@code traces} (null: nowhere). */
    JsonHttp(PrintStream traces) {
        this.traces = traces;
    }

    ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    Reply get(String url, String token) {
        return send("GET", url, token, null, null, Map.of());
    }

    Reply putJson(String url, String token, JsonNode body, String ifMatch) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", "\"" + ifMatch + "\"");
        }
        return send("PUT", url, token, "application/json", bytes(body), headers);
    }

    Reply postJson(String url, String token, JsonNode body, Map<String, String> headers) {
        return send("POST", url, token, "application/json", body == null ? new byte[0] : bytes(body), headers);
    }

    Reply post(String url, String token, String contentType, byte[] body, Map<String, String> headers) {
        return send("POST", url, token, contentType, body, headers);
    }

    Reply send(String method, String url, String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).setHeader("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::setHeader);
        String traceId = null;
        if (!"GET".equals(method)) {
            traceId = randomHex(16);
            request.setHeader("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (traceId != null && traces != null) {
                traces.printf("  trace %s  %s %s -> %d%n", traceId, method, URI.create(url).getPath(), response.statusCode());
            }
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new Failure(method + " " + url + " failed: " + e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(method + " " + url + " interrupted", 0);
        }
    }

    /** The reply if its status is one of {@code expected}; otherwise a failure naming the call and the problem. */
    static Reply expect(String what, Reply reply, int... expected) {
        if (Arrays.stream(expected).anyMatch(s -> s == reply.status())) {
            return reply;
        }
        throw new Failure(what + ": HTTP " + reply.status() + " " + abbreviate(reply.body()), reply.status());
    }

    /** {@code bytes} random bytes in lower-case hex, never all zeros (W3C reads those as "no id"). */
    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        random[bytes - 1] |= 1;
        return HexFormat.of().formatHex(random);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts {@code value} into {@code node} unless it is null: an absent part is left out, not sent as null. */
    static void putPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Puts {@code value} into {@code node} unless it is null. */
    static void putPresent(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The text of {@code field}; null when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Whether {@code stored} has each of {@code fields} as {@code wanted} has it (absent and null alike). */
    static boolean sameFields(JsonNode stored, JsonNode wanted, List<String> fields) {
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

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 1500 ? text.substring(0, 1500) + " …" : text;
    }
}
