package cn.eduduty.report.figures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;

/**
 * A county's self-evaluation for a year as the read model holds it: the published framework's
 * tree and the county's rating of each third-level indicator (missing when not rated yet).
 */
public record Evaluation(
        UUID id,
        UUID frameworkId,
        String frameworkCode,
        String frameworkName,
        String issuer,
        String status,
        long version,
        List<IndicatorSnapshot> indicators,
        Map<String, Rated> ratings) {

    /** One indicator's rating with the county's words. */
    public record Rated(String indicatorCode, String rating, String narrative, String problem, String improvement,
            List<RatingRecorded.Evidence> evidence) {
    }

    public List<IndicatorSnapshot> thirdLevel() {
        return indicators.stream().filter(i -> i.level() == 3).toList();
    }

    public List<IndicatorSnapshot> childrenOf(String code) {
        String prefix = code + ".";
        int level = code.split("\\.").length + 1;
        return indicators.stream().filter(i -> i.code().startsWith(prefix) && i.level() == level).toList();
    }
}
