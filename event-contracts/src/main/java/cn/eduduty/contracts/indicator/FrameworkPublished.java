package cn.eduduty.contracts.indicator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A framework was published: the whole tree, which never changes afterwards. */
public record FrameworkPublished(
        UUID frameworkId,
        String code,
        String name,
        int evaluationYear,
        String issuer,
        String regionCode,
        Instant publishedAt,
        String publishedBy,
        List<IndicatorSnapshot> indicators) {
}
