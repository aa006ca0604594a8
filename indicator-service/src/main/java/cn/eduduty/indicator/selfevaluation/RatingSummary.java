package cn.eduduty.indicator.selfevaluation;

import cn.eduduty.contracts.indicator.Rating;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rating summary a report opens with: counts per rating, and percentages of FULLY, BASICALLY
 * and NOT over the applicable (rated, not NOT_APPLICABLE) indicators, two decimals rounded half
 * up (27, 2, 1 of 30 → 90.00, 6.67, 3.33); plus completeness, rated over all third-level
 * indicators. Computed for the whole framework and per first-level area.
 */
record RatingSummary(Part total, List<Area> areas) {

    record Part(int indicators, int rated, int applicable, BigDecimal completeness, Map<Rating, Integer> counts,
            Map<Rating, BigDecimal> percentages) {
    }

    record Area(String code, String title, Part part) {
    }

    /** One third-level indicator: its code, the first-level area it belongs to, and its rating if any. */
    record Entry(String code, String area, Rating rating) {
    }

    static RatingSummary of(List<Entry> entries, Map<String, String> areaTitles) {
        Map<String, List<Entry>> byArea = new LinkedHashMap<>();
        areaTitles.keySet().forEach(code -> byArea.put(code, new ArrayList<>()));
        for (Entry e : entries) {
            byArea.computeIfAbsent(e.area(), k -> new ArrayList<>()).add(e);
        }
        List<Area> areas = new ArrayList<>();
        byArea.forEach((code, list) -> areas.add(new Area(code, areaTitles.get(code), part(list))));
        return new RatingSummary(part(entries), areas);
    }

    static Part part(List<Entry> entries) {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0);
        }
        int rated = 0;
        for (Entry e : entries) {
            if (e.rating() != null) {
                counts.merge(e.rating(), 1, Integer::sum);
                rated++;
            }
        }
        int applicable = rated - counts.get(Rating.NOT_APPLICABLE);
        Map<Rating, BigDecimal> percentages = new EnumMap<>(Rating.class);
        for (Rating r : List.of(Rating.FULLY, Rating.BASICALLY, Rating.NOT)) {
            percentages.put(r, percent(counts.get(r), applicable));
        }
        return new Part(entries.size(), rated, applicable, percent(rated, entries.size()), counts, percentages);
    }

    /** {@code part / whole} as a percentage with two decimals, half up; zero when there is no whole. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
