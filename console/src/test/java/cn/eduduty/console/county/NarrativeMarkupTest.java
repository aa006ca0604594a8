package cn.eduduty.console.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NarrativeMarkupTest {

    private static NarrativeMarkup.Mark mismatch(int start, int end, String computed) {
        return new NarrativeMarkup.Mark(start, end, true, computed);
    }

    private static NarrativeMarkup.Mark match(int start, int end) {
        return new NarrativeMarkup.Mark(start, end, false, "x");
    }

    @Test
    void marksAMismatchWithTheComputedValueVisibleAndInItsTitle() {
        String text = "全县义务教育学校现有56人以上班额5个，占比0.52%。";
        int at = text.indexOf("0.52%");
        String html = NarrativeMarkup.html(text, List.of(mismatch(at, at + 5, "2.62%")));
        assertThat(html).isEqualTo("全县义务教育学校现有56人以上班额5个，占比"
                + "<mark class=\"mismatch\" data-test=\"mismatch\" title=\"系统计算值：2.62%\">0.52%</mark>"
                + "<span class=\"computed\">（系统计算值：2.62%）</span>。");
    }

    @Test
    void escapesTheUsersTextInsideAndOutsideTheMarks() {
        String text = "<script>alert(1)</script>占比\"0.52%\"&'";
        int at = text.indexOf("0.52%");
        String html = NarrativeMarkup.html(text, List.of(mismatch(at, at + 5, "<b>2.62%</b>")));
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .startsWith("&lt;script&gt;alert(1)&lt;/script&gt;占比&quot;<mark")
                .contains("title=\"系统计算值：&lt;b&gt;2.62%&lt;/b&gt;\"")
                .endsWith("&quot;&amp;&#39;");
    }

    @Test
    void marksAdjacentFiguresSeparately() {
        String text = "5个0.52%";
        String html = NarrativeMarkup.html(text, List.of(match(0, 2), mismatch(2, 7, "2.62%")));
        assertThat(html).isEqualTo("<mark class=\"match\" title=\"与系统计算值一致\">5个</mark>"
                + "<mark class=\"mismatch\" data-test=\"mismatch\" title=\"系统计算值：2.62%\">0.52%</mark>"
                + "<span class=\"computed\">（系统计算值：2.62%）</span>");
    }

    @Test
    void marksFiguresAtTheVeryStartAndEndInWhateverOrderTheyCome() {
        String text = "92.4%的幼儿入园，班额23个";
        String html = NarrativeMarkup.html(text, List.of(match(text.length() - 3, text.length()), mismatch(0, 5, "91.70%")));
        assertThat(html).startsWith("<mark class=\"mismatch\"").endsWith("<mark class=\"match\" title=\"与系统计算值一致\">23个</mark>");
    }

    @Test
    void countsOffsetsInUtf16UnitsAsTheCheckerDoes() {
        // 𠀀 (U+20000) is two UTF-16 units: the figure after it starts at index 3, not 2
        String text = "𠀀有5个";
        String html = NarrativeMarkup.html(text, List.of(mismatch(3, 5, "6个")));
        assertThat(html).startsWith("𠀀有<mark class=\"mismatch\"").contains(">5个</mark>");
    }

    @Test
    void leavesOutOfRangeAndOverlappingFiguresUnmarkedRatherThanCuttingTheText() {
        String text = "占比0.52%";
        String html = NarrativeMarkup.html(text,
                List.of(mismatch(2, 7, "2.62%"), mismatch(3, 6, "1%"), mismatch(5, 40, "9%"), mismatch(-1, 1, "0")));
        assertThat(html).isEqualTo("占比<mark class=\"mismatch\" data-test=\"mismatch\" title=\"系统计算值：2.62%\">0.52%</mark>"
                + "<span class=\"computed\">（系统计算值：2.62%）</span>");
    }

    @Test
    void anEmptyOrMissingTextIsEmpty() {
        assertThat(NarrativeMarkup.html("", List.of())).isEmpty();
        assertThat(NarrativeMarkup.html(null, List.of())).isEmpty();
    }
}
