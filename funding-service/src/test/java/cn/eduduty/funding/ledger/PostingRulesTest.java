package cn.eduduty.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.eduduty.funding.ledger.api.BookPostingRequest;
import cn.eduduty.funding.ledger.api.LineRequest;
import cn.eduduty.runtime.problem.Problem.Violation;

class PostingRulesTest {

    private static final Set<String> CHART = Set.of("1002", "5002");

    static LineRequest debit(String account, String amount) {
        return new LineRequest(account, new BigDecimal(amount), null);
    }

    static LineRequest credit(String account, String amount) {
        return new LineRequest(account, null, new BigDecimal(amount));
    }

    static BookPostingRequest posting(LineRequest... lines) {
        return new BookPostingRequest(2025, LocalDate.of(2025, 4, 10), "记-1", "memo", null, null,
                lines == null ? null : Arrays.asList(lines));
    }

    static List<Violation> check(BookPostingRequest request) {
        return PostingRules.check(request, CHART);
    }

    @Test
    void aBalancedPostingPasses() {
        assertThat(check(posting(debit("5002", "100.50"), credit("1002", "100.5")))).isEmpty();
        assertThat(check(posting(debit("5002", "60"), debit("5002", "40"), credit("1002", "100")))).isEmpty();
    }

    @Test
    void anUnbalancedPostingIsRefused() {
        assertThat(check(posting(debit("5002", "100.00"), credit("1002", "90.00"))))
                .containsExactly(new Violation("lines", "debits 100.00 and credits 90.00 do not balance"));
    }

    @Test
    void anEmptyOrOneLinePostingIsRefused() {
        assertThat(check(posting())).extracting(Violation::field).containsExactly("lines");
        assertThat(check(new BookPostingRequest(2025, LocalDate.of(2025, 1, 1), "v", null, null, null, null)))
                .extracting(Violation::field).containsExactly("lines");
        assertThat(check(posting(debit("5002", "1")))).extracting(Violation::field).containsExactly("lines");
    }

    @Test
    void threeDecimalsAreRefusedNamingTheLineAndField() {
        assertThat(check(posting(debit("5002", "100.005"), credit("1002", "100.005"))))
                .containsExactly(new Violation("lines[0].debit", "at most two decimals (yuan and fen)"),
                        new Violation("lines[1].credit", "at most two decimals (yuan and fen)"));
        assertThat(check(posting(debit("5002", "100.100"), credit("1002", "100.1")))).isEmpty();
    }

    @Test
    void aNegativeAmountIsRefusedNamingTheLineAndField() {
        assertThat(check(posting(debit("5002", "-100"), credit("1002", "-100")))).extracting(Violation::field)
                .containsExactly("lines[0].debit", "lines[1].credit");
    }

    @Test
    void anUnknownAccountIsRefusedNamingTheLine() {
        assertThat(check(posting(debit("9999", "1"), credit("1002", "1"))))
                .containsExactly(new Violation("lines[0].account", "'9999' is not an account of this county"));
        assertThat(check(posting(new LineRequest(" ", new BigDecimal("1"), null), credit("1002", "1"))))
                .containsExactly(new Violation("lines[0].account", "is required"));
    }

    @Test
    void aLineNeedsExactlyOneNonZeroAmount() {
        assertThat(check(posting(new LineRequest("5002", new BigDecimal("1"), new BigDecimal("1")), credit("1002", "1"))))
                .extracting(Violation::field).containsExactly("lines[0]");
        assertThat(check(posting(new LineRequest("5002", BigDecimal.ZERO, null), credit("1002", "1"))))
                .extracting(Violation::field).containsExactly("lines[0]");
    }

    @Test
    void theBookingDateMustFallWithinTheFiscalYear() {
        BookPostingRequest request = new BookPostingRequest(2025, LocalDate.of(2024, 12, 31), "v", null, null, null,
                List.of(debit("5002", "1"), credit("1002", "1")));
        assertThat(check(request)).containsExactly(new Violation("bookingDate", "must fall within fiscal year 2025"));
    }
}
