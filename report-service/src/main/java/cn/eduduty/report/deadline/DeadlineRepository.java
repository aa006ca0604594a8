package cn.eduduty.report.deadline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    boolean exists(String regionCode, int year) {
        return count("regionCode = ?1 and reportYear = ?2", regionCode, year) > 0;
    }

    PanacheQuery<Deadline> search(String regionPrefix, Integer year, int page, int size) {
        String where = "regionCode like :prefix" + (year == null ? "" : " and reportYear = :year");
        Parameters params = Parameters.with("prefix", regionPrefix + "%");
        if (year != null) {
            params.and("year", year);
        }
        return find(where, Sort.by("dueAt").and("regionCode"), params).page(Page.of(page, size));
    }

    PanacheQuery<Deadline> ofRegions(List<String> regionCodes, Integer year, int page, int size) {
        String where = "regionCode in :codes" + (year == null ? "" : " and reportYear = :year");
        Parameters params = Parameters.with("codes", regionCodes);
        if (year != null) {
            params.and("year", year);
        }
        return find(where, Sort.by("dueAt").and("regionCode"), params).page(Page.of(page, size));
    }
}
