package cn.eduduty.formulas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodWordingTest {

    @Test
    void namesASchoolYearByBothCalendarYearsWithAnEmDash() {
        assertThat(PeriodWording.schoolYear(2024)).isEqualTo("2024—2025学年");
        assertThat(PeriodWording.schoolYear(2018)).isEqualTo("2018—2019学年");
        assertThat(PeriodWording.RANGE).isEqualTo("\u2014");
    }

    @Test
    void listsSchoolYearsInTheGivenOrderWithOneSuffix() {
        assertThat(PeriodWording.schoolYears(List.of(2019, 2020, 2021))).isEqualTo("2019—2020、2020—2021、2021—2022学年");
        assertThat(PeriodWording.schoolYears(List.of(2022))).isEqualTo("2022—2023学年");
        assertThatThrownBy(() -> PeriodWording.schoolYears(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesCalendarYearsAndPartsOfAYear() {
        assertThat(PeriodWording.year(2024)).isEqualTo("2024年");
        assertThat(PeriodWording.years(2017, 2019)).isEqualTo("2017—2019年");
        assertThat(PeriodWording.years(2019, 2019)).isEqualTo("2019年");
        assertThat(PeriodWording.months(2019, 1, 6)).isEqualTo("2019年1—6月");
        assertThat(PeriodWording.months(2019, 6, 6)).isEqualTo("2019年6月");
        assertThatThrownBy(() -> PeriodWording.months(2019, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodWording.months(2019, 7, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodWording.years(2019, 2017)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAgeGroupsAndSingleAges() {
        assertThat(PeriodWording.ages(3, 5)).isEqualTo("3—5周岁");
        assertThat(PeriodWording.ages(4, 4)).isEqualTo("4周岁");
        assertThat(PeriodWording.ages(List.of(4))).isEqualTo("4周岁");
        assertThat(PeriodWording.ages(List.of(16, 17))).isEqualTo("16、17周岁");
        assertThat(PeriodWording.ages(List.of(5, 3, 4))).isEqualTo("3—5周岁");
        assertThat(PeriodWording.ages(List.of(3, 5))).isEqualTo("3、5周岁");
        assertThat(PeriodWording.ages(List.of(0, 1, 2, 3, 6, 8, 9))).isEqualTo("0—3、6、8、9周岁");
        assertThatThrownBy(() -> PeriodWording.ages(5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesGradesInChineseNumerals() {
        assertThat(PeriodWording.grade(1)).isEqualTo("一年级");
        assertThat(PeriodWording.grade(7)).isEqualTo("七年级");
        assertThat(PeriodWording.grade(9)).isEqualTo("九年级");
        assertThat(PeriodWording.grade(10)).isEqualTo("十年级");
        assertThat(PeriodWording.grade(12)).isEqualTo("十二年级");
        assertThat(PeriodWording.numeral(20)).isEqualTo("二十");
        assertThat(PeriodWording.numeral(23)).isEqualTo("二十三");
        assertThatThrownBy(() -> PeriodWording.grade(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsItemsWithTheEnumerationComma() {
        assertThat(PeriodWording.list(List.of("小学", "初中"))).isEqualTo("小学、初中");
    }
}
