package cn.eduduty.indicator.framework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class IndicatorRepository implements PanacheRepository<Indicator> {

    /** The tree in reading order: by code, numerically segment by segment. */
    List<Indicator> ofFramework(UUID frameworkId) {
        List<Indicator> all = list("frameworkId", frameworkId);
        all.sort((a, b) -> IndicatorCode.compare(a.code, b.code));
        return all;
    }

    Optional<Indicator> find(UUID frameworkId, String code) {
        return find("frameworkId = ?1 and code = ?2", frameworkId, code).firstResultOptional();
    }

    long deleteOfFramework(UUID frameworkId) {
        return delete("frameworkId", frameworkId);
    }
}
