package cn.eduduty.formulas.registry;

/** Who runs a school: 公办 (public) or 民办 (private). */
public enum Ownership {
    PUBLIC("公办"),
    PRIVATE("民办");

    private final String label;

    Ownership(String label) {
        this.label = label;
    }

    /** The Chinese name used in report labels, e.g. 民办. */
    public String label() {
        return label;
    }
}
