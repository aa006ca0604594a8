package cn.eduduty.indicator.selfevaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The repositories of the self-evaluation feature. */
final class SelfEvaluationRepositories {

    private SelfEvaluationRepositories() {
    }

    @ApplicationScoped
    static class SelfEvaluations implements PanacheRepositoryBase<SelfEvaluation, UUID> {

        boolean exists(UUID frameworkId, String regionCode, int year) {
            return count("frameworkId = ?1 and regionCode = ?2 and year = ?3", frameworkId, regionCode, year) > 0;
        }

        PanacheQuery<SelfEvaluation> search(String regionPrefix, Integer year, SelfEvaluationStatus status,
                UUID frameworkId, int page, int size) {
            List<String> where = new ArrayList<>(List.of("regionCode like :prefix"));
            Map<String, Object> params = new HashMap<>(Map.of("prefix", regionPrefix + "%"));
            if (year != null) {
                where.add("year = :year");
                params.put("year", year);
            }
            if (status != null) {
                where.add("status = :status");
                params.put("status", status);
            }
            if (frameworkId != null) {
                where.add("frameworkId = :framework");
                params.put("framework", frameworkId);
            }
            return find(String.join(" and ", where), Sort.by("year").descending().and("regionCode"), params)
                    .page(Page.of(page, size));
        }
    }

    @ApplicationScoped
    static class Ratings implements PanacheRepository<IndicatorRating> {

        List<IndicatorRating> of(UUID selfEvaluationId) {
            return list("selfEvaluationId", selfEvaluationId);
        }

        Optional<IndicatorRating> find(UUID selfEvaluationId, String code) {
            return find("selfEvaluationId = ?1 and indicatorCode = ?2", selfEvaluationId, code).firstResultOptional();
        }
    }

    @ApplicationScoped
    static class RatingChanges implements PanacheRepository<RatingChange> {

        List<RatingChange> of(UUID selfEvaluationId, String code) {
            return list("selfEvaluationId = ?1 and indicatorCode = ?2", Sort.by("id"), selfEvaluationId, code);
        }
    }

    @ApplicationScoped
    static class ReviewComments implements PanacheRepository<ReviewComment> {

        List<ReviewComment> of(UUID selfEvaluationId) {
            return list("selfEvaluationId", Sort.by("id"), selfEvaluationId);
        }

        int rounds(UUID selfEvaluationId) {
            return find("select coalesce(max(round), 0) from ReviewComment where selfEvaluationId = ?1", selfEvaluationId)
                    .project(Integer.class).firstResult();
        }
    }
}
