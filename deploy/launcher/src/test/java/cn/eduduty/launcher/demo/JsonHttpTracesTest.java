package cn.eduduty.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The loader's writes each start a trace of their own, and it can print their trace ids. */
class JsonHttpTracesTest {

    private HttpServer server;
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachWriteSendsANewTraceparentAndPrintsItsTraceId() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        JsonHttp http = new JsonHttp(new PrintStream(printed, true, StandardCharsets.UTF_8));

        http.postJson(url("/api/v1/things"), "t", null, Map.of());
        http.postJson(url("/api/v1/things"), "t", null, Map.of());
        http.get(url("/api/v1/things"), "t");

        assertThat(traceparents).hasSize(3);
        assertThat(traceparents.subList(0, 2)).allMatch(t -> t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(traceparents.get(0).substring(3, 35)).isNotEqualTo(traceparents.get(1).substring(3, 35));
        assertThat(traceparents.get(2)).as("a read starts no trace").isEqualTo("null");
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "  trace " + traceparents.get(0).substring(3, 35) + "  POST /api/v1/things -> 201",
                "  trace " + traceparents.get(1).substring(3, 35) + "  POST /api/v1/things -> 201");
    }

    @Test
    void printsNothingUnlessAsked() {
        new JsonHttp().postJson(url("/api/v1/things"), "t", null, Map.of());
        assertThat(traceparents.get(0)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
