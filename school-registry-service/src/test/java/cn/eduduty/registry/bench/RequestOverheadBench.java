package cn.eduduty.registry.bench;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Request overhead (not part of the test command; see bench/README.md): requests a second for
 * {@code GET /api/v1/schools/{code}} against {@link MinimalSchoolResource} (same JWT check, one
 * primary-key select, same JSON stack), loaded by wrk (Debian's package) in rounds that alternate
 * the endpoints, {@code bench.rounds} rounds of {@code bench.seconds} each; medians, and ratios to
 * the minimal endpoint.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@Tag("bench")
class RequestOverheadBench {

    private static final String COUNTY = "960201";
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theRealEndpointAgainstTheMinimalOne() throws Exception {
        RegistryFixtures.county(COUNTY, 2);
        String code = "21" + COUNTY + "01"; // a primary school's identification code (学校标识码)
        Api.as(COUNTY_EDITOR, COUNTY).body(RegistryFixtures.school("开销测试小学", "PRIMARY", "PUBLIC", COUNTY + "001"))
                .put("/api/v1/schools/" + code).then().statusCode(201);
        String token = Tokens.of(COUNTY_EDITOR, COUNTY);
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("minimal: JWT check + one primary-key select (JDBC) + JSON", "bench/minimal/schools/" + code);
        endpoints.put("GET /api/v1/schools/{code}", "api/v1/schools/" + code);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int seconds = Integer.getInteger("bench.seconds", 10);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        endpoints.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            wrk(base + e.getValue(), token, 3); // warm-up: the JIT, the pools
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                double rate = wrk(base + e.getValue(), token, seconds);
                rates.get(e.getKey()).add(rate);
                System.out.printf("bench: round %d %s %.0f requests/s%n", round + 1, e.getKey(), rate);
            }
        }
        double minimal = median(rates.values().iterator().next());
        rates.forEach((name, values) -> System.out.printf("bench: median %s %.0f requests/s, ratio %.2f%n", name,
                median(values), median(values) / minimal));
        assertThat(minimal).isPositive();
    }

    /** Requests a second that wrk measures over {@code seconds}, two threads, eight connections. */
    private static double wrk(String url, String token, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + seconds + "s", "-H", "Authorization: Bearer " + token,
                url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = RATE.matcher(out);
        if (!m.find() || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk on " + url + ":\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
