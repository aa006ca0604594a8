package cn.eduduty.contracts.metric;

/**
 * A figure the report service computes and an indicator may be bound to. {@code key} is stable;
 * {@code label} is the Chinese name used in reports; {@code definition} says how it is computed.
 */
public record MetricDefinition(String key, String label, MetricUnit unit, String definition) {
}
