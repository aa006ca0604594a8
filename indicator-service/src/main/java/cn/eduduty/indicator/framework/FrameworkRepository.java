package cn.eduduty.indicator.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class FrameworkRepository implements PanacheRepositoryBase<Framework, UUID> {

    boolean exists(String regionCode, String code, int year) {
        return count("regionCode = ?1 and code = ?2 and evaluationYear = ?3", regionCode, code, year) > 0;
    }

    /** Frameworks whose region starts with {@code regionPrefix}, optionally of one year and status. */
    PanacheQuery<Framework> search(String regionPrefix, Integer year, FrameworkStatus status, int page, int size) {
        List<String> where = new ArrayList<>(List.of("regionCode like :prefix"));
        Map<String, Object> params = new HashMap<>(Map.of("prefix", regionPrefix + "%"));
        if (year != null) {
            where.add("evaluationYear = :year");
            params.put("year", year);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        return find(String.join(" and ", where), Sort.by("evaluationYear").descending().and("code"), params)
                .page(Page.of(page, size));
    }
}
