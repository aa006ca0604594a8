package cn.eduduty.console.county;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import cn.eduduty.console.web.Labels;

/**
 * How a deadline reads on the county's page: counted in whole calendar days in China's time zone
 * (a deadline at 09:00 on 31 March is "today" all of 31 March, and overdue from 1 April).
 */
public final class DaysLeft {

    /** The time zone the counties work in; a deadline's instant is read as a date there. */
    public static final ZoneId CHINA = Labels.CHINA;

    private DaysLeft() {
    }

    /** The deadline's date as the county reads it. */
    public static LocalDate dueDate(OffsetDateTime dueAt) {
        return dueAt.atZoneSameInstant(CHINA).toLocalDate();
    }

    /** 距截止还有 N 天, 今天截止 (N = 0), or 已逾期 N 天. */
    public static String wording(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days > 0) {
            return "距截止还有 " + days + " 天";
        }
        if (days == 0) {
            return "今天截止（距截止还有 0 天）";
        }
        return "已逾期 " + (-days) + " 天";
    }

    /** Whether the deadline has passed: the page marks it as an error rather than a warning. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }
}
