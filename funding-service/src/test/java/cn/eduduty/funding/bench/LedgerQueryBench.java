package cn.eduduty.funding.bench;

import static cn.eduduty.testsupport.Api.VIEWER;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ledger reads on a county with {@code bench.lines} posting lines (default 1,000,000), through the
 * HTTP API; not part of the test command (see bench/README.md). The ledger is filled by SQL in
 * bulk, running totals included, as the service would have written them. Baseline, measured in the
 * same run: reading the county's chart of accounts (one small query behind the same HTTP stack).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@Tag("bench")
class LedgerQueryBench {

    private static final String COUNTY = "960201";

    @Test
    void readsStatementsAndCategoryTotalsOfAMillionLines() throws Exception {
        int lines = Integer.getInteger("bench.lines", 1_000_000);
        int postings = lines / 2;
        Api.as(VIEWER, COUNTY).get("/api/v1/counties/" + COUNTY + "/accounts").then().statusCode(200); // seeds the chart
        long fill = System.nanoTime();
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("""
                    INSERT INTO posting (id, region_code, fiscal_year, booking_date, voucher_number, memo, stage,
                                         idempotency_key, request_hash, booked_by)
                    SELECT md5('p' || g)::uuid, '%1$s', 2025, DATE '2025-01-01' + (g %% 365), 'B-' || g, '基准', 'PRIMARY',
                           'bench-' || g, 'h', 'bench'
                    FROM generate_series(1, %2$d) g""".formatted(COUNTY, postings));
            c.createStatement().execute("""
                    INSERT INTO posting_line (posting_id, line_no, region_code, fiscal_year, booking_date, seq, account_code, debit, credit)
                    SELECT p.id, l.n, p.region_code, p.fiscal_year, p.booking_date, p.seq,
                           CASE WHEN l.n = 0 THEN (ARRAY['5002','5005','5004','5003'])[1 + p.seq %% 4] ELSE '1002' END,
                           CASE WHEN l.n = 0 THEN 100 + p.seq %% 1000 ELSE 0 END,
                           CASE WHEN l.n = 1 THEN 100 + p.seq %% 1000 ELSE 0 END
                    FROM posting p CROSS JOIN (VALUES (0), (1)) l(n) WHERE p.region_code = '%s'""".formatted(COUNTY));
            c.createStatement().execute("""
                    INSERT INTO ledger_total (region_code, fiscal_year, account_code, stage, school_code, debit, credit, lines)
                    SELECT l.region_code, l.fiscal_year, l.account_code, 'PRIMARY', '', sum(l.debit), sum(l.credit), count(*)
                    FROM posting_line l WHERE l.region_code = '%s' GROUP BY 1, 2, 3""".formatted(COUNTY));
            c.createStatement().execute("ANALYZE posting; ANALYZE posting_line; ANALYZE ledger_total");
        }
        System.out.printf("bench: filled %d lines in %d ms%n", lines, (System.nanoTime() - fill) / 1_000_000);

        String base = "/api/v1/counties/" + COUNTY;
        long baseline = median(() -> Api.as(VIEWER, COUNTY).get(base + "/accounts").then().statusCode(200));
        long first = median(() -> Api.as(VIEWER, COUNTY).get(base + "/accounts/1002/statement?fiscalYear=2025&size=50")
                .then().statusCode(200));
        long middle = median(() -> Api.as(VIEWER, COUNTY)
                .get(base + "/accounts/1002/statement?fiscalYear=2025&size=50&page=" + (postings / 100))
                .then().statusCode(200));
        long last = median(() -> Api.as(VIEWER, COUNTY)
                .get(base + "/accounts/1002/statement?fiscalYear=2025&size=50&page=" + (postings / 50 - 1))
                .then().statusCode(200));
        long totals = median(() -> Api.as(VIEWER, COUNTY).get(base + "/category-totals?fromYear=2023&toYear=2025")
                .then().statusCode(200));
        long trial = median(() -> Api.as(VIEWER, COUNTY).get(base + "/fiscal-years/2025/trial-balance").then().statusCode(200));
        System.out.printf("bench: baseline (chart of accounts) %d ms%n", baseline);
        report("statement, first page", first, baseline);
        report("statement, middle page", middle, baseline);
        report("statement, last page", last, baseline);
        report("category totals, 3 years", totals, baseline);
        report("trial balance", trial, baseline);
    }

    private static void report(String what, long ms, long baseline) {
        System.out.printf("bench: %s %d ms, %.1f x baseline%n", what, ms, (double) ms / Math.max(1, baseline));
    }

    /** Median of 7 timed calls after 2 warm-ups, in milliseconds. */
    private static long median(Supplier<?> call) {
        call.get();
        call.get();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            call.get();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
