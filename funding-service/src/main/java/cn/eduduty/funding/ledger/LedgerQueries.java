package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.funding.ledger.api.BalanceRow;
import cn.eduduty.funding.ledger.api.CategoryTotalsResponse;
import cn.eduduty.funding.ledger.api.PostingResponse;
import cn.eduduty.funding.ledger.api.StatementResponse;
import cn.eduduty.funding.ledger.api.TrialBalanceResponse;
import cn.eduduty.runtime.persistence.SqlValues;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * Reads of the ledger. Balances, trial balances and category totals read the running totals
 * ({@code ledger_total}), so their cost does not grow with the number of lines; statements read
 * one account-year through a covering index.
 */
@ApplicationScoped
class LedgerQueries {

    enum Grouping {
        ACCOUNT, CATEGORY, STAGE, SCHOOL
    }

    private final EntityManager em;

    LedgerQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional
    PostingResponse posting(String region, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, p.region_code, p.fiscal_year, p.booking_date, p.voucher_number, p.memo, p.school_code,
                       p.stage, p.reversal_of, p.reversal_reason, r.id, p.booked_by, p.booked_at
                FROM posting p LEFT JOIN posting r ON r.reversal_of = p.id
                WHERE p.id = :id AND p.region_code = :region""")
                .setParameter("id", id).setParameter("region", region).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Posting", id);
        }
        return toPosting(rows.get(0), lines(id));
    }

    @Transactional
    List<PostingResponse.Line> lines(UUID postingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.line_no, l.account_code, a.name, l.debit, l.credit
                FROM posting_line l JOIN account a ON a.region_code = l.region_code AND a.code = l.account_code
                WHERE l.posting_id = :id ORDER BY l.line_no""").setParameter("id", postingId).getResultList();
        return rows.stream().map(r -> new PostingResponse.Line(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4])).toList();
    }

    UUID reversalOf(UUID postingId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM posting WHERE reversal_of = :id")
                .setParameter("id", postingId).getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    boolean voucherTaken(String region, int year, String voucher) {
        return count("SELECT count(*) FROM posting WHERE region_code = :r AND fiscal_year = :y AND voucher_number = :v",
                Map.of("r", region, "y", year, "v", voucher)) > 0;
    }

    Object[] byIdempotencyKey(String region, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, request_hash FROM posting WHERE region_code = :r AND idempotency_key = :k")
                .setParameter("r", region).setParameter("k", key).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    long postingCount(String region, int year) {
        return count("SELECT count(*) FROM posting WHERE region_code = :r AND fiscal_year = :y", Map.of("r", region, "y", year));
    }

    /** All postings of a county and year in booking order, with their lines. */
    @Transactional
    Page<PostingResponse> postings(String region, int year, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, p.region_code, p.fiscal_year, p.booking_date, p.voucher_number, p.memo, p.school_code,
                       p.stage, p.reversal_of, p.reversal_reason, r.id, p.booked_by, p.booked_at
                FROM posting p LEFT JOIN posting r ON r.reversal_of = p.id
                WHERE p.region_code = :r AND p.fiscal_year = :y
                ORDER BY p.booking_date, p.seq LIMIT :limit OFFSET :offset""")
                .setParameter("r", region).setParameter("y", year)
                .setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        Map<UUID, List<PostingResponse.Line>> lines = linesOf(rows.stream().map(r -> (UUID) r[0]).toList());
        List<PostingResponse> items = rows.stream().map(r -> toPosting(r, lines.getOrDefault((UUID) r[0], List.of()))).toList();
        return Page.of(items, page, postingCount(region, year));
    }

    private Map<UUID, List<PostingResponse.Line>> linesOf(List<UUID> ids) {
        Map<UUID, List<PostingResponse.Line>> lines = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return lines;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.posting_id, l.line_no, l.account_code, a.name, l.debit, l.credit
                FROM posting_line l JOIN account a ON a.region_code = l.region_code AND a.code = l.account_code
                WHERE l.posting_id IN (:ids) ORDER BY l.posting_id, l.line_no""").setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            lines.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new PostingResponse.Line(
                    ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5]));
        }
        return lines;
    }

    /** Debits, credits and balance of a fiscal year grouped by account, category, stage or school. */
    @Transactional
    List<BalanceRow> balances(String region, int year, Grouping grouping) {
        String key = switch (grouping) {
            case ACCOUNT -> "t.account_code";
            case CATEGORY -> "COALESCE(a.category, '')";
            case STAGE -> "t.stage";
            case SCHOOL -> "t.school_code";
        };
        String label = grouping == Grouping.ACCOUNT ? "min(a.name)" : "''";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + key + " AS k, " + label
                + ", sum(t.debit), sum(t.credit), sum(t.lines)"
                + " FROM ledger_total t JOIN account a ON a.region_code = t.region_code AND a.code = t.account_code"
                + " WHERE t.region_code = :r AND t.fiscal_year = :y GROUP BY 1 ORDER BY 1")
                .setParameter("r", region).setParameter("y", year).getResultList();
        return rows.stream().map(r -> {
            BigDecimal debit = (BigDecimal) r[2];
            BigDecimal credit = (BigDecimal) r[3];
            return new BalanceRow((String) r[0], (String) r[1], debit, credit, debit.subtract(credit),
                    ((Number) r[4]).longValue());
        }).toList();
    }

    @Transactional
    TrialBalanceResponse trialBalance(String region, int year) {
        List<BalanceRow> rows = balances(region, year, Grouping.ACCOUNT);
        BigDecimal debit = rows.stream().map(BalanceRow::debit).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal credit = rows.stream().map(BalanceRow::credit).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new TrialBalanceResponse(year, rows, debit, credit, debit.compareTo(credit) == 0);
    }

    /**
     * An account's lines in booking order with the running balance, one page at a time. The line
     * count and the year's net come from the running totals; a page and its opening balance are
     * read from whichever end of the account-year is nearer, through the covering index, so the
     * deepest page costs half a scan, not a whole one, and only the page's own lines are joined.
     */
    @Transactional
    StatementResponse statement(String region, String account, int year, PageRequest page) {
        if (count("SELECT count(*) FROM account WHERE region_code = :r AND code = :c", Map.of("r", region, "c", account)) == 0) {
            throw ProblemException.notFound("Account", account);
        }
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(sum(lines), 0), COALESCE(sum(debit - credit), 0) FROM ledger_total
                WHERE region_code = :r AND fiscal_year = :y AND account_code = :a""")
                .setParameter("r", region).setParameter("y", year).setParameter("a", account).getSingleResult();
        long total = ((Number) totals[0]).longValue();
        BigDecimal net = (BigDecimal) totals[1];
        long offset = Math.min(page.offset(), total);
        int size = (int) Math.min(page.size(), total - offset);
        boolean fromEnd = offset > total / 2;
        String where = " FROM posting_line WHERE region_code = :r AND account_code = :a AND fiscal_year = :y";
        String order = fromEnd ? " ORDER BY booking_date DESC, seq DESC, line_no DESC" : " ORDER BY booking_date, seq, line_no";
        // the lines before the page (from the start) or from the page on (from the end)
        long skipped = fromEnd ? total - offset : offset;
        BigDecimal partial = skipped == 0 ? BigDecimal.ZERO : (BigDecimal) em.createNativeQuery(
                "SELECT COALESCE(sum(debit - credit), 0) FROM (SELECT debit, credit" + where + order + " LIMIT :n) part")
                .setParameter("r", region).setParameter("a", account).setParameter("y", year).setParameter("n", skipped)
                .getSingleResult();
        BigDecimal opening = (fromEnd ? net.subtract(partial) : partial).setScale(2);
        List<Object[]> rows = List.of();
        if (size > 0) {
            long rowOffset = fromEnd ? total - offset - size : offset;
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("""
                    SELECT l.posting_id, p.voucher_number, l.booking_date, p.memo, l.debit, l.credit
                    FROM (SELECT posting_id, booking_date, seq, line_no, debit, credit""" + where + order
                    + " LIMIT :limit OFFSET :offset) l JOIN posting p ON p.id = l.posting_id"
                    + " ORDER BY l.booking_date, l.seq, l.line_no")
                    .setParameter("r", region).setParameter("a", account).setParameter("y", year)
                    .setParameter("limit", size).setParameter("offset", rowOffset).getResultList();
            rows = found;
        }
        BigDecimal running = opening;
        List<StatementResponse.Line> items = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal debit = (BigDecimal) r[4];
            BigDecimal credit = (BigDecimal) r[5];
            running = running.add(debit).subtract(credit);
            items.add(new StatementResponse.Line((UUID) r[0], (String) r[1], SqlValues.date(r[2]), (String) r[3], debit, credit,
                    running));
        }
        return new StatementResponse(account, year, opening, items, page.page(), page.size(), total);
    }

    /** Net amount per category and year (in each account's normal direction), with growth over the year before. */
    @Transactional
    CategoryTotalsResponse categoryTotals(String region, int fromYear, int toYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.category, t.fiscal_year,
                       sum(CASE WHEN a.type IN ('ASSET', 'EXPENSE') THEN t.debit - t.credit ELSE t.credit - t.debit END)
                FROM ledger_total t JOIN account a ON a.region_code = t.region_code AND a.code = t.account_code
                WHERE t.region_code = :r AND t.fiscal_year BETWEEN :from AND :to AND a.category IS NOT NULL
                GROUP BY a.category, t.fiscal_year""")
                .setParameter("r", region).setParameter("from", fromYear).setParameter("to", toYear).getResultList();
        Map<String, Map<Integer, BigDecimal>> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.name(), new LinkedHashMap<>());
        }
        for (Object[] r : rows) {
            byCategory.get((String) r[0]).put(((Number) r[1]).intValue(), (BigDecimal) r[2]);
        }
        List<CategoryTotalsResponse.CategoryRow> categories = new ArrayList<>();
        byCategory.forEach((category, amounts) -> {
            List<CategoryTotalsResponse.YearTotal> years = new ArrayList<>();
            for (int y = fromYear; y <= toYear; y++) {
                BigDecimal amount = amounts.getOrDefault(y, BigDecimal.ZERO).setScale(2);
                BigDecimal before = y == fromYear ? null : amounts.getOrDefault(y - 1, BigDecimal.ZERO);
                years.add(new CategoryTotalsResponse.YearTotal(y, amount, growth(before, amount)));
            }
            categories.add(new CategoryTotalsResponse.CategoryRow(category, years));
        });
        return new CategoryTotalsResponse(region, categories);
    }

    /** Percent growth from {@code before} to {@code now}, two decimals half up; null without a base. */
    static BigDecimal growth(BigDecimal before, BigDecimal now) {
        if (before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 2, RoundingMode.HALF_UP);
    }

    private long count(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static PostingResponse toPosting(Object[] r, List<PostingResponse.Line> lines) {
        return new PostingResponse((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), SqlValues.date(r[3]), (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (UUID) r[8], (String) r[9], (UUID) r[10], lines,
                (String) r[11], SqlValues.instant(r[12]));
    }
}
