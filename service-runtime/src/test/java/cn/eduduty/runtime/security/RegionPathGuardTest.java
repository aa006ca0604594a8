package cn.eduduty.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionPathGuardTest {

    @Test
    void findsTheRegionAfterCountiesOrRegions() {
        assertThat(RegionPathGuard.addressedRegion("/api/v1/counties/930101/postings")).isEqualTo("930101");
        assertThat(RegionPathGuard.addressedRegion("api/v1/regions/930000/population/2025")).isEqualTo("930000");
        assertThat(RegionPathGuard.addressedRegion("/api/v1/schools/2193010001")).isNull();
        assertThat(RegionPathGuard.addressedRegion("/api/v1/counties/abc/postings")).isNull();
        assertThat(RegionPathGuard.addressedRegion("/api/v1/deadlines")).isNull();
    }
}
