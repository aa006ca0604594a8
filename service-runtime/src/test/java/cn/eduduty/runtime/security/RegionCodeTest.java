package cn.eduduty.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void tellsTheLevelFromTheCode() {
        assertThat(RegionCode.level("990000")).isEqualTo(RegionCode.Level.PROVINCE);
        assertThat(RegionCode.level("990100")).isEqualTo(RegionCode.Level.PREFECTURE);
        assertThat(RegionCode.level("990101")).isEqualTo(RegionCode.Level.COUNTY);
        assertThat(RegionCode.level("990101001")).isEqualTo(RegionCode.Level.TOWNSHIP);
    }

    @Test
    void aRegionIsWithinItselfAndItsAncestors() {
        assertThat(RegionCode.within("990101001", "990101")).isTrue();
        assertThat(RegionCode.within("990101001", "990100")).isTrue();
        assertThat(RegionCode.within("990101001", "990000")).isTrue();
        assertThat(RegionCode.within("990101", "990101")).isTrue();
        assertThat(RegionCode.within("990100", "990100")).isTrue();
    }

    @Test
    void aRegionIsNotWithinASiblingOrADescendant() {
        assertThat(RegionCode.within("990102", "990101")).isFalse();
        assertThat(RegionCode.within("990201", "990100")).isFalse();
        assertThat(RegionCode.within("980101", "990000")).isFalse();
        assertThat(RegionCode.within("990100", "990101")).isFalse();
        assertThat(RegionCode.within("990000", "990100")).isFalse();
        assertThat(RegionCode.within("990101002", "990101001")).isFalse();
    }

    @Test
    void malformedCodesAreWithinNothing() {
        assertThat(RegionCode.within("99010", "990000")).isFalse();
        assertThat(RegionCode.within("abcdef", "990000")).isFalse();
        assertThat(RegionCode.within(null, "990000")).isFalse();
        assertThat(RegionCode.within("990101", "1")).isFalse();
        assertThatThrownBy(() -> RegionCode.level("1234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentFollowsTheHierarchy() {
        assertThat(RegionCode.parent("990101001")).isEqualTo("990101");
        assertThat(RegionCode.parent("990101")).isEqualTo("990100");
        assertThat(RegionCode.parent("990100")).isEqualTo("990000");
        assertThat(RegionCode.parent("990000")).isNull();
    }
}
