package cn.eduduty.funding.fiscal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class FiscalContextRepository implements PanacheRepository<FiscalContext> {

    Optional<FiscalContext> find(String regionCode, int fiscalYear) {
        return find("regionCode = ?1 and fiscalYear = ?2", regionCode, fiscalYear).firstResultOptional();
    }

    List<FiscalContext> ofCounty(String regionCode, int page, int size) {
        return find("regionCode", Sort.by("fiscalYear"), regionCode).page(Page.of(page, size)).list();
    }

    long countOfCounty(String regionCode) {
        return count("regionCode", regionCode);
    }
}
