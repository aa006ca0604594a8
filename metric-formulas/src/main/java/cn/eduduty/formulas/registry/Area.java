package cn.eduduty.formulas.registry;

/**
 * Where a school is, in the urban–rural classification of the statistics forms: 城区, 镇区, 乡村.
 * Kept with the school; no figure of {@link RegistryStatistics} depends on it yet (rural new
 * hires are reported directly in {@link Staff}).
 */
public enum Area {
    /** 城区. */
    URBAN,
    /** 镇区. */
    TOWN,
    /** 乡村. */
    RURAL
}
