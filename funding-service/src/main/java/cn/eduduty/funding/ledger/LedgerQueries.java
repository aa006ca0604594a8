package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import cn.eduduty.funding.ledger.api.BalanceRow;
import cn.eduduty.funding.ledger.api.CategoryTotalsResponse;
import cn.eduduty.funding.ledger.api.PostingResponse;
import cn.eduduty.funding.ledger.api.StatementResponse;
import cn.eduduty.funding.ledger.api.TotalMismatch;
import cn.eduduty.funding.ledger.api.TrialBalanceResponse;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * The ledger's SQL. Writes: a posting with its lines and running totals, a year's closure, the
 * seeded chart, and the transaction locks that order writers. Reads: balances, trial balances and
 * category totals read the running totals ({@code ledger_total}), so their cost does not grow with
 * the number of lines; statements read one account-year through a covering index; the
 * reconciliation compares the totals with the lines they sum.
 */
@ApplicationScoped
class LedgerQueries {

    enum Grouping {
        ACCOUNT, CATEGORY, STAGE, SCHOOL
    }

    /** A posting to book, its amounts already in yuan to the fen. */
    record NewPosting(String region, int year, LocalDate date, String voucher, String memo, String school, String stage,
            UUID reversalOf, String reversalReason, List<NewLine> lines, String idempotencyKey, String requestHash,
            String bookedBy) {
    }

