package cn.eduduty.registry.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.formulas.registry.SchoolType;

/** The structure of the school identification code, AABBCCCCCC, against the school's type and township. */
class SchoolCodeRulesTest {

    private static final String TOWNSHIP = "990101001";

    @Test
    void acceptsTheCategoryOfEachTypeWithTheTownshipsProvince() {
        Map<SchoolType, String> categories = Map.of(SchoolType.KINDERGARTEN, "11", SchoolType.PRIMARY, "21",
                SchoolType.TEACHING_POINT, "21", SchoolType.NINE_YEAR, "31", SchoolType.JUNIOR_MIDDLE, "31",
                SchoolType.COMPLETE_MIDDLE, "34", SchoolType.SENIOR_HIGH, "34", SchoolType.TWELVE_YEAR, "34",
                SchoolType.VOCATIONAL, "36", SchoolType.SPECIAL_EDUCATION, "51");
        assertThat(categories).hasSize(SchoolType.values().length);
        categories.forEach((type, category) -> {
            assertThat(type.category()).isEqualTo(category);
            assertThat(SchoolCodeRules.check(category + "99000001", type, TOWNSHIP)).as(type.name()).isEmpty();
        });
    }

    @Test
    void refusesAnotherCategoryOrProvinceSayingWhich() {
        assertThat(SchoolCodeRules.check("1199000001", SchoolType.PRIMARY, TOWNSHIP)).hasSize(1).first()
                .satisfies(m -> assertThat(m).contains("category 11", "21"));
        assertThat(SchoolCodeRules.check("2152000001", SchoolType.PRIMARY, TOWNSHIP)).hasSize(1).first()
                .satisfies(m -> assertThat(m).contains("province 52", "99"));
        assertThat(SchoolCodeRules.check("5152000001", SchoolType.PRIMARY, TOWNSHIP)).hasSize(2);
        assertThat(SchoolCodeRules.check("21990001", SchoolType.PRIMARY, TOWNSHIP)).containsExactly(SchoolCodeRules.MESSAGE);
        assertThat(SchoolCodeRules.check("2199O00001", SchoolType.PRIMARY, TOWNSHIP)).containsExactly(SchoolCodeRules.MESSAGE);
    }
}
