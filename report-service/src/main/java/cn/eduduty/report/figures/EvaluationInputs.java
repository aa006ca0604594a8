package cn.eduduty.report.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
import cn.eduduty.runtime.persistence.Rows;

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
        Optional<Tuple> found = Rows.one(em, """
                SELECT e.id, e.framework_id, f.code AS framework_code, f.name AS framework_name,
                       f.issuer AS framework_issuer, e.status, e.version, f.indicators::text AS indicators
                FROM rm_self_evaluation e JOIN rm_framework f ON f.id = e.framework_id
                WHERE e.region_code = :county AND e.year = :year
                ORDER BY (e.status = 'APPROVED') DESC, e.version DESC, e.id
                LIMIT 1""", q -> q.setParameter("county", county).setParameter("year", year));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tuple e = found.get();
        UUID id = Rows.uuid(e, "id");
        Map<String, Evaluation.Rated> ratings = new LinkedHashMap<>();
        for (Tuple x : Rows.list(em, """
                SELECT indicator_code, rating, narrative, problem, improvement, evidence::text AS evidence
                FROM rm_rating WHERE self_evaluation_id = :id ORDER BY indicator_code""",
                q -> q.setParameter("id", id))) {
            String code = Rows.text(x, "indicator_code");
            ratings.put(code, new Evaluation.Rated(code, Rows.text(x, "rating"), Rows.text(x, "narrative"),
                    Rows.text(x, "problem"), Rows.text(x, "improvement"), parse(Rows.text(x, "evidence"),
                            new TypeReference<List<RatingRecorded.Evidence>>() {
                            })));
        }
        List<IndicatorSnapshot> indicators = parse(Rows.text(e, "indicators"),
                new TypeReference<List<IndicatorSnapshot>>() {
                });
        return Optional.of(new Evaluation(id, Rows.uuid(e, "framework_id"), Rows.text(e, "framework_code"),
                Rows.text(e, "framework_name"), Rows.text(e, "framework_issuer"), Rows.text(e, "status"),
                Rows.whole(e, "version"), treeOrder(indicators), ratings, signing(id, ratings)));
    }

    /** What the county chose to sign, with each practice's text resolved from its indicator's narrative. */
    private Evaluation.Signing signing(UUID id, Map<String, Evaluation.Rated> ratings) {
        Optional<Tuple> found = Rows.one(em, """
                SELECT signing_authority AS authority, signing_date AS date, notable_practices::text AS practices,
                       improvement_measures::text AS measures, version
                FROM rm_self_evaluation_signing WHERE self_evaluation_id = :id""", q -> q.setParameter("id", id));
        if (found.isEmpty()) {
            return null;
        }
        Tuple s = found.get();
        List<SelfEvaluationSigningRecorded.NotablePractice> practices = parse(Rows.text(s, "practices"),
                new TypeReference<List<SelfEvaluationSigningRecorded.NotablePractice>>() {
                });
        List<SelfEvaluationSigningRecorded.ImprovementMeasure> measures = parse(Rows.text(s, "measures"),
                new TypeReference<List<SelfEvaluationSigningRecorded.ImprovementMeasure>>() {
                });
        return signing(Rows.text(s, "authority"), Rows.date(s, "date"), practices, measures, Rows.whole(s, "version"),
                ratings);
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

    /**
     * The indicators in the framework's reading order: depth first, siblings by their display
     * order, then by code.
     */
    static List<IndicatorSnapshot> treeOrder(List<IndicatorSnapshot> indicators) {
        Map<String, Integer> order = new HashMap<>();
        indicators.forEach(i -> order.put(i.code(), i.displayOrder()));
        Function<IndicatorSnapshot, List<Integer>> path = i -> {
            List<Integer> p = new ArrayList<>();
            String[] segments = i.code().split("\\.");
            for (int k = 1; k <= segments.length; k++) {
                p.add(order.getOrDefault(String.join(".", Arrays.copyOf(segments, k)), 0));
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
