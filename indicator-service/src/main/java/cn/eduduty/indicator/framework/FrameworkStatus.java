package cn.eduduty.indicator.framework;

/** A framework is edited as a draft and frozen once published. */
public enum FrameworkStatus {
    DRAFT, PUBLISHED
}
