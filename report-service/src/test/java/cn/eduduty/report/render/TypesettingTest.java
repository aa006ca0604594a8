package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TypesettingTest {

    @Test
    void recognisesNumbersAmountsPercentagesRatiosAndTheMissingDash() {
        assertThat(List.of("12", "1,234", "-3.5", "0.52%", "99.87％", "990.0145万元", "1.36:1", "—", "2 个百分点", "56人"))
                .allSatisfy(s -> assertThat(Typesetting.numeric(s)).as(s).isTrue());
        assertThat(List.of("无法判断", "满足", "2019年", "1 教育公平与质量", "9.09%（未达标）", ""))
                .allSatisfy(s -> assertThat(Typesetting.numeric(s)).as(s).isFalse());
    }

    @Test
    void keepsTermsNumbersWithUnitsAndPunctuationTogether() {
        assertThat(Typesetting.tokens("缺失原因：无法判断。", true)).containsExactly("缺", "失", "原", "因：", "无法判断。");
        assertThat(Typesetting.tokens("投入990.0145万元，", false)).containsExactly("投", "入", "990.0145万元，");
        assertThat(Typesetting.tokens("《规划》", false)).containsExactly("《规", "划》");
        assertThat(Typesetting.tokens("无法判断", false)).hasSize(4);
        assertThat(Typesetting.cellTokens("基本落实")).containsExactly("基本落实");
        assertThat(Typesetting.cellTokens("缺失原因：尚未录入数据")).contains("因：");
    }

    @Test
    void wrapsWithoutStartingALineWithClosingPunctuation() {
        // every character one unit wide; ten to a line
        List<String> lines = Typesetting.wrap(Typesetting.tokens("一二三四五六七八九十，一二三", false), 10, 0, s -> s.codePointCount(0, s.length()));
        assertThat(lines).containsExactly("一二三四五六七八九", "十，一二三");
    }

    @Test
    void fitsColumnsAsAnAutomaticTableLayoutDoes() {
        // everything fits: shared in proportion
        assertThat(Typesetting.fit(new double[] { 10, 10 }, new double[] { 20, 60 }, 160)).containsExactly(40, 120);
        // not everything: minimums plus room in proportion to what each still wants
        assertThat(Typesetting.fit(new double[] { 10, 30 }, new double[] { 30, 90 }, 80)).containsExactly(20, 60);
        // not even the minimums: scaled
        assertThat(Typesetting.fit(new double[] { 60, 60 }, new double[] { 60, 60 }, 100)).containsExactly(50, 50);
    }

    @Test
    void setsWideTablesSmallerAndNarrowOnesAtXiaoSi() {
        Document.Table small = new Document.Table("表", List.of("指标", "2019年"), List.of(List.of("巩固率", "99.87%")));
        assertThat(Typesetting.tableLayout(small, 442, (s, size) -> Typesetting.ems(s) * size).size()).isEqualTo(12f);
        List<String> header = Collections.nCopies(12, "完全落实比例");
        Document.Table wide = new Document.Table("表", header, List.of(Collections.nCopies(12, "990.0145万元")));
        Typesetting.TableLayout layout = Typesetting.tableLayout(wide, 442, (s, size) -> Typesetting.ems(s) * size);
        assertThat(layout.size()).isLessThan(10.5f);
        assertThat(Arrays.stream(layout.widths()).sum()).isCloseTo(442, Offset.offset(0.01));
    }

    @Test
    void balancesATwoLineTitle() {
        List<String> lines = Typesetting.balancedWrap(Typesetting.tokens("一二三四五六七八九十一二", false), 10,
                s -> s.codePointCount(0, s.length()));
        assertThat(lines).containsExactly("一二三四五六", "七八九十一二");
    }

    @Test
    void placesTheSignatureBlockAsGbT9704Does() {
        // authority of 7, date of 8: date two from the edge, authority starting two to its left
        double[] indents = Typesetting.signatureRightIndents(List.of("1234567", "12345678"), 1, String::length);
        assertThat(indents).containsExactly(5, 2);
        // authority longer than the date: the authority ends two from the edge
        indents = Typesetting.signatureRightIndents(List.of("123456789012", "12345678"), 1, String::length);
        assertThat(indents).containsExactly(2, 4);
    }
}
