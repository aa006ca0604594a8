package cn.eduduty.contracts.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The catalogue's words for metrics stay usable by a checker that attributes numbers by them. */
class MetricCatalogueTest {

    private static final Set<String> STAGES = Set.of("preschool", "primary", "junior", "senior", "vocational",
            "special", "compulsory");

    @Test
    void everyMetricHasALabelAndTidyAliases() {
        for (MetricDefinition m : MetricCatalogue.all()) {
            assertThat(m.label()).as(m.key()).isNotBlank();
            assertThat(m.aliases()).as(m.key()).allSatisfy(a -> assertThat(a).isNotBlank().isEqualTo(a.strip()))
                    .doesNotHaveDuplicates().doesNotContain(m.label());
            assertThat(m.names().get(0)).isEqualTo(m.label());
        }
    }

    /**
     * A word naming two metrics of one unit can only be told apart by a stage word (巩固率: primary
     * or junior); any other sharing would leave every number it names unattributed.
     */
    @Test
    void aWordSharedByMetricsOfOneUnitNamesTheSameFigureOfDifferentStages() {
        Map<String, List<MetricDefinition>> byWord = new LinkedHashMap<>();
        for (MetricDefinition m : MetricCatalogue.all()) {
            for (String name : m.names()) {
                byWord.computeIfAbsent(name, w -> new ArrayList<>()).add(m);
            }
        }
        byWord.forEach((word, metrics) -> {
            for (MetricUnit unit : MetricUnit.values()) {
                List<String> keys = metrics.stream().filter(m -> m.unit() == unit).map(MetricDefinition::key).toList();
                if (keys.size() > 1) {
                    Set<String> withoutStage = new HashSet<>();
                    for (String key : keys) {
                        withoutStage.add(String.join(".", Arrays.stream(key.split("\\."))
                                .map(part -> STAGES.contains(part) ? "*" : part).toList()));
                    }
                    assertThat(withoutStage).as(word + " names " + keys).hasSize(1);
                }
            }
        });
    }

    @Test
    void aMetricWithoutAliasesStillWorks() {
        MetricDefinition plain = new MetricDefinition("x.y", "某指标", MetricUnit.COUNT, "定义");
        assertThat(plain.aliases()).isEmpty();
        assertThat(plain.names()).containsExactly("某指标");
    }
}
