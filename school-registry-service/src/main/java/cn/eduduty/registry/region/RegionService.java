package cn.eduduty.registry.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.registry.RegionChanged;
import cn.eduduty.registry.region.api.PutRegionRequest;
import cn.eduduty.registry.region.api.RegionResponse;
import cn.eduduty.runtime.outbox.Outbox;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;
import cn.eduduty.runtime.web.Versions;

@ApplicationScoped
class RegionService {

    private final RegionRepository regions;
    private final Outbox outbox;

    RegionService(RegionRepository regions, Outbox outbox) {
        this.regions = regions;
        this.outbox = outbox;
    }

    record Saved(RegionResponse region, boolean created) {
    }

    /** Registers a region, or replaces it when {@code ifMatch} names its current version. */
    @Transactional
    Saved put(String code, PutRegionRequest request, String ifMatch, String principal) {
        RegionCode.Level level = RegionCode.level(code);
        checkParent(code, level, request.parentCode());
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        Region region = regions.findById(code);
        boolean created = region == null;
        if (created) {
            Versions.requireNoMatch(ifMatch, "Region " + code);
            region = new Region();
            region.code = code;
            region.level = level;
            region.createdBy = principal;
            region.createdAt = Instant.now();
        } else {
            Versions.requireMatch(ifMatch, region.version);
            if (sameAs(region, request)) {
                return new Saved(toResponse(region), false);
            }
        }
        region.name = request.name().trim();
        region.parentCode = request.parentCode();
        region.validFrom = request.validFrom();
        region.validTo = request.validTo();
        region.updatedBy = principal;
        region.updatedAt = Instant.now();
        if (created) {
            regions.persist(region);
        }
        regions.flush();
        outbox.publish(EventTypes.REGION_CHANGED, "region", code, code,
                new RegionChanged(code, region.name, level.name(), region.parentCode, region.validFrom,
                        region.validTo, region.version),
                principal);
        return new Saved(toResponse(region), created);
    }

    private void checkParent(String code, RegionCode.Level level, String parentCode) {
        if (level == RegionCode.Level.PROVINCE) {
            if (parentCode != null) {
                throw ProblemException.invalid("parentCode", "a province has no parent region");
            }
            return;
        }
        if (parentCode == null) {
            throw ProblemException.invalid("parentCode", "is required below province level");
        }
        if (parentCode.equals(code) || !RegionCode.within(code, parentCode)
                || RegionCode.level(parentCode).ordinal() >= level.ordinal()) {
            throw ProblemException.invalid("parentCode", parentCode + " does not enclose " + code);
        }
        if (regions.findById(parentCode) == null) {
            throw ProblemException.ruleViolated("Parent region " + parentCode + " is not registered; register it first");
        }
    }

    private static boolean sameAs(Region region, PutRegionRequest request) {
        return region.name.equals(request.name().trim()) && Objects.equals(region.parentCode, request.parentCode())
                && region.validFrom.equals(request.validFrom()) && Objects.equals(region.validTo, request.validTo());
    }

    @Transactional
    RegionResponse get(String code) {
        Region region = regions.findById(code);
        if (region == null) {
            throw ProblemException.notFound("Region", code);
        }
        return toResponse(region);
    }

    @Transactional
    Page<RegionResponse> children(String code, PageRequest page) {
        get(code);
        List<RegionResponse> items = regions.children(code, page.page(), page.size()).stream()
                .map(RegionService::toResponse).toList();
        return Page.of(items, page, regions.countChildren(code));
    }

    /** The chain from the region's parent up to its province, nearest first. */
    @Transactional
    List<RegionResponse> ancestors(String code) {
        Region region = regions.findById(code);
        if (region == null) {
            throw ProblemException.notFound("Region", code);
        }
        List<RegionResponse> chain = new ArrayList<>();
        for (String parent = region.parentCode; parent != null;) {
            Region p = regions.findById(parent);
            chain.add(toResponse(p));
            parent = p.parentCode;
        }
        return chain;
    }

    static RegionResponse toResponse(Region r) {
        return new RegionResponse(r.code, r.name, r.level.name(), r.parentCode, r.validFrom, r.validTo, r.version);
    }
}
