package cn.eduduty.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void prefixesEveryCellASpreadsheetWouldRunAsAFormula() {
        for (String formula : new String[] { "=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1" }) {
            assertThat(SpreadsheetCells.text(formula)).isEqualTo("'" + formula);
            assertThat(SpreadsheetCells.unescapeText(SpreadsheetCells.text(formula))).isEqualTo(formula);
        }
    }

    @Test
    void leavesOrdinaryTextAndEmptyCellsAlone() {
        for (String text : new String[] { "学前三年毛入园率达到85%以上。", "4.1.1", "", "a=b", "'quoted" }) {
            assertThat(SpreadsheetCells.text(text)).isEqualTo(text);
            assertThat(SpreadsheetCells.unescapeText(text)).isEqualTo(text);
        }
        assertThat(SpreadsheetCells.text(null)).isNull();
    }
}
