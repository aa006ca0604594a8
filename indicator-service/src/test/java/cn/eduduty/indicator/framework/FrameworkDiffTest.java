package cn.eduduty.indicator.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.eduduty.indicator.framework.api.FrameworkDiffResponse;
import cn.eduduty.indicator.framework.api.FrameworkDiffResponse.FieldChange;
import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.framework.api.MetricBinding;

class FrameworkDiffTest {

    @Test
    void findsAddedRemovedAndChangedIndicatorsByCode() {
        MetricBinding eighty = new MetricBinding("registry.preschool.gross_enrolment_rate", "GE", new BigDecimal("80"), "PERCENT");
        MetricBinding eightyFive = new MetricBinding("registry.preschool.gross_enrolment_rate", "GE", new BigDecimal("85.0000"), "PERCENT");
        List<IndicatorResponse> before = List.of(
                new IndicatorResponse("1", 1, "方针", "", 1, null),
                new IndicatorResponse("1.1.1", 3, "学前", "达到80%", 1, eighty),
                new IndicatorResponse("1.1.2", 3, "旧指标", "", 2, null));
        List<IndicatorResponse> after = List.of(
                new IndicatorResponse("1", 1, "方针", "", 1, null),
                new IndicatorResponse("1.1.1", 3, "学前", "达到85%", 1, eightyFive),
                new IndicatorResponse("1.1.3", 3, "新指标", "", 3, null));

        FrameworkDiffResponse diff = FrameworkDiff.between(UUID.randomUUID(), before, UUID.randomUUID(), after);

        assertThat(diff.added()).extracting(IndicatorResponse::code).containsExactly("1.1.3");
        assertThat(diff.removed()).extracting(IndicatorResponse::code).containsExactly("1.1.2");
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("1.1.1");
            assertThat(c.changes()).containsExactly(new FieldChange("criteria", "达到80%", "达到85%"),
                    new FieldChange("metric.threshold", "80", "85"));
        });
    }

    @Test
    void identicalTreesHaveNoDifferences() {
        List<IndicatorResponse> tree = List.of(new IndicatorResponse("1", 1, "方针", "", 1, null));
        FrameworkDiffResponse diff = FrameworkDiff.between(UUID.randomUUID(), tree, UUID.randomUUID(), tree);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
    }
}
