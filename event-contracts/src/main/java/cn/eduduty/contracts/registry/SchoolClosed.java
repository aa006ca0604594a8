package cn.eduduty.contracts.registry;

/** A school closed; it still counts in the school years it was open. */
public record SchoolClosed(SchoolSnapshot school) {
}
