package cn.eduduty.report.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;

/**
 * A county's self-evaluation for a year as the read model holds it: the published framework's
 * tree, the county's rating of each third-level indicator (missing when not rated yet) and what
 * the county chose to sign ({@code signing}, null when it has not recorded any choice).
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
        Map<String, Rated> ratings,
        Signing signing) {

    /** Without signing choices: the county has recorded none. */
    public Evaluation(UUID id, UUID frameworkId, String frameworkCode, String frameworkName, String issuer, String status,
            long version, List<IndicatorSnapshot> indicators, Map<String, Rated> ratings) {
        this(id, frameworkId, frameworkCode, frameworkName, issuer, status, version, indicators, ratings, null);
    }

    /** One indicator's rating with the county's words. */
    public record Rated(String indicatorCode, String rating, String narrative, String problem, String improvement,
            List<RatingRecorded.Evidence> evidence) {
    }

    /**
     * What the county signs, as it last recorded it. Each part may be left to the report's
     * default: {@code authority} null (print "<county name>人民政府"), {@code date} null (not chosen),
     * {@code practices} or {@code measures} empty (not chosen). {@code version} is the
     * self-evaluation's version when the choices were recorded.
     */
    public record Signing(String authority, LocalDate date, List<Practice> practices, List<Measure> measures,
            long version) {

        public Signing {
            practices = practices == null ? List.of() : List.copyOf(practices);
            measures = measures == null ? List.of() : List.copyOf(measures);
        }
    }

    /**
     * A 经典做法 in the county's order: its title and its text, which is the county's own words, or,
     * when {@code indicatorCode} is set, that indicator's current narrative (null if the rating is
     * gone or has none, which the indicator service refuses at submission).
     */
    public record Practice(String title, String indicatorCode, String text) {
    }

    /**
     * A 改进措施 in the county's order: its text and the problem it answers, if any: an indicator
     * (rated BASICALLY or NOT), or a report check by {@code checkCode} and optionally
     * {@code checkSubject} (e.g. {@code funding-rule-failed} and the rule's figure key; no subject:
     * every check of that code). None of the three: a measure in free text.
     */
    public record Measure(String text, String indicatorCode, String checkCode, String checkSubject) {
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
