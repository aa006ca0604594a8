package cn.eduduty.contracts.registry;

import java.util.Map;

/**
 * A region's resident population by single year of age, and its identified school-age children
 * with disabilities, for one year.
 */
public record PopulationRecorded(
        String regionCode,
        int year,
        Map<Integer, Integer> residentsByAge,
        Integer identifiedDisabledChildren,
        long version) {
}
