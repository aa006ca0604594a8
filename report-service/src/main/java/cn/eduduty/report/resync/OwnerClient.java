package cn.eduduty.report.resync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.contracts.EventJson;

/**
 * Reads an owning service's REST API with the caller's bearer token: single resources and every
 * page of a paginated list ({@code items}, {@code totalItems}, pages of 500).
 */
final class OwnerClient {

    static final int PAGE = 500;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String service;
    private final String baseUrl;
    private final String token;

    OwnerClient(String service, String baseUrl, String token) {
        this.service = service;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The resource, or empty on 404. */
    Optional<JsonNode> get(String path, Map<String, Object> query) {
        HttpResponse<String> response = send(path, query);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(path, response));
    }

    /** Every item of a paginated list. */
    List<JsonNode> all(String path, Map<String, Object> query) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0;; page++) {
            Map<String, Object> q = new java.util.LinkedHashMap<>(query);
            q.put("page", page);
            q.put("size", PAGE);
            HttpResponse<String> response = send(path, q);
            if (response.statusCode() == 404) {
                throw new ResyncException(service + " at " + baseUrl + " has no " + path + " (404): is the URL right?");
            }
            JsonNode body = parse(path, response);
            body.path("items").forEach(items::add);
            if (body.path("items").size() < PAGE || (long) (page + 1) * PAGE >= body.path("totalItems").asLong()) {
                return items;
            }
        }
    }

    private HttpResponse<String> send(String path, Map<String, Object> query) {
        String qs = query.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + path + (qs.isEmpty() ? "" : "?" + qs));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new ResyncException(service + " answered " + response.statusCode() + " to GET " + path + ": "
                        + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new ResyncException(service + " at " + baseUrl + " is not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResyncException("interrupted while reading " + service);
        }
    }

    private JsonNode parse(String path, HttpResponse<String> response) {
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ResyncException(service + " answered GET " + path + " with something that is not JSON");
        }
    }

    /** The owners could not be read; nothing of the failed county was written. */
    static final class ResyncException extends RuntimeException {
        ResyncException(String message) {
            super(message);
        }
    }
}
