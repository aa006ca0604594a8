package cn.eduduty.console.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class DaysLeftTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    @Test
    void countsTheDaysLeftBeforeTheDeadline() {
        assertThat(DaysLeft.wording(DUE, LocalDate.of(2026, 3, 20))).isEqualTo("距截止还有 11 天");
        assertThat(DaysLeft.wording(DUE, LocalDate.of(2026, 3, 30))).isEqualTo("距截止还有 1 天");
        assertThat(DaysLeft.overdue(DUE, LocalDate.of(2026, 3, 30))).isFalse();
    }

    @Test
    void theDeadlinesOwnDayIsTodayNotOverdue() {
        assertThat(DaysLeft.wording(DUE, DUE)).startsWith("今天截止");
        assertThat(DaysLeft.overdue(DUE, DUE)).isFalse();
    }

    @Test
    void countsTheDaysOverdueAfterIt() {
        assertThat(DaysLeft.wording(DUE, LocalDate.of(2026, 4, 1))).isEqualTo("已逾期 1 天");
        assertThat(DaysLeft.wording(DUE, LocalDate.of(2026, 4, 30))).isEqualTo("已逾期 30 天");
        assertThat(DaysLeft.overdue(DUE, LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void readsTheDeadlinesInstantAsADateInChina() {
        // 31 March 20:00 UTC is already 1 April in Beijing
        assertThat(DaysLeft.dueDate(OffsetDateTime.parse("2026-03-31T20:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(DaysLeft.dueDate(OffsetDateTime.parse("2026-03-31T09:00:00+00:00"))).isEqualTo(DUE);
    }
}
