package cn.eduduty.report.figures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.RatingRecorded;
import cn.eduduty.contracts.indicator.SelfEvaluationSigningRecorded;

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
                ((Number) r[6]).longValue(), treeOrder(indicators), ratings, signing(id, ratings)));
    }

    /** What the county chose to sign, with each practice's text resolved from its indicator's narrative. */
    private Evaluation.Signing signing(UUID id, Map<String, Evaluation.Rated> ratings) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT signing_authority AS authority, signing_date AS date, notable_practices::text AS practices,
                       improvement_measures::text AS measures, version
                FROM rm_self_evaluation_signing WHERE self_evaluation_id = :id""", Tuple.class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Tuple s = rows.get(0);
        List<SelfEvaluationSigningRecorded.NotablePractice> practices = parse(s.get("practices", String.class),
                new TypeReference<List<SelfEvaluationSigningRecorded.NotablePractice>>() {
                });
        List<SelfEvaluationSigningRecorded.ImprovementMeasure> measures = parse(s.get("measures", String.class),
                new TypeReference<List<SelfEvaluationSigningRecorded.ImprovementMeasure>>() {
                });
        return signing(s.get("authority", String.class), date(s.get("date")), practices, measures,
                s.get("version", Number.class).longValue(), ratings);
    }

    /** The read model's choices as the report uses them: a practice naming an indicator takes its narrative. */
    static Evaluation.Signing signing(String authority, LocalDate date,
            List<SelfEvaluationSigningRecorded.NotablePractice> practices,
            List<SelfEvaluationSigningRecorded.ImprovementMeasure> measures, long version,
            Map<String, Evaluation.Rated> ratings) {
        return new Evaluation.Signing(authority, date, practices.stream().map(p -> {
            if (p.indicatorCode() == null) {
                return new Evaluation.Practice(p.title(), null, p.text());
            }
            Evaluation.Rated rated = ratings.get(p.indicatorCode());
            String narrative = rated == null || rated.narrative() == null || rated.narrative().isBlank() ? null
                    : rated.narrative();
            return new Evaluation.Practice(p.title(), p.indicatorCode(), narrative);
        }).toList(), measures.stream().map(m -> new Evaluation.Measure(m.text(), m.indicatorCode(), m.checkCode(),
                m.checkSubject())).toList(), version);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The indicators in the framework's reading order: depth first, siblings by their display
     * order, then by code.
     */
    static List<IndicatorSnapshot> treeOrder(List<IndicatorSnapshot> indicators) {
        Map<String, Integer> order = new java.util.HashMap<>();
        indicators.forEach(i -> order.put(i.code(), i.displayOrder()));
        java.util.function.Function<IndicatorSnapshot, List<Integer>> path = i -> {
            List<Integer> p = new java.util.ArrayList<>();
            String[] segments = i.code().split("\\.");
            for (int k = 1; k <= segments.length; k++) {
                p.add(order.getOrDefault(String.join(".", java.util.Arrays.copyOf(segments, k)), 0));
            }
            return p;
        };
        return indicators.stream().sorted((a, b) -> {
            List<Integer> x = path.apply(a);
            List<Integer> y = path.apply(b);
            String[] xs = a.code().split("\\.");
            String[] ys = b.code().split("\\.");
            for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
                int c = Integer.compare(x.get(k), y.get(k));
                if (c == 0) {
                    c = compareSegments(xs[k], ys[k]);
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }).toList();
    }

    /** Code segments as numbers when both are (1.2 before 1.10), else as text. */
    static int compareSegments(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model JSON does not match its contract", e);
        }
    }
}
