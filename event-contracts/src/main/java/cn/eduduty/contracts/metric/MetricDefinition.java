package cn.eduduty.contracts.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A figure the report service computes and an indicator may be bound to. {@code key} is stable;
 * {@code label} is the Chinese name used in reports; {@code definition} says how it is computed;
 * {@code aliases} are the other words people write for it in a narrative (大班额, 56人以上班额,
 * 普惠率…), which the report's stated-figure checker reads. An alias may be shared by metrics of
 * different units (大班额 names the count and the share; the stated unit decides which is meant).
 */
public record MetricDefinition(String key, String label, MetricUnit unit, String definition, List<String> aliases) {

    public MetricDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(definition, "definition");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A metric without aliases: only its label names it in a narrative. */
    public MetricDefinition(String key, String label, MetricUnit unit, String definition) {
        this(key, label, unit, definition, List.of());
    }

    /** The label and then every alias: every word that names this metric in a narrative. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(label);
        aliases.stream().filter(a -> !a.equals(label)).forEach(names::add);
        return List.copyOf(names);
    }
}
