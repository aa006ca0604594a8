package cn.eduduty.contracts.registry;

import java.time.LocalDate;

/**
 * A region (GB/T 2260 code) was registered, renamed, re-parented or given an end of validity.
 * Carries the whole region, so a consumer needs no call back.
 */
public record RegionChanged(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        long version) {
}
