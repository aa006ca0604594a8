package cn.eduduty.funding.bench;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.testsupport.Tokens;
import cn.eduduty.testsupport.BenchLoad;
import cn.eduduty.testsupport.BenchLoad.UnderAttack;
import cn.eduduty.testsupport.BenchTiming;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How fast the ledger refuses oversized postings, and whether a normal booking suffers meanwhile
 * (not part of the test command; see bench/README.md). Baseline, measured in the same run: booking
 * a normal two-line posting with nothing else going on. Then the refusals alone, then the normal
 * booking again while {@code bench.attackers} threads (default 2) send oversized postings without
 * pause.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@Tag("bench")
class OversizedPostingBench {

    /** Untimed calls before each median. */
    private static final int WARMUPS = 3;

    private static final String COUNTY = "960301";
    private static final String ATTACKER = "960302";
    private static final AtomicInteger KEYS = new AtomicInteger();

    static Map<String, Object> posting(int lines, String memo) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            body.add(i % 2 == 0 ? Map.of("account", "5002", "debit", "1") : Map.of("account", "1002", "credit", "1"));
        }
        Map<String, Object> posting = new HashMap<>();
        posting.put("fiscalYear", 2025);
        posting.put("bookingDate", "2025-05-01");
        posting.put("voucherNumber", "B-" + KEYS.incrementAndGet());
        posting.put("memo", memo);
        posting.put("lines", body);
        return posting;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /**
     * Books through a plain HTTP client with the body already encoded, so that the figures are the
     * service's time (RestAssured spends time proportional to a body's size on the client).
     */
    int book(String county, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/counties/" + county + "/postings"))
                .header("Authorization", "Bearer " + TOKENS.computeIfAbsent(county, c -> Tokens.of(COUNTY_EDITOR, c)))
                .header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + KEYS.incrementAndGet())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int bookNormal() {
        try {
            return book(COUNTY, JSON.writeValueAsBytes(posting(2, "基准")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Test
    void refusesOversizedPostingsQuicklyAndNormalBookingsGoOn() throws Exception {
        int runs = Integer.getInteger("bench.runs", 21);
        int attackers = Integer.getInteger("bench.attackers", 2);
        // bodies prepared once, so the figures are the service's time, not the client's serialising
        // 20,000 lines, under 1 MiB: read, bound, refused 422 before any database work
        byte[] lines = JSON.writeValueAsBytes(posting(20_000, "超长凭证"));
        // 60,000 lines, over 1 MiB: refused 413 from its Content-Length, unread
        byte[] tooLarge = JSON.writeValueAsBytes(posting(60_000, "超大凭证"));
        System.out.printf("bench: bodies of %,d and %,d bytes%n", lines.length, tooLarge.length);

        long baseline = BenchTiming.median(WARMUPS, runs, this::bookNormal, 201);
        long refuseLines = BenchTiming.median(WARMUPS, runs, () -> book(ATTACKER, lines), 422);
        long refuseBody = BenchTiming.median(WARMUPS, runs, () -> book(ATTACKER, tooLarge), 413);

        UnderAttack underAttack = BenchLoad.during(attackers,
                which -> book(ATTACKER, which % 2 == 0 ? lines : tooLarge), Set.of(422, 413), 500,
                () -> BenchTiming.median(WARMUPS, runs, this::bookNormal, 201));
        System.out.printf("bench: baseline (a two-line posting booked) %d ms%n", baseline);
        System.out.printf("bench: refusing a 20,000-line posting (422, rule posting-max-lines) %d ms, %.1f x baseline%n",
                refuseLines, (double) refuseLines / Math.max(1, baseline));
        System.out.printf("bench: refusing a 60,000-line posting over 1 MiB (413, unread) %d ms, %.1f x baseline%n",
                refuseBody, (double) refuseBody / Math.max(1, baseline));
        System.out.printf("bench: a two-line posting while %d threads send oversized ones (%d refused) %d ms, %.2f x baseline%n",
                attackers, underAttack.refused(), underAttack.millis(), (double) underAttack.millis() / Math.max(1, baseline));
    }
}
