package cn.eduduty.indicator.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.indicator.framework.api.MetricBinding;
import cn.eduduty.runtime.problem.Problem.Violation;

class TreeRulesTest {

    static IndicatorRequest node(String code) {
        return new IndicatorRequest(code, "指标 " + code, "细则", null, null);
    }

    static IndicatorRequest bound(String code, String key, String comparator, String threshold, String unit) {
        return new IndicatorRequest(code, "指标 " + code, "细则", null,
                new MetricBinding(key, comparator, threshold == null ? null : new BigDecimal(threshold), unit));
    }

    static List<IndicatorRequest> validTree() {
        return new ArrayList<>(List.of(node("1"), node("1.1"), node("1.1.1"),
                bound("1.1.2", "registry.preschool.gross_enrolment_rate", "GE", "85", "PERCENT")));
    }

    @Test
    void aWellFormedTreePasses() {
        assertThat(TreeRules.checkEntries(validTree(), TreeRules.JSON)).isEmpty();
        assertThat(TreeRules.checkComplete(validTree().stream().map(IndicatorRequest::code).toList())).isEmpty();
    }

    @Test
    void aMalformedCodeIsNamed() {
        List<IndicatorRequest> tree = validTree();
        tree.add(node("1.1.1.1"));
        tree.add(node("0.2"));
        tree.add(node("1.1.3000000000"));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON)).extracting(Violation::field)
                .containsExactly("indicators[4].code", "indicators[5].code", "indicators[6].code");
    }

    @Test
    void aDuplicateCodeIsNamed() {
        List<IndicatorRequest> tree = validTree();
        tree.add(node("1.1"));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON))
                .containsExactly(new Violation("indicators[4].code", "1.1 appears more than once"));
    }

    @Test
    void aBlankTitleIsNamed() {
        List<IndicatorRequest> tree = validTree();
        tree.set(1, new IndicatorRequest("1.1", " ", null, null, null));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON))
                .containsExactly(new Violation("indicators[1].title", "1.1: must not be blank"));
    }

    @Test
    void onlyThirdLevelIndicatorsMayBeBound() {
        List<IndicatorRequest> tree = validTree();
        tree.set(1, bound("1.1", "registry.preschool.gross_enrolment_rate", "GE", "85", "PERCENT"));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("indicators[1].metric"))
                .satisfies(v -> assertThat(v.message()).startsWith("1.1:"));
    }

    @Test
    void anUnknownMetricKeyIsNamed() {
        List<IndicatorRequest> tree = validTree();
        tree.set(3, bound("1.1.2", "registry.no.such_metric", "GE", "85", "PERCENT"));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("indicators[3].metric.key"))
                .satisfies(v -> assertThat(v.message()).contains("1.1.2").contains("registry.no.such_metric"));
    }

    @Test
    void aBadComparatorAMissingThresholdAndAWrongUnitAreNamed() {
        List<IndicatorRequest> tree = validTree();
        tree.set(3, bound("1.1.2", "registry.preschool.gross_enrolment_rate", "AT_LEAST", null, "YUAN"));
        assertThat(TreeRules.checkEntries(tree, TreeRules.JSON)).extracting(Violation::field)
                .containsExactly("indicators[3].metric.comparator", "indicators[3].metric.threshold",
                        "indicators[3].metric.unit");
    }

    @Test
    void publicationNeedsAParentForEveryIndicator() {
        assertThat(TreeRules.checkComplete(List.of("1", "1.1", "1.1.1", "2.1.1")))
                .contains(new Violation("indicators[2.1.1]", "2.1.1 has no parent: 2.1 does not exist"));
    }

    @Test
    void publicationNeedsSecondLevelUnderEachFirstLevel() {
        assertThat(TreeRules.checkComplete(List.of("1", "1.1", "1.1.1", "2")))
                .containsExactly(new Violation("indicators[2]", "2 has no second-level indicator under it"));
    }

    @Test
    void publicationNeedsThirdLevelUnderEachSecondLevel() {
        assertThat(TreeRules.checkComplete(List.of("1", "1.1", "1.1.1", "1.2")))
                .containsExactly(new Violation("indicators[1.2]", "1.2 has no third-level indicator under it"));
    }

    @Test
    void publicationNeedsAtLeastOneIndicator() {
        assertThat(TreeRules.checkComplete(List.of())).extracting(Violation::field).containsExactly("indicators");
    }

    @Test
    void theNationalTemplateIsAValidCompleteTreeOfSevenAreasAndFifteenDuties() throws Exception {
        TemplateCatalog catalog = new TemplateCatalog(new ObjectMapper());
        TemplateCatalog.Template national = catalog.find("national").orElseThrow();
        List<String> codes = national.indicators().stream().map(IndicatorRequest::code).toList();
        assertThat(codes.stream().filter(c -> IndicatorCode.level(c) == 1)).hasSize(7);
        assertThat(codes.stream().filter(c -> IndicatorCode.level(c) == 2)).hasSize(15);
        assertThat(national.indicators().stream().filter(i -> i.metric() != null)).isNotEmpty()
                .allMatch(i -> IndicatorCode.level(i.code()) == 3);
        assertThat(national.indicators()).allMatch(i -> i.criteria() != null && !i.criteria().isBlank());
    }
}
