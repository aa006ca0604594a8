package cn.eduduty.contracts.indicator;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One indicator of a published framework; {@code metric} only on third-level indicators, if bound. */
public record IndicatorSnapshot(
        String code,
        int level,
        String title,
        String criteria,
        int displayOrder,
        Metric metric) {

    /** A metric binding: the catalogue key, how the value is compared, and the threshold. */
    public record Metric(
            String key,
            String comparator,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
            String unit) {
    }
}
