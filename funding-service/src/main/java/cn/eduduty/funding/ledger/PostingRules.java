package cn.eduduty.funding.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.eduduty.funding.ledger.api.BookPostingRequest;
import cn.eduduty.funding.ledger.api.LineRequest;
import cn.eduduty.runtime.problem.Problem.Violation;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;

/**
 * What makes a posting well-formed: two or more lines, each with exactly one positive amount of
 * at most two decimals on a known account, debits equal to credits, the booking date within the
 * fiscal year. Every violation names the line and field.
 */
final class PostingRules {

    private PostingRules() {
    }

    /** Rule {@code posting-max-lines}: 422 naming {@code lines} when the posting has more than {@code max}. */
    static void requireLineCount(BookPostingRequest request, int max) {
        int count = request.lines() == null ? 0 : request.lines().size();
        if (count > max) {
            throw new ProblemException(ProblemType.RULE_VIOLATED, "Rule posting-max-lines: a posting has at most "
                    + max + " lines, this one has " + count + "; book it as several postings",
                    List.of(new Violation("lines", "at most " + max + " lines, got " + count)));
        }
    }

    static List<Violation> check(BookPostingRequest request, Set<String> knownAccounts) {
        List<Violation> violations = new ArrayList<>();
        if (request.bookingDate() != null && request.fiscalYear() != null
                && request.bookingDate().getYear() != request.fiscalYear()) {
            violations.add(new Violation("bookingDate", "must fall within fiscal year " + request.fiscalYear()));
        }
        List<LineRequest> lines = request.lines() == null ? List.of() : request.lines();
        if (lines.size() < 2) {
            violations.add(new Violation("lines", "a posting needs at least two lines, got " + lines.size()));
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        boolean amountsValid = true;
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                violations.add(new Violation(at, "must not be null"));
                amountsValid = false;
                continue;
            }
            if (line.account() == null || line.account().isBlank()) {
                violations.add(new Violation(at + ".account", "is required"));
            } else if (!knownAccounts.contains(line.account())) {
                violations.add(new Violation(at + ".account", "'" + line.account() + "' is not an account of this county"));
            }
            boolean hasDebit = line.debit() != null && line.debit().signum() != 0;
            boolean hasCredit = line.credit() != null && line.credit().signum() != 0;
            if (hasDebit == hasCredit) {
                violations.add(new Violation(at, "needs exactly one of debit and credit, and it must not be zero"));
                amountsValid = false;
                continue;
            }
            String field = hasDebit ? "debit" : "credit";
            BigDecimal amount = hasDebit ? line.debit() : line.credit();
            // integer digits from precision and scale alone: an exponent like 1E+999999999 is never expanded
            long integerDigits = (long) amount.precision() - amount.scale();
            if (amount.signum() < 0) {
                violations.add(new Violation(at + "." + field, "must be positive; correct a posting by reversing it"));
                amountsValid = false;
            } else if (integerDigits > 16) {
                violations.add(new Violation(at + "." + field, "is too large (at most 16 digits of yuan)"));
                amountsValid = false;
            } else if (amount.stripTrailingZeros().scale() > 2) {
                violations.add(new Violation(at + "." + field, "at most two decimals (yuan and fen)"));
                amountsValid = false;
            } else if (hasDebit) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }
        if (amountsValid && lines.size() >= 2 && debits.compareTo(credits) != 0) {
            violations.add(new Violation("lines", "debits " + debits.setScale(2) + " and credits " + credits.setScale(2)
                    + " do not balance"));
        }
        return violations;
    }
}
