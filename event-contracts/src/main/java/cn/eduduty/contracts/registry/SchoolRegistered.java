package cn.eduduty.contracts.registry;

/** A school was registered. */
public record SchoolRegistered(SchoolSnapshot school) {
}