    /** One line of a posting to book: an account and its debit and credit (zero, never null). */
    record NewLine(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** The posting an idempotency key booked, and the hash of the request that booked it. */
    record KeyUse(UUID postingId, String requestHash) {
    }

    /** How many lines of an export each round trip to the database fetches. */
    static final int EXPORT_FETCH = 500;

    private final EntityManager em;

    LedgerQueries(EntityManager em) {
        this.em = em;
    }

    // writes

    /**
     * Inserts the posting, its lines in order, and adds them to the running totals of their
     * (account, stage, school); returns the posting's id.
     */
    UUID insert(NewPosting p) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO posting (id, region_code, fiscal_year, booking_date, voucher_number, memo, school_code, stage,
                                     reversal_of, reversal_reason, idempotency_key, request_hash, booked_by)
                VALUES (:id, :region, :year, :date, :voucher, :memo, :school, :stage, :reversalOf, :reason, :key, :hash, :by)""")
                .setParameter("id", id).setParameter("region", p.region()).setParameter("year", p.year())
                .setParameter("date", p.date()).setParameter("voucher", p.voucher()).setParameter("memo", p.memo())
                .setParameter("school", p.school()).setParameter("stage", p.stage())
                .setParameter("reversalOf", p.reversalOf()).setParameter("reason", p.reversalReason())
                .setParameter("key", p.idempotencyKey()).setParameter("hash", p.requestHash())
                .setParameter("by", p.bookedBy())
                .executeUpdate();
        long seq = ((Number) em.createNativeQuery("SELECT seq FROM posting WHERE id = :id").setParameter("id", id)
                .getSingleResult()).longValue();
        for (int i = 0; i < p.lines().size(); i++) {
            NewLine line = p.lines().get(i);
            em.createNativeQuery("""
                    INSERT INTO posting_line (posting_id, line_no, region_code, fiscal_year, booking_date, seq, account_code, debit, credit)
                    VALUES (:id, :no, :region, :year, :date, :seq, :account, :debit, :credit)""")
                    .setParameter("id", id).setParameter("no", i).setParameter("region", p.region())
                    .setParameter("year", p.year()).setParameter("date", p.date()).setParameter("seq", seq)
                    .setParameter("account", line.account()).setParameter("debit", line.debit())
                    .setParameter("credit", line.credit())
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO ledger_total (region_code, fiscal_year, account_code, stage, school_code, debit, credit, lines)
                    VALUES (:region, :year, :account, :stage, :school, :debit, :credit, 1)
                    ON CONFLICT (region_code, fiscal_year, account_code, stage, school_code) DO UPDATE
                       SET debit = ledger_total.debit + EXCLUDED.debit,
                           credit = ledger_total.credit + EXCLUDED.credit,
                           lines = ledger_total.lines + 1""")
                    .setParameter("region", p.region()).setParameter("year", p.year())
                    .setParameter("account", line.account())
                    .setParameter("stage", p.stage() == null ? "" : p.stage())
                    .setParameter("school", p.school() == null ? "" : p.school())
                    .setParameter("debit", line.debit()).setParameter("credit", line.credit())
                    .executeUpdate();
        }
        return id;
    }

    /** Records the year as closed by {@code principal}. */
    void close(String region, int year, String principal) {
        em.createNativeQuery("INSERT INTO fiscal_year_closure (region_code, fiscal_year, closed_by) VALUES (:r, :y, :by)")
                .setParameter("r", region).setParameter("y", year).setParameter("by", principal).executeUpdate();
    }

    /** Seeds a county's chart once; concurrent first uses insert nothing twice. */
    void seedChart(String region, String principal) {
        for (ChartOfAccounts.Seed s : ChartOfAccounts.SEEDS) {
            em.createNativeQuery("""
                    INSERT INTO account (region_code, code, name, type, category, seeded, created_by)
                    VALUES (:region, :code, :name, :type, :category, true, :by)
                    ON CONFLICT (region_code, code) DO NOTHING""")
                    .setParameter("region", region)
                    .setParameter("code", s.code())
                    .setParameter("name", s.name())
                    .setParameter("type", s.type().name())
                    .setParameter("category", s.category() == null ? null : s.category().name())
                    .setParameter("by", principal)
                    .executeUpdate();
        }
    }

    /** Holds an idempotency key of {@code region} until the transaction ends. */
    void lockKey(String region, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", "posting-key:" + region + ":" + key).getSingleResult();
    }

    /**
     * Holds the fiscal year until the transaction ends: shared by the postings into it, exclusive
     * when it is closed, so nothing slips into a year being closed.
     */
    void lockYear(String region, int year, boolean exclusive) {
        em.createNativeQuery("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext(:k))").setParameter("k", "fiscal-year:" + region + ":" + year).getSingleResult();
    }

    // reads

    boolean isClosed(String region, int year) {
        return count("SELECT count(*) FROM fiscal_year_closure WHERE region_code = :r AND fiscal_year = :y",
                Map.of("r", region, "y", year)) > 0;
    }

    @Transactional
    PostingResponse posting(String region, UUID id) {
        Tuple row = Rows.one(em, POSTING + " WHERE p.id = :id AND p.region_code = :region",
                q -> q.setParameter("id", id).setParameter("region", region))
                .orElseThrow(() -> ProblemException.notFound("Posting", id));
        return toPosting(row, lines(id));
    }

    @Transactional
    List<PostingResponse.Line> lines(UUID postingId) {
        return Rows.list(em, """
                SELECT l.line_no, l.account_code, a.name AS account_name, l.debit, l.credit
                FROM posting_line l JOIN account a ON a.region_code = l.region_code AND a.code = l.account_code
                WHERE l.posting_id = :id ORDER BY l.line_no""", q -> q.setParameter("id", postingId))
                .stream().map(LedgerQueries::toLine).toList();
    }

    UUID reversalOf(UUID postingId) {
        return Rows.list(em, "SELECT id FROM posting WHERE reversal_of = :id", q -> q.setParameter("id", postingId))
                .stream().map(t -> Rows.uuid(t, "id")).findFirst().orElse(null);
    }

    boolean voucherTaken(String region, int year, String voucher) {
        return count("SELECT count(*) FROM posting WHERE region_code = :r AND fiscal_year = :y AND voucher_number = :v",
                Map.of("r", region, "y", year, "v", voucher)) > 0;
    }

    Optional<KeyUse> byIdempotencyKey(String region, String key) {
        return Rows.one(em, "SELECT id, request_hash FROM posting WHERE region_code = :r AND idempotency_key = :k",
                q -> q.setParameter("r", region).setParameter("k", key))
                .map(t -> new KeyUse(Rows.uuid(t, "id"), Rows.text(t, "request_hash")));
    }

    long postingCount(String region, int year) {
        return count("SELECT count(*) FROM posting WHERE region_code = :r AND fiscal_year = :y", Map.of("r", region, "y", year));
    }

    /** All postings of a county and year in booking order, with their lines. */
    @Transactional
    Page<PostingResponse> postings(String region, int year, PageRequest page) {
        List<Tuple> rows = Rows.list(em, POSTING + """
                 WHERE p.region_code = :r AND p.fiscal_year = :y
                ORDER BY p.booking_date, p.seq LIMIT :limit OFFSET :offset""",
                q -> q.setParameter("r", region).setParameter("y", year)
                        .setParameter("limit", page.size()).setParameter("offset", page.offset()));
        Map<UUID, List<PostingResponse.Line>> lines = linesOf(rows.stream().map(r -> Rows.uuid(r, "id")).toList());
        List<PostingResponse> items = rows.stream()
                .map(r -> toPosting(r, lines.getOrDefault(Rows.uuid(r, "id"), List.of()))).toList();
        return Page.of(items, page, postingCount(region, year));
    }

    private Map<UUID, List<PostingResponse.Line>> linesOf(List<UUID> ids) {
        Map<UUID, List<PostingResponse.Line>> lines = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return lines;
        }
        for (Tuple r : Rows.list(em, """
                SELECT l.posting_id, l.line_no, l.account_code, a.name AS account_name, l.debit, l.credit
                FROM posting_line l JOIN account a ON a.region_code = l.region_code AND a.code = l.account_code
                WHERE l.posting_id IN (:ids) ORDER BY l.posting_id, l.line_no""", q -> q.setParameter("ids", ids))) {
            lines.computeIfAbsent(Rows.uuid(r, "posting_id"), k -> new ArrayList<>()).add(toLine(r));
        }
        return lines;
    }

    /**
     * Every line of a county's fiscal year in booking order, with its posting's voucher, date, memo,
     * stage and school, the account's name, and the voucher of the posting it reverses or that
     * reversed it: what the year's XLSX export lists, in one statement (one snapshot of the ledger).
     * The lines are handed to {@code use} as a forward-only stream read through a database cursor,
     * {@value #EXPORT_FETCH} rows at a time (PostgreSQL's driver only fetches in batches inside a
     * transaction, hence this one), so a year of any size is never held in memory; the stream is
     * closed when {@code use} returns, so {@code use} must consume it.
     */
    @Transactional
    <T> T exportLines(String region, int year, Function<Stream<LedgerWorkbook.Line>, T> use) {
        Query query = em.createNativeQuery("""
                SELECT p.voucher_number, p.booking_date, p.memo, p.stage, p.school_code, l.account_code,
                       a.name AS account_name, l.debit, l.credit, o.voucher_number AS reverses,
                       r.voucher_number AS reversed_by
                FROM posting p
                JOIN posting_line l ON l.posting_id = p.id
                JOIN account a ON a.region_code = l.region_code AND a.code = l.account_code
                LEFT JOIN posting o ON o.id = p.reversal_of
                LEFT JOIN posting r ON r.reversal_of = p.id
                WHERE p.region_code = :r AND p.fiscal_year = :y
                ORDER BY p.booking_date, p.seq, l.line_no""", Tuple.class)
                .setParameter("r", region).setParameter("y", year)
                .setHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_FETCH);
        @SuppressWarnings("unchecked")
        Stream<Tuple> rows = query.getResultStream();
        try (rows) {
            return use.apply(rows.map(t -> new LedgerWorkbook.Line(Rows.text(t, "voucher_number"),
                    Rows.date(t, "booking_date"), Rows.text(t, "memo"), Rows.text(t, "account_code"),
                    Rows.text(t, "account_name"), Rows.decimal(t, "debit"), Rows.decimal(t, "credit"),
                    Rows.text(t, "stage"), Rows.text(t, "school_code"), Rows.text(t, "reverses"),
                    Rows.text(t, "reversed_by"))));
        }
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
        return Rows.list(em, "SELECT " + key + " AS k, " + label
                + " AS label, sum(t.debit) AS debit, sum(t.credit) AS credit, sum(t.lines) AS lines"
                + " FROM ledger_total t JOIN account a ON a.region_code = t.region_code AND a.code = t.account_code"
                + " WHERE t.region_code = :r AND t.fiscal_year = :y GROUP BY 1 ORDER BY 1",
                q -> q.setParameter("r", region).setParameter("y", year))
                .stream().map(r -> {
                    BigDecimal debit = Rows.decimal(r, "debit");
                    BigDecimal credit = Rows.decimal(r, "credit");
                    return new BalanceRow(Rows.text(r, "k"), Rows.text(r, "label"), debit, credit, debit.subtract(credit),
                            Rows.whole(r, "lines"));
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
        Tuple totals = Rows.one(em, """
                SELECT COALESCE(sum(lines), 0) AS lines, COALESCE(sum(debit - credit), 0) AS net FROM ledger_total
                WHERE region_code = :r AND fiscal_year = :y AND account_code = :a""",
                q -> q.setParameter("r", region).setParameter("y", year).setParameter("a", account)).orElseThrow();
        long total = Rows.whole(totals, "lines");
        BigDecimal net = Rows.decimal(totals, "net");
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
        List<Tuple> rows = List.of();
        if (size > 0) {
            long rowOffset = fromEnd ? total - offset - size : offset;
            rows = Rows.list(em, """
                    SELECT l.posting_id, p.voucher_number, l.booking_date, p.memo, l.debit, l.credit
                    FROM (SELECT posting_id, booking_date, seq, line_no, debit, credit""" + where + order
                    + " LIMIT :limit OFFSET :offset) l JOIN posting p ON p.id = l.posting_id"
                    + " ORDER BY l.booking_date, l.seq, l.line_no",
                    q -> q.setParameter("r", region).setParameter("a", account).setParameter("y", year)
                            .setParameter("limit", size).setParameter("offset", rowOffset));
        }
        BigDecimal running = opening;
        List<StatementResponse.Line> items = new ArrayList<>();
        for (Tuple r : rows) {
            BigDecimal debit = Rows.decimal(r, "debit");
            BigDecimal credit = Rows.decimal(r, "credit");
            running = running.add(debit).subtract(credit);
            items.add(new StatementResponse.Line(Rows.uuid(r, "posting_id"), Rows.text(r, "voucher_number"),
                    Rows.date(r, "booking_date"), Rows.text(r, "memo"), debit, credit, running));
        }
        return new StatementResponse(account, year, opening, items, page.page(), page.size(), total);
    }

    /** Net amount per category and year (in each account's normal direction), with growth over the year before. */
    @Transactional
    CategoryTotalsResponse categoryTotals(String region, int fromYear, int toYear) {
        List<Tuple> rows = Rows.list(em, """
                SELECT a.category, t.fiscal_year,
                       sum(CASE WHEN a.type IN ('ASSET', 'EXPENSE') THEN t.debit - t.credit ELSE t.credit - t.debit END) AS amount
                FROM ledger_total t JOIN account a ON a.region_code = t.region_code AND a.code = t.account_code
                WHERE t.region_code = :r AND t.fiscal_year BETWEEN :from AND :to AND a.category IS NOT NULL
                GROUP BY a.category, t.fiscal_year""",
                q -> q.setParameter("r", region).setParameter("from", fromYear).setParameter("to", toYear));
        Map<String, Map<Integer, BigDecimal>> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.name(), new LinkedHashMap<>());
        }
        for (Tuple r : rows) {
            byCategory.get(Rows.text(r, "category")).put(Rows.integer(r, "fiscal_year"), Rows.decimal(r, "amount"));
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

    // reconciliation of the running totals with their lines

    /** How many running totals differ from their lines within {@code region} (all when null) and {@code year} (all when null). */
    long mismatchCount(String region, Integer year) {
        return ((Number) scoped(em.createNativeQuery(DIFFERENCES + "SELECT count(*) FROM differences"), region, year)
                .getSingleResult()).longValue();
    }

    /** The first {@code limit} differences within {@code region} and {@code year}, in key order. */
    List<TotalMismatch> mismatches(String region, Integer year, int limit) {
        return Rows.list(em, DIFFERENCES + """
                SELECT * FROM differences
                ORDER BY region_code, fiscal_year, account_code, stage, school_code LIMIT :limit""",
                q -> scoped(q, region, year).setParameter("limit", limit))
                .stream().map(r -> new TotalMismatch(Rows.text(r, "region_code"), Rows.integer(r, "fiscal_year"),
                        Rows.text(r, "account_code"), Rows.text(r, "stage"), Rows.text(r, "school_code"),
                        Rows.decimal(r, "total_debit"), Rows.decimal(r, "lines_debit"), Rows.decimal(r, "total_credit"),
                        Rows.decimal(r, "lines_credit"), Rows.whole(r, "total_lines"), Rows.whole(r, "lines")))
                .toList();
    }

    private static Query scoped(Query query, String region, Integer year) {
        // the prefix of a region covers it and everything below (GB/T 2260 codes are hierarchical)
        String prefix = region == null ? "" : RegionCode.prefix(region);
        return query.setParameter("prefix", prefix).setParameter("year", year == null ? 0 : year);
    }

    /** The running totals that differ from the sum and count of their lines, as {@code differences}. */
    private static final String DIFFERENCES = """
            WITH totals AS (
                SELECT region_code, fiscal_year, account_code, stage, school_code, debit, credit, lines
                FROM ledger_total
                WHERE region_code LIKE :prefix || '%' AND (:year = 0 OR fiscal_year = :year)
            ), summed AS (
                SELECT l.region_code, l.fiscal_year, l.account_code, coalesce(p.stage, '') AS stage,
                       coalesce(p.school_code, '') AS school_code,
                       sum(l.debit) AS debit, sum(l.credit) AS credit, count(*) AS lines
                FROM posting_line l JOIN posting p ON p.id = l.posting_id
                WHERE l.region_code LIKE :prefix || '%' AND (:year = 0 OR l.fiscal_year = :year)
                GROUP BY 1, 2, 3, 4, 5
            ), differences AS (
                SELECT region_code, fiscal_year, account_code, stage, school_code,
                       coalesce(t.debit, 0) AS total_debit, coalesce(s.debit, 0) AS lines_debit,
                       coalesce(t.credit, 0) AS total_credit, coalesce(s.credit, 0) AS lines_credit,
                       coalesce(t.lines, 0) AS total_lines, coalesce(s.lines, 0) AS lines
                FROM totals t FULL JOIN summed s USING (region_code, fiscal_year, account_code, stage, school_code)
                WHERE coalesce(t.debit, 0) <> coalesce(s.debit, 0) OR coalesce(t.credit, 0) <> coalesce(s.credit, 0)
                   OR coalesce(t.lines, 0) <> coalesce(s.lines, 0)
            )
            """;

    private static final String POSTING = """
            SELECT p.id, p.region_code, p.fiscal_year, p.booking_date, p.voucher_number, p.memo, p.school_code,
                   p.stage, p.reversal_of, p.reversal_reason, r.id AS reversed_by, p.booked_by, p.booked_at
            FROM posting p LEFT JOIN posting r ON r.reversal_of = p.id""";

    private long count(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static PostingResponse.Line toLine(Tuple r) {
        return new PostingResponse.Line(Rows.integer(r, "line_no"), Rows.text(r, "account_code"),
                Rows.text(r, "account_name"), Rows.decimal(r, "debit"), Rows.decimal(r, "credit"));
    }

    private static PostingResponse toPosting(Tuple r, List<PostingResponse.Line> lines) {
        return new PostingResponse(Rows.uuid(r, "id"), Rows.text(r, "region_code"), Rows.integer(r, "fiscal_year"),
                Rows.date(r, "booking_date"), Rows.text(r, "voucher_number"), Rows.text(r, "memo"),
                Rows.text(r, "school_code"), Rows.text(r, "stage"), Rows.uuid(r, "reversal_of"),
                Rows.text(r, "reversal_reason"), Rows.uuid(r, "reversed_by"), lines, Rows.text(r, "booked_by"),
                Rows.instant(r, "booked_at"));
    }
}
