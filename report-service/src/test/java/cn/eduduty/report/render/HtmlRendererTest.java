package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The HTML page asks for the same faces and sets tables as the PDF does. */
class HtmlRendererTest {

    private final String html = new String(HtmlRenderer.render(SampleDocument.county()), StandardCharsets.UTF_8);

    @Test
    void asksForTheShippedFacesFirstThenSystemFaces() {
        assertThat(html).contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }")
                .contains("\"Times New Roman\", \"Liberation Serif\", \"AR PL SungtiL GB\", \"SimSun\", \"宋体\", \"Songti SC\"")
                .contains("\"AR PL KaitiM GB\", \"KaiTi\"").contains("\"Droid Sans Fallback\", \"SimHei\"");
    }

    @Test
    void numbersAreRightAlignedAndShortCellsAndTermsNeverWrap() {
        assertThat(html).contains("<td class=\"num\">990.0145万元</td>", "<td class=\"num\">—</td>",
                "<td class=\"nw\">无法判断</td>", "<span class=\"nw\">无法判断</span>");
        assertThat(html).contains("<colgroup><col style=\"width: ");
        assertThat(html).contains("<h2 class=\"annex\">附件：数据说明与一致性校验</h2>");
    }

    @Test
    void signatureBlockSitsTwoCharactersFromTheRightWithTheDateShiftedTwoCharacters() {
        // 测试县人民政府 and 2019年10月15日 are both 7 ems: the date ends two ems from the edge and starts two ems right of the name
        assertThat(html).contains("<p class=\"right\" style=\"padding-right: 4.00em\">测试县人民政府</p>",
                "<p class=\"right\" style=\"padding-right: 2.00em\">2019年10月15日</p>");
    }
}
