package cn.eduduty.registry.region;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class RegionRepository implements PanacheRepositoryBase<Region, String> {

    List<Region> children(String parentCode, int page, int size) {
        return find("parentCode", Sort.by("code"), parentCode).page(Page.of(page, size)).list();
    }

    long countChildren(String parentCode) {
        return count("parentCode", parentCode);
    }
}
