package cn.eduduty.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditRouteTest {

    @Test
    void takesTheCreatedResourcesIdFromItsLocation() {
        assertThat(AuditRoute.resourceId("/api/v1/counties/930101/postings",
                "http://localhost/api/v1/counties/930101/postings/0b7c6f5e-3b1d-4a55-9e0f-2f8f5a0c1d2e"))
                .isEqualTo("0b7c6f5e-3b1d-4a55-9e0f-2f8f5a0c1d2e");
    }

    @Test
    void otherwiseTakesThePathsLastSegmentHoldingADigit() {
        assertThat(AuditRoute.resourceId("/api/v1/counties/930101/fiscal-contexts/2025", null)).isEqualTo("2025");
        assertThat(AuditRoute.resourceId("/api/v1/schools/2193010001/closure", null)).isEqualTo("2193010001");
        assertThat(AuditRoute.resourceId("/api/v1/deadlines", null)).isNull();
    }

    @Test
    void findsTheFirstRegionCodeInThePath() {
        assertThat(AuditRoute.targetRegion("/api/v1/counties/930101/postings/123456/reversal")).isEqualTo("930101");
        assertThat(AuditRoute.targetRegion("/api/v1/regions/930101001/population/2025")).isEqualTo("930101001");
        assertThat(AuditRoute.targetRegion("/api/v1/schools/2193010001")).isNull();
        assertThat(AuditRoute.targetRegion("/api/v1/regions/000000")).isNull();
    }
}
