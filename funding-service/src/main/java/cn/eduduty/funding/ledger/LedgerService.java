package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.funding.FiscalYearClosed;
import cn.eduduty.contracts.funding.PostingBooked;
import cn.eduduty.contracts.funding.PostingReversed;
import cn.eduduty.funding.ledger.api.AccountRequest;
import cn.eduduty.funding.ledger.api.AccountResponse;
import cn.eduduty.funding.ledger.api.BookPostingRequest;
import cn.eduduty.funding.ledger.api.LineRequest;
import cn.eduduty.funding.ledger.api.PostingResponse;
import cn.eduduty.funding.ledger.api.ReversePostingRequest;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * Books postings into a county's append-only ledger. Writers of one idempotency key are
 * serialised by a transaction lock on the key, postings and the closing of their fiscal year by
 * a shared/exclusive lock on the year, so a replay never books twice and nothing slips into a
 * year being closed.
 */
@ApplicationScoped
class LedgerService {

    private final EntityManager em;
    private final AccountRepository accounts;
    private final LedgerQueries queries;
    private final Outbox outbox;

    LedgerService(EntityManager em, AccountRepository accounts, LedgerQueries queries, Outbox outbox) {
        this.em = em;
        this.accounts = accounts;
        this.queries = queries;
        this.outbox = outbox;
    }

    record Booked(PostingResponse posting, boolean replayed) {
    }

    @Transactional
    Booked book(String region, BookPostingRequest request, String idempotencyKey, String principal) {
        requireKey(idempotencyKey);
        String hash = RequestHash.of("book", request.fiscalYear(), request.bookingDate(), request.voucherNumber(),
                nullToEmpty(request.memo()), request.schoolCode(), request.stage(), request.lines());
        PostingResponse previous = replay(region, idempotencyKey, hash);
        if (previous != null) {
            return new Booked(previous, true);
        }
        ensureChart(region);
        Map<String, Account> chart = accounts.byCode(region);
        List<Violation> violations = PostingRules.check(request, chart.keySet());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Booked(insert(region, request.fiscalYear(), request.bookingDate(), request.voucherNumber(),
                nullToEmpty(request.memo()), request.schoolCode(), request.stage(), null, null, request.lines(), chart,
                idempotencyKey, hash, principal), false);
    }

    @Transactional
    Booked reverse(String region, UUID postingId, ReversePostingRequest request, String idempotencyKey,
            String principal) {
        requireKey(idempotencyKey);
        String hash = RequestHash.of("reverse", postingId, request.reason(), request.voucherNumber(), request.bookingDate());
        PostingResponse previous = replay(region, idempotencyKey, hash);
        if (previous != null) {
            return new Booked(previous, true);
        }
        Posting original = em.find(Posting.class, postingId);
        if (original == null || !original.regionCode.equals(region)) {
            throw ProblemException.notFound("Posting", postingId);
        }
        if (original.reversalOf != null) {
            throw ProblemException.ruleViolated("Posting " + postingId + " is itself a reversal; book a new posting instead");
        }
        if (queries.reversalOf(postingId) != null) {
            throw ProblemException.conflict("Posting " + postingId + " was already reversed by " + queries.reversalOf(postingId));
        }
        LocalDate date = request.bookingDate() != null ? request.bookingDate()
                : LocalDate.now().getYear() == original.fiscalYear ? LocalDate.now()
                        : LocalDate.of(original.fiscalYear, 12, 31);
        if (date.getYear() != original.fiscalYear) {
            throw ProblemException.invalid("bookingDate", "a reversal is booked in the original's fiscal year "
                    + original.fiscalYear);
        }
        List<LineRequest> mirror = new ArrayList<>();
        for (PostingResponse.Line line : queries.lines(postingId)) {
            mirror.add(new LineRequest(line.accountCode(), line.credit().signum() == 0 ? null : line.credit(),
                    line.debit().signum() == 0 ? null : line.debit()));
        }
        PostingResponse reversal = insert(region, original.fiscalYear, date, request.voucherNumber(),
                "冲销 " + original.voucherNumber + "：" + request.reason(), original.schoolCode, original.stage,
                postingId, request.reason(), mirror, accounts.byCode(region), idempotencyKey, hash, principal);
        outbox.publish(EventTypes.POSTING_REVERSED, "posting", postingId.toString(), region,
                new PostingReversed(postingId, reversal.id(), region, original.fiscalYear, request.reason(), principal),
                principal);
        return new Booked(reversal, false);
    }

