package cn.eduduty.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP as a caller of the public APIs sends it: a bearer token, a timeout on every call,
 * and an answer of 0 when no answer came (connection refused or reset, timeout), which a client
 * must treat as "maybe done".
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer; status 0 when none came, {@code error} then says why. */
    record Reply(int status, HttpHeaders headers, String body, String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + abbreviate(body));
            }
        }

        /** The ETag without quotes, for If-Match. */
        String etag() {
            return headers.firstValue("ETag").map(t -> t.replaceFirst("^W/", "").replace("\"", ""))
                    .orElseThrow(() -> new IllegalStateException("no ETag (HTTP " + status + ")"));
        }

        String describe() {
            return status == 0 ? "no answer (" + error + ")" : "HTTP " + status + " " + abbreviate(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    Reply get(String url, String token) {
        return send("GET", url, token, null, null, Map.of());
    }

    Reply put(String url, String token, JsonNode body, String ifMatch) {
        return send("PUT", url, token, "application/json", bytes(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", "\"" + ifMatch + "\""));
    }

    Reply post(String url, String token, JsonNode body, Map<String, String> headers) {
        return send("POST", url, token, "application/json", body == null ? new byte[0] : bytes(body), headers);
    }

    Reply send(String method, String url, String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body(), null);
        } catch (IOException e) {
            return new Reply(0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, "interrupted");
        }
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 600 ? text.substring(0, 600) + " …" : text;
    }
}
