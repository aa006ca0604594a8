package cn.eduduty.report.figures;

import java.time.LocalDate;

/**
 * The period a figure is evaluated on (../shared/domain.md §5), named as a report writes it.
 *
 * @param kind  what kind of period: {@link Kind}
 * @param year  the school year's starting calendar year, or the calendar (fiscal) year
 * @param label the period in the report's words: 2019—2020学年, 2019年秋季, 2018年, 2019年1—6月
 * @param from  first day of the period
 * @param to    last day of the period (for a part year, the last booking date read)
 */
public record Period(Kind kind, int year, String label, LocalDate from, LocalDate to) {

    /** The kinds of period a report for evaluation year Y uses, and what each is by default. */
    public enum Kind {
        /** Stock figures (schools, classes, class sizes, students, staff): school year Y, else Y−1. */
        SCHOOL_YEAR,
        /** Completion figures (巩固率, graduates): the school year that ended in the summer of Y. */
        COMPLETED_SCHOOL_YEAR,
        /** Entrance figures (普职比, entrants): the intake of the autumn of Y. */
        ENTRANCE,
        /** Funding rules and amounts: the last closed fiscal year, Y−1 (against Y−2). */
        FISCAL_YEAR,
        /** A county's own facts of a calendar year (teacher recruitment, training institutions): year Y. */
        CALENDAR_YEAR,
        /** Money of year Y booked so far: quoted, never compared with a full year. */
        FISCAL_YEAR_TO_DATE,
        /** The self-evaluation's ratings: evaluation year Y. */
        EVALUATION_YEAR
    }

    /** School year Y, begun 1 September Y: 2019—2020学年. */
    public static Period schoolYear(int year) {
        return new Period(Kind.SCHOOL_YEAR, year, schoolYearLabel(year), LocalDate.of(year, 9, 1),
                LocalDate.of(year + 1, 8, 31));
    }

    /** The school year begun in the autumn of Y and ended in the summer of Y+1, as a completed year. */
    public static Period completedSchoolYear(int year) {
        return new Period(Kind.COMPLETED_SCHOOL_YEAR, year, schoolYearLabel(year), LocalDate.of(year, 9, 1),
                LocalDate.of(year + 1, 8, 31));
    }

    /** The intake of the autumn of Y: 2019年秋季. */
    public static Period entrance(int year) {
        return new Period(Kind.ENTRANCE, year, year + "年秋季", LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31));
    }

    /** Fiscal (calendar) year Y: 2018年. */
    public static Period fiscalYear(int year) {
        return new Period(Kind.FISCAL_YEAR, year, year + "年", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Calendar year Y of a county's own facts: 2019年. */
    public static Period calendarYear(int year) {
        return new Period(Kind.CALENDAR_YEAR, year, year + "年", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Calendar years {@code from} through {@code to}: 2017—2019年. */
    public static Period calendarYears(int from, int to) {
        return new Period(Kind.CALENDAR_YEAR, to, from + "—" + to + "年", LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31));
    }

    /** Fiscal year Y from 1 January to {@code through}: 2019年1—6月 (or 2019年1月). */
    public static Period fiscalYearToDate(int year, LocalDate through) {
        int month = through.getMonthValue();
        String label = year + "年" + (month == 1 ? "1月" : "1—" + month + "月");
        return new Period(Kind.FISCAL_YEAR_TO_DATE, year, label, LocalDate.of(year, 1, 1), through);
    }

    /** Evaluation year Y: 2019年度. */
    public static Period evaluationYear(int year) {
        return new Period(Kind.EVALUATION_YEAR, year, year + "年度", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** 2019—2020学年. */
    public static String schoolYearLabel(int year) {
        return year + "—" + (year + 1) + "学年";
    }
}
