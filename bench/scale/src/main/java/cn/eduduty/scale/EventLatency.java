package cn.eduduty.scale;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.eduduty.launcher.Launcher;
import cn.eduduty.embedded.PostgresServer;
import cn.eduduty.embedded.TokenIssuer;

/**
 * Commit → applied: postings booked through funding-service's API for the demo county, and for
 * each, the time from its outbox row's timestamp (the owner's transaction) to report-service's
 * {@code processed_event.processed_at} (the transaction that applied it to the read model). Two
 * phases of {@value #WRITES} writes each: a steady one (one writer, 20 a second) and a burst (four
 * writers without pause).
 */
final class EventLatency {

    static final int WRITES = 1000;
    private static final String COUNTY = "990101";

    private EventLatency() {
    }

    static List<String> measure(Launcher launcher, Path keys) throws Exception {
        String token = TokenIssuer.inDirectory(keys).mint("latency@" + COUNTY, "county-editor", COUNTY, Duration.ofHours(1));
        String url = launcher.service("funding-service").url() + "/api/v1/counties/" + COUNTY + "/postings";
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger sequence = new AtomicInteger();
        List<String> rows = new ArrayList<>();
        rows.add("| commit → applied in report-service's read model | writes | p50 | p99 | max |");
        rows.add("|---|---|---|---|---|");

        Instant steadyStart = Instant.now();
        for (int i = 0; i < WRITES; i++) {
            Instant next = steadyStart.plusMillis(50L * (i + 1));
            post(http, url, token, sequence.incrementAndGet());
            long wait = Duration.between(Instant.now(), next).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        Instant steadyEnd = Instant.now();
        Thread.sleep(3000);
        rows.add(row(launcher, "steady: one writer, 20 postings a second", steadyStart, steadyEnd));

        Instant burstStart = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < WRITES / 4; i++) {
                    post(http, url, token, sequence.incrementAndGet());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Instant burstEnd = Instant.now();
        Thread.sleep(10_000);
        rows.add(row(launcher, String.format(Locale.ROOT, "burst: four writers without pause (%.0f postings a second)",
                WRITES / (Duration.between(burstStart, burstEnd).toMillis() / 1000.0)), burstStart, burstEnd));
        rows.forEach(r -> System.out.println("[latency] " + r));
        return rows;
    }

    private static void post(HttpClient http, String url, String token, int n) throws Exception {
        BigDecimal amount = BigDecimal.valueOf(10_000 + n, 2);
        String body = """
                {"fiscalYear":2025,"bookingDate":"2025-09-%02d","voucherNumber":"时延-%d","memo":"时延测量 公用经费支出",
                 "lines":[{"account":"5002","debit":"%s"},{"account":"1002","credit":"%s"}]}""".formatted(1 + n % 28, n,
                amount.toPlainString(), amount.toPlainString());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", "latency-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("posting " + n + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static String row(Launcher launcher, String phase, Instant from, Instant to) throws Exception {
        Map<String, Instant> applied = new HashMap<>();
        try (Connection c = connect(launcher, "report"); PreparedStatement s = c.prepareStatement(
                "SELECT event_id::text, processed_at FROM processed_event WHERE processed_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    applied.put(r.getString(1), r.getTimestamp(2).toInstant());
                }
            }
        }
        List<Long> millis = new ArrayList<>();
        int missing = 0;
        try (Connection c = connect(launcher, "funding"); PreparedStatement s = c.prepareStatement(
                "SELECT id::text, \"timestamp\" FROM outbox WHERE \"timestamp\" BETWEEN ? AND ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant at = applied.get(r.getString(1));
                    if (at == null) {
                        missing++;
                    } else {
                        millis.add(Duration.between(r.getTimestamp(2).toInstant(), at).toMillis());
                    }
                }
            }
        }
        millis.sort(null);
        if (millis.isEmpty()) {
            return "| " + phase + " | 0 | | | |";
        }
        return String.format(Locale.ROOT, "| %s | %d%s | %d ms | %d ms | %d ms |", phase, millis.size(),
                missing > 0 ? " (" + missing + " not applied)" : "", millis.get(millis.size() / 2),
                millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
                millis.get(millis.size() - 1));
    }

    private static Connection connect(Launcher launcher, String database) throws Exception {
        PostgresServer.ServiceRoles roles = PostgresServer.ServiceRoles.of(database);
        Properties props = new Properties();
        props.setProperty("user", roles.owner());
        props.setProperty("password", roles.owner());
        return DriverManager.getConnection(launcher.jdbcUrl(database), props);
    }
}
