package cn.eduduty.indicator.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;
import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.MetricBinding;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * The rules of an indicator tree. {@link #checkEntries} runs on every edit and names the entry of
 * the request; {@link #checkComplete} runs at publication and names the indicator.
 */
final class TreeRules {

    static final Set<String> COMPARATORS = Set.of("GE", "GT", "LE", "LT", "EQ");
    /** Keeps a published framework's event well within what Kafka accepts. */
    static final int MAX_INDICATORS = 300;

    /** Names an entry's property in the request: {@code indicators[3].title}, {@code rows[5].title}. */
    interface FieldNames {
        String of(int index, String property);
    }

    static final FieldNames JSON = (i, property) -> "indicators[" + i + "]" + (property.isEmpty() ? "" : "." + property);

    private TreeRules() {
    }

    static List<Violation> checkEntries(List<IndicatorRequest> entries, FieldNames names) {
        List<Violation> violations = new ArrayList<>();
        if (entries.size() > MAX_INDICATORS) {
            violations.add(new Violation("indicators", "at most " + MAX_INDICATORS + " indicators, got " + entries.size()));
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            IndicatorRequest e = entries.get(i);
            if (e == null) {
                violations.add(new Violation(names.of(i, ""), "must not be null"));
                continue;
            }
            String code = e.code();
            if (!IndicatorCode.isValid(code)) {
                violations.add(new Violation(names.of(i, "code"),
                        "'" + code + "' is not an indicator code like 4, 4.2 or 4.2.3"));
                continue;
            }
            if (!seen.add(code)) {
                violations.add(new Violation(names.of(i, "code"), code + " appears more than once"));
            }
            if (e.title() == null || e.title().isBlank()) {
                violations.add(new Violation(names.of(i, "title"), code + ": must not be blank"));
            } else if (e.title().length() > 200) {
                violations.add(new Violation(names.of(i, "title"), code + ": at most 200 characters"));
            }
            if (e.criteria() != null && e.criteria().length() > 4000) {
                violations.add(new Violation(names.of(i, "criteria"), code + ": at most 4000 characters"));
            }
            if (e.displayOrder() != null && e.displayOrder() < 0) {
                violations.add(new Violation(names.of(i, "displayOrder"), code + ": must not be negative"));
            }
            if (e.metric() != null) {
                checkMetric(code, e.metric(), i, names, violations);
            }
        }
        return violations;
    }

    private static void checkMetric(String code, MetricBinding metric, int i, FieldNames names,
            List<Violation> violations) {
        if (IndicatorCode.level(code) != 3) {
            violations.add(new Violation(names.of(i, "metric"),
                    code + ": only third-level indicators can be bound to a metric"));
            return;
        }
        MetricDefinition definition = metric.key() == null ? null : MetricCatalogue.find(metric.key()).orElse(null);
        if (definition == null) {
            violations.add(new Violation(names.of(i, "metric.key"),
                    code + ": '" + metric.key() + "' is not in the metric catalogue (GET /api/v1/metrics)"));
        }
        if (metric.comparator() == null || !COMPARATORS.contains(metric.comparator())) {
            violations.add(new Violation(names.of(i, "metric.comparator"),
                    code + ": must be one of GE, GT, LE, LT, EQ"));
        }
        if (metric.threshold() == null) {
            violations.add(new Violation(names.of(i, "metric.threshold"), code + ": is required"));
        } else if (metric.threshold().stripTrailingZeros().scale() > 4
                || metric.threshold().abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
            violations.add(new Violation(names.of(i, "metric.threshold"),
                    code + ": at most 4 decimals and below 1,000,000,000,000"));
        }
        if (definition != null && metric.unit() != null && !metric.unit().equals(definition.unit().name())) {
            violations.add(new Violation(names.of(i, "metric.unit"),
                    code + ": " + metric.key() + " is measured in " + definition.unit()));
        }
    }

    /** The rules a framework must meet to be published, each failure naming the indicator. */
    static List<Violation> checkComplete(List<String> codes) {
        List<Violation> violations = new ArrayList<>();
        if (codes.isEmpty()) {
            violations.add(new Violation("indicators", "a framework needs at least one indicator"));
            return violations;
        }
        Set<String> present = new HashSet<>(codes);
        Map<String, Integer> children = new HashMap<>();
        for (String code : codes) {
            String parent = IndicatorCode.parent(code);
            if (parent != null) {
                children.merge(parent, 1, Integer::sum);
                if (!present.contains(parent)) {
                    violations.add(new Violation("indicators[" + code + "]",
                            code + " has no parent: " + parent + " does not exist"));
                }
            }
        }
        for (String code : codes) {
            int level = IndicatorCode.level(code);
            if (level < 3 && children.getOrDefault(code, 0) == 0) {
                violations.add(new Violation("indicators[" + code + "]", code + " has no "
                        + (level == 1 ? "second" : "third") + "-level indicator under it"));
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }
}
