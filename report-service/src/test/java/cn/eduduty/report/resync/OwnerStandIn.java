package cn.eduduty.report.resync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The three owners' APIs as a test serves them, on one port: single resources by path (404 when
 * not served) and paginated lists (a request with {@code page}) answered page by page in the
 * owners' documented shape ({@code items}, {@code page}, {@code size}, {@code totalItems}), empty
 * when not served. Every request is recorded with its {@code Authorization} header.
 */
final class OwnerStandIn implements AutoCloseable {

    /** A request as the owners received it. */
    record Request(String path, Map<String, String> query, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outages = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private OwnerStandIn(HttpServer server) {
        this.server = server;
    }

    static OwnerStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OwnerStandIn owners = new OwnerStandIn(server);
        server.createContext("/", owners::answer);
        server.start();
        return owners;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The owners' URLs and resync's timeouts, all pointing here. */
    OwnersConfig config() {
        String url = url();
        return new OwnersConfig() {
            @Override
            public String indicatorUrl() {
                return url;
            }

            @Override
            public String registryUrl() {
                return url;
            }

            @Override
            public String fundingUrl() {
                return url;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }

    /** GET {@code path} answers {@code json}. */
    OwnerStandIn resource(String path, String json) {
        resources.put(path, json);
        return this;
    }

    /**
     * GET {@code key} with {@code page} and {@code size} answers these items, page by page; the
     * key is a path, or a path with the query parameters the list is filtered by
     * ({@code /api/v1/school-years?region=980501&schoolYear=2025}).
     */
    OwnerStandIn list(String key, List<String> items) {
        lists.put(key, List.copyOf(items));
        return this;
    }

    /** The next {@code times} requests to {@code path} are answered 503. */
    OwnerStandIn outage(String path, int times) {
        outages.put(path, new AtomicInteger(times));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(new Request(path, query, exchange.getRequestHeaders().getFirst("Authorization")));
        AtomicInteger outage = outages.get(path);
        if (outage != null && outage.getAndDecrement() > 0) {
            send(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        if (query.containsKey("page")) {
            send(exchange, 200, page(listed(path, query), Integer.parseInt(query.get("page")),
                    Integer.parseInt(query.getOrDefault("size", "20"))));
            return;
        }
        String body = resources.get(path);
        if (body == null) {
            send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
        } else {
            send(exchange, 200, body);
        }
    }

    /** The served list whose key names this path and only query parameters the request has, the most specific first. */
    private List<String> listed(String path, Map<String, String> query) {
        List<String> best = List.of();
        int matched = -1;
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            String key = list.getKey();
            int q = key.indexOf('?');
            if (!(q < 0 ? key : key.substring(0, q)).equals(path)) {
                continue;
            }
            Map<String, String> filter = query(q < 0 ? null : key.substring(q + 1));
            if (filter.entrySet().stream().allMatch(f -> f.getValue().equals(query.get(f.getKey())))
                    && filter.size() > matched) {
                best = list.getValue();
                matched = filter.size();
            }
        }
        return best;
    }

    private static String page(List<String> items, int page, int size) {
        List<String> slice = new ArrayList<>();
        for (int i = page * size; i < Math.min(items.size(), (page + 1) * size); i++) {
            slice.add(items.get(i));
        }
        return "{\"items\":[" + String.join(",", slice) + "],\"page\":" + page + ",\"size\":" + size
                + ",\"totalItems\":" + items.size() + "}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
