package cn.eduduty.report.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;

/**
 * Reads a county's self-evaluation of a year from the read model: the approved one if there is
 * one, else the most recently changed, with its published framework and ratings.
 */
@ApplicationScoped
public class EvaluationInputs {

    private final EntityManager em;

    EvaluationInputs(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<Evaluation> read(String county, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.framework_id, f.code, f.name, f.issuer, e.status, e.version, f.indicators::text
                FROM rm_self_evaluation e JOIN rm_framework f ON f.id = e.framework_id
                WHERE e.region_code = :county AND e.year = :year
                ORDER BY (e.status = 'APPROVED') DESC, e.version DESC, e.id
                LIMIT 1""").setParameter("county", county).setParameter("year", year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        UUID id = (UUID) r[0];
        @SuppressWarnings("unchecked")
        List<Object[]> ratingRows = em.createNativeQuery("""
                SELECT indicator_code, rating, narrative, problem, improvement, evidence::text
                FROM rm_rating WHERE self_evaluation_id = :id ORDER BY indicator_code""")
                .setParameter("id", id).getResultList();
        Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
        for (Object[] x : ratingRows) {
            ratings.put((String) x[0], new Evaluation.Rated((String) x[0], (String) x[1], (String) x[2], (String) x[3],
                    (String) x[4], parse((String) x[5], new TypeReference<List<RatingRecorded.Evidence>>() {
                    })));
        }
        List<IndicatorSnapshot> indicators = parse((String) r[7], new TypeReference<List<IndicatorSnapshot>>() {
        });
        return Optional.of(new Evaluation(id, (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).longValue(), indicators.stream()
                        .sorted((a, b) -> compareCodes(a.code(), b.code())).toList(), ratings));
    }

    /** Indicator codes in tree order, segment by segment as numbers: 1.2 before 1.10. */
    static int compareCodes(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model JSON does not match its contract", e);
        }
    }
}
