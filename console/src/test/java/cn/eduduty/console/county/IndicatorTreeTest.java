package cn.eduduty.console.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.RatingResponse;

class IndicatorTreeTest {

    private static IndicatorResponse indicator(String code, int level) {
        return new IndicatorResponse().code(code).level(level).title("指标" + code);
    }

    @Test
    void nestsTheFlatReadingOrderIntoThreeLevelsWithRatingsAndCommentsOnTheLeaves() {
        List<IndicatorTree.Node> tree = IndicatorTree.of(
                List.of(indicator("1", 1), indicator("1.1", 2), indicator("1.1.1", 3), indicator("1.1.2", 3),
                        indicator("2", 1), indicator("2.1", 2), indicator("2.1.1", 3)),
                Map.of("1.1.1", new RatingResponse().indicatorCode("1.1.1").rating(RatingResponse.RatingEnum.BASICALLY)),
                Map.of("1.1.2", 2L));

        assertThat(tree).extracting(IndicatorTree.Node::code).containsExactly("1", "2");
        IndicatorTree.Node first = tree.get(0).children().get(0);
        assertThat(first.children()).extracting(IndicatorTree.Node::code).containsExactly("1.1.1", "1.1.2");
        assertThat(first.children().get(0).ratingLabel()).isEqualTo("基本落实");
        assertThat(first.children().get(0).badge()).isEqualTo("warning");
        assertThat(first.children().get(1).rated()).isFalse();
        assertThat(first.children().get(1).ratingLabel()).isEqualTo("未评价");
        assertThat(first.children().get(1).comments()).isEqualTo(2);
        assertThat(tree.get(1).children().get(0).children()).extracting(IndicatorTree.Node::code).containsExactly("2.1.1");
    }
}