    private PostingResponse insert(String region, int year, LocalDate date, String voucher, String memo, String school,
            String stage, UUID reversalOf, String reason, List<LineRequest> lines, Map<String, Account> chart,
            String key, String hash, String principal) {
        lockYear(region, year, false);
        if (isClosed(region, year)) {
            throw ProblemException.ruleViolated("Rule fiscal-year-closed: fiscal year " + year + " of " + region
                    + " is closed; no posting goes into it");
        }
        if (queries.voucherTaken(region, year, voucher)) {
            throw ProblemException.conflict("Voucher number " + voucher + " is already used in " + year);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO posting (id, region_code, fiscal_year, booking_date, voucher_number, memo, school_code, stage,
                                     reversal_of, reversal_reason, idempotency_key, request_hash, booked_by)
                VALUES (:id, :region, :year, :date, :voucher, :memo, :school, :stage, :reversalOf, :reason, :key, :hash, :by)""")
                .setParameter("id", id).setParameter("region", region).setParameter("year", year)
                .setParameter("date", date).setParameter("voucher", voucher).setParameter("memo", memo)
                .setParameter("school", school).setParameter("stage", stage).setParameter("reversalOf", reversalOf)
                .setParameter("reason", reason).setParameter("key", key).setParameter("hash", hash)
                .setParameter("by", principal)
                .executeUpdate();
        long seq = ((Number) em.createNativeQuery("SELECT seq FROM posting WHERE id = :id").setParameter("id", id)
                .getSingleResult()).longValue();
        List<PostingBooked.Line> eventLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            BigDecimal debit = money(line.debit());
            BigDecimal credit = money(line.credit());
            em.createNativeQuery("""
                    INSERT INTO posting_line (posting_id, line_no, region_code, fiscal_year, booking_date, seq, account_code, debit, credit)
                    VALUES (:id, :no, :region, :year, :date, :seq, :account, :debit, :credit)""")
                    .setParameter("id", id).setParameter("no", i).setParameter("region", region)
                    .setParameter("year", year).setParameter("date", date).setParameter("seq", seq)
                    .setParameter("account", line.account()).setParameter("debit", debit).setParameter("credit", credit)
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO ledger_total (region_code, fiscal_year, account_code, stage, school_code, debit, credit, lines)
                    VALUES (:region, :year, :account, :stage, :school, :debit, :credit, 1)
                    ON CONFLICT (region_code, fiscal_year, account_code, stage, school_code) DO UPDATE
                       SET debit = ledger_total.debit + EXCLUDED.debit,
                           credit = ledger_total.credit + EXCLUDED.credit,
                           lines = ledger_total.lines + 1""")
                    .setParameter("region", region).setParameter("year", year).setParameter("account", line.account())
                    .setParameter("stage", stage == null ? "" : stage).setParameter("school", school == null ? "" : school)
                    .setParameter("debit", debit).setParameter("credit", credit)
                    .executeUpdate();
            Account account = chart.get(line.account());
            eventLines.add(new PostingBooked.Line(account.code, account.name, account.type.name(),
                    account.category == null ? null : account.category.name(), debit, credit));
        }
        outbox.publish(EventTypes.POSTING_BOOKED, "posting", id.toString(), region,
                new PostingBooked(id, region, year, date, voucher, memo, school, stage, reversalOf, eventLines, principal),
                principal);
        return queries.posting(region, id);
    }

    /** The original posting when this key was used before with the same request; 409 with another one. */
    private PostingResponse replay(String region, String key, String hash) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", "posting-key:" + region + ":" + key).getSingleResult();
        Object[] existing = queries.byIdempotencyKey(region, key);
        if (existing == null) {
            return null;
        }
        if (!hash.equals(existing[1])) {
            throw ProblemException.conflict("Idempotency key " + key + " was used for a different request");
        }
        return queries.posting(region, (UUID) existing[0]);
    }

    @Transactional
    FiscalYearClosed close(String region, int year, String principal) {
        lockYear(region, year, true);
        if (isClosed(region, year)) {
            throw ProblemException.conflict("Fiscal year " + year + " of " + region + " is already closed");
        }
        em.createNativeQuery("INSERT INTO fiscal_year_closure (region_code, fiscal_year, closed_by) VALUES (:r, :y, :by)")
                .setParameter("r", region).setParameter("y", year).setParameter("by", principal).executeUpdate();
        FiscalYearClosed closed = new FiscalYearClosed(region, year, queries.postingCount(region, year), principal);
        outbox.publish(EventTypes.FISCAL_YEAR_CLOSED, "fiscal-year", region + "/" + year, region, closed, principal);
        return closed;
    }

    boolean isClosed(String region, int year) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM fiscal_year_closure WHERE region_code = :r AND fiscal_year = :y")
                .setParameter("r", region).setParameter("y", year).getSingleResult()).longValue() > 0;
    }

    private void lockYear(String region, int year, boolean exclusive) {
        em.createNativeQuery("SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext(:k))").setParameter("k", "fiscal-year:" + region + ":" + year).getSingleResult();
    }

    /** The seeded chart is recorded as the system's, not as whoever happened to look first. */
    static final String SEEDER = "system:chart-of-accounts";

    @Transactional
    void ensureChart(String region) {
        if (!accounts.seeded(region)) {
            accounts.seed(region, SEEDER);
        }
    }

    @Transactional
    Page<AccountResponse> chart(String region, PageRequest page) {
        ensureChart(region);
        return Page.of(accounts.page(region, page.page(), page.size()).stream().map(LedgerService::toResponse).toList(),
                page, accounts.countOf(region));
    }

    @Transactional
    AccountResponse addAccount(String region, AccountRequest request, String principal) {
        ensureChart(region);
        if (accounts.byCode(region).containsKey(request.code())) {
            throw ProblemException.conflict("Account " + request.code() + " already exists in " + region);
        }
        Account a = new Account();
        a.regionCode = region;
        a.code = request.code();
        a.name = request.name().trim();
        a.type = AccountType.valueOf(request.type());
        a.category = request.category() == null ? null : Category.valueOf(request.category());
        a.seeded = false;
        a.createdBy = principal;
        a.createdAt = Instant.now();
        accounts.persist(a);
        return toResponse(a);
    }

    static AccountResponse toResponse(Account a) {
        return new AccountResponse(a.code, a.name, a.type.name(), a.category == null ? null : a.category.name(), a.seeded);
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "a header of 1 to 200 characters is required");
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
