package cn.eduduty.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.eduduty.funding.ledger.api.BookPostingRequest;
import cn.eduduty.funding.ledger.api.LineRequest;
import cn.eduduty.funding.ledger.api.PostingResponse;
import cn.eduduty.funding.ledger.api.ReversePostingRequest;
import cn.eduduty.funding.ledger.api.TrialBalanceResponse;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ledger invariants under many random postings and reversals, and under parallel clients. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LedgerPropertyTest {

    private static final long SEED = 20251128L;
    private static final List<String> ACCOUNTS = List.of("1001", "1002", "1003", "4001", "4002", "5001", "5002", "5003",
            "5004", "5005", "5009");
    private static final List<String> STAGES = List.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR");

    @Inject
    LedgerService ledger;

    @Inject
    LedgerQueries queries;

    /** Random balanced lines: 2 to 5 lines, amounts in fen, the last line balancing the rest. */
    static List<LineRequest> randomLines(Random random) {
        int n = 2 + random.nextInt(4);
        List<LineRequest> lines = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 0; i < n - 1; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
            boolean debit = random.nextBoolean();
            lines.add(new LineRequest(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), debit ? amount : null,
                    debit ? null : amount));
            net = debit ? net.add(amount) : net.subtract(amount);
        }
        if (net.signum() == 0) {
            BigDecimal one = new BigDecimal("0.01");
            lines.add(new LineRequest("1001", one, null));
            lines.add(new LineRequest("1002", null, one));
        } else {
            lines.add(new LineRequest(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), net.signum() < 0 ? net.negate() : null,
                    net.signum() > 0 ? net : null));
        }
        return lines;
    }

    @Test
    void theTrialBalanceIsZeroAfterThousandsOfRandomPostingsAndReversals() throws Exception {
        Random random = new Random(SEED);
        String county = "990301";
        List<UUID> booked = new ArrayList<>();
        BigDecimal expectedDebits = BigDecimal.ZERO;
        for (int i = 0; i < 2000; i++) {
            List<LineRequest> lines = randomLines(random);
            BookPostingRequest request = new BookPostingRequest(2025, LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    "P-" + i, "随机 " + SEED, null, STAGES.get(random.nextInt(STAGES.size())), lines);
            booked.add(ledger.book(county, request, "prop-" + i, "property-test").posting().id());
            expectedDebits = expectedDebits.add(lines.stream().map(l -> l.debit() == null ? BigDecimal.ZERO : l.debit())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (random.nextInt(10) == 0) {
                UUID victim = booked.get(random.nextInt(booked.size()));
                if (queries.reversalOf(victim) == null && queries.posting(county, victim).reversalOf() == null) {
                    PostingResponse reversal = ledger.reverse(county, victim,
                            new ReversePostingRequest("随机冲销", "R-" + i, LocalDate.of(2025, 12, 31)), "prop-rev-" + i,
                            "property-test").posting();
                    expectedDebits = expectedDebits.add(reversal.lines().stream().map(PostingResponse.Line::debit)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
        }
        TrialBalanceResponse trial = queries.trialBalance(county, 2025);
        assertThat(trial.balanced()).as("seed %d", SEED).isTrue();
        assertThat(trial.totalDebit()).as("seed %d", SEED).isEqualByComparingTo(expectedDebits);
        assertThat(trial.totalCredit()).isEqualByComparingTo(expectedDebits);

        // the running totals agree with the lines they summarise
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT count(*) FROM (
                          SELECT account_code, sum(debit) d, sum(credit) cr FROM posting_line
                          WHERE region_code = '990301' AND fiscal_year = 2025 GROUP BY account_code) lines
                        FULL JOIN (
                          SELECT account_code, sum(debit) d, sum(credit) cr FROM ledger_total
                          WHERE region_code = '990301' AND fiscal_year = 2025 GROUP BY account_code) totals
                        USING (account_code)
                        WHERE lines.d IS DISTINCT FROM totals.d OR lines.cr IS DISTINCT FROM totals.cr""")) {
            rs.next();
            assertThat(rs.getLong(1)).as("accounts whose running totals disagree with their lines").isZero();
        }
    }

    @Test
    void concurrentPostingsFromParallelClientsAllLandExactlyOnce() throws Exception {
        String county = "990302";
        int clients = 6;
        int perClient = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<String, String> idsByKey = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    String key = "par-" + client + "-" + i;
                    Map<String, Object> body = LedgerResourceTest.publicFunds("V-" + client + "-" + i, "2025-05-01", "10.00");
                    // every request is sent twice, as a client retrying after a timeout would
                    for (int attempt = 0; attempt < 2; attempt++) {
                        var response = Api.as(Api.COUNTY_EDITOR, county).header("Idempotency-Key", key).body(body)
                                .post("/api/v1/counties/" + county + "/postings").then().extract();
                        assertThat(response.statusCode()).isIn(200, 201);
                        String id = response.path("id");
                        String previous = idsByKey.putIfAbsent(key, id);
                        assertThat(previous == null || previous.equals(id)).isTrue();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(idsByKey).hasSize(clients * perClient);
        TrialBalanceResponse trial = queries.trialBalance(county, 2025);
        assertThat(trial.totalDebit()).isEqualByComparingTo(new BigDecimal(clients * perClient * 10));
        assertThat(queries.postingCount(county, 2025)).isEqualTo(clients * perClient);
    }
}
