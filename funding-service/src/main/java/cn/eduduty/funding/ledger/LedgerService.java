package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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

    private final PostingRepository postings;
    private final AccountRepository accounts;
    private final LedgerQueries queries;
    private final Outbox outbox;

    LedgerService(PostingRepository postings, AccountRepository accounts, LedgerQueries queries, Outbox outbox) {
        this.postings = postings;
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
        return new Booked(insert(new LedgerQueries.NewPosting(region, request.fiscalYear(), request.bookingDate(),
                request.voucherNumber(), nullToEmpty(request.memo()), request.schoolCode(), request.stage(), null, null,
                newLines(request.lines()), idempotencyKey, hash, principal), chart), false);
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
        Posting original = postings.findById(postingId);
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
        PostingResponse reversal = insert(new LedgerQueries.NewPosting(region, original.fiscalYear, date,
                request.voucherNumber(), "冲销 " + original.voucherNumber + "：" + request.reason(), original.schoolCode,
                original.stage, postingId, request.reason(), newLines(mirror), idempotencyKey, hash, principal),
                accounts.byCode(region));
        outbox.publish(EventTypes.POSTING_REVERSED, "posting", postingId.toString(), region,
                new PostingReversed(postingId, reversal.id(), region, original.fiscalYear, request.reason(), principal),
                principal);
        return new Booked(reversal, false);
    }

    /** Books the posting unless its year is closed or its voucher number taken, and publishes it. */
    private PostingResponse insert(LedgerQueries.NewPosting posting, Map<String, Account> chart) {
        String region = posting.region();
        int year = posting.year();
        queries.lockYear(region, year, false);
        if (queries.isClosed(region, year)) {
            throw ProblemException.ruleViolated("Rule fiscal-year-closed: fiscal year " + year + " of " + region
                    + " is closed; no posting goes into it");
        }
        if (queries.voucherTaken(region, year, posting.voucher())) {
            throw ProblemException.conflict("Voucher number " + posting.voucher() + " is already used in " + year);
        }
        UUID id = queries.insert(posting);
        List<PostingBooked.Line> eventLines = new ArrayList<>();
        for (LedgerQueries.NewLine line : posting.lines()) {
            Account account = chart.get(line.account());
            eventLines.add(new PostingBooked.Line(account.code, account.name, account.type.name(),
                    account.category == null ? null : account.category.name(), line.debit(), line.credit()));
        }
        outbox.publish(EventTypes.POSTING_BOOKED, "posting", id.toString(), region,
                new PostingBooked(id, region, year, posting.date(), posting.voucher(), posting.memo(), posting.school(),
                        posting.stage(), posting.reversalOf(), eventLines, posting.bookedBy()),
                posting.bookedBy());
        return queries.posting(region, id);
    }

    /** The request's lines with their amounts in yuan to the fen, an absent side as zero. */
    private static List<LedgerQueries.NewLine> newLines(List<LineRequest> lines) {
        return lines.stream().map(l -> new LedgerQueries.NewLine(l.account(), money(l.debit()), money(l.credit())))
                .toList();
    }

    /** The original posting when this key was used before with the same request; 409 with another one. */
    private PostingResponse replay(String region, String key, String hash) {
        queries.lockKey(region, key);
        LedgerQueries.KeyUse existing = queries.byIdempotencyKey(region, key).orElse(null);
        if (existing == null) {
            return null;
        }
        if (!hash.equals(existing.requestHash())) {
            throw ProblemException.conflict("Idempotency key " + key + " was used for a different request");
        }
        return queries.posting(region, existing.postingId());
    }

    @Transactional
    FiscalYearClosed close(String region, int year, String principal) {
        queries.lockYear(region, year, true);
        if (queries.isClosed(region, year)) {
            throw ProblemException.conflict("Fiscal year " + year + " of " + region + " is already closed");
        }
        queries.close(region, year, principal);
        FiscalYearClosed closed = new FiscalYearClosed(region, year, queries.postingCount(region, year), principal);
        outbox.publish(EventTypes.FISCAL_YEAR_CLOSED, "fiscal-year", region + "/" + year, region, closed, principal);
        return closed;
    }

    /** The seeded chart is recorded as the system's, not as whoever happened to look first. */
    static final String SEEDER = "system:chart-of-accounts";

    @Transactional
    void ensureChart(String region) {
        if (!accounts.seeded(region)) {
            queries.seedChart(region, SEEDER);
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
