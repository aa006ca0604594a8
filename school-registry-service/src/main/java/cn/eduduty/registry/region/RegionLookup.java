package cn.eduduty.registry.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.security.RegionCode;

/** What the other registry features need to know about regions. */
@ApplicationScoped
public class RegionLookup {

    private final RegionRepository regions;

    RegionLookup(RegionRepository regions) {
        this.regions = regions;
    }

    @Transactional
    public Optional<RegionCode.Level> level(String code) {
        return regions.findByIdOptional(code).map(r -> r.level);
    }

    /** The townships below {@code regionCode} that were valid on {@code on}. */
    @Transactional
    public List<String> townshipsWithin(String regionCode, LocalDate on) {
        return regions.list("level = ?1 and code like ?2 and validFrom <= ?3 and (validTo is null or validTo >= ?3)",
                        RegionCode.Level.TOWNSHIP, RegionCode.prefix(regionCode) + "%", on)
                .stream().map(r -> r.code).sorted().toList();
    }
}
