package cn.eduduty.contracts.registry;

/** A school's registration changed (name, type, flags, township…); carries the whole school. */
public record SchoolUpdated(SchoolSnapshot school) {
}
