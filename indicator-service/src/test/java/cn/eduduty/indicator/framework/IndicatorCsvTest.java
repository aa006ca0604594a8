package cn.eduduty.indicator.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.eduduty.indicator.framework.api.IndicatorResponse;
import cn.eduduty.indicator.framework.api.MetricBinding;
import cn.eduduty.runtime.problem.Problem.Violation;

class IndicatorCsvTest {

    private static final List<IndicatorResponse> TREE = List.of(
            new IndicatorResponse("1", 1, "贯彻执行党的教育方针", "坚持党的领导。", 1, null),
            new IndicatorResponse("1.1", 2, "党的领导", "", 1, null),
            new IndicatorResponse("1.1.1", 3, "学前教育, 普及", "毛入园率达到85%以上，\n且\"普惠\"。", 1,
                    new MetricBinding("registry.preschool.gross_enrolment_rate", "GE", new BigDecimal("85.0000"), "PERCENT")));

    @Test
    void writesOneRowPerIndicatorAndReadsItBack() {
        String csv = IndicatorCsv.write(TREE);
        assertThat(csv).startsWith("code,level,title,criteria,displayOrder,metricKey,comparator,threshold,unit\r\n");
        assertThat(csv).contains(",85,PERCENT");

        IndicatorCsv.Parsed parsed = IndicatorCsv.read(csv);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.rows().get(2).title()).isEqualTo("学前教育, 普及");
        assertThat(parsed.rows().get(2).criteria()).isEqualTo("毛入园率达到85%以上，\n且\"普惠\"。");
        assertThat(parsed.rows().get(2).metric().threshold()).isEqualByComparingTo("85");
        assertThat(parsed.rowNumbers()).containsExactly(2, 3, 4);
    }

    @Test
    void escapesTextCellsASpreadsheetWouldRunAsFormulasButNotNumbers() {
        List<IndicatorResponse> tree = List.of(
                new IndicatorResponse("1", 1, "=HYPERLINK(\"http://evil.example\",\"点击\")", "+cmd|' /C calc'!A0", 1, null),
                new IndicatorResponse("1.1", 2, "@SUM(1+1)", "-2+3", 1,
                        new MetricBinding("registry.preschool.gross_enrolment_rate", "GE", new BigDecimal("-5"), "PERCENT")),
                new IndicatorResponse("1.1.1", 3, "\t=1", "\r=1", 2, null));
        String csv = IndicatorCsv.write(tree);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"", "'+cmd|' /C calc'!A0",
                "'@SUM(1+1)", "'-2+3", "'\t=1", "\"'\r=1\"");
        // a negative threshold is a number, not text
        assertThat(csv).contains(",GE,-5,PERCENT");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        // reading the export back gives the texts as they were
        IndicatorCsv.Parsed parsed = IndicatorCsv.read(csv);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).title()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点击\")");
        assertThat(parsed.rows().get(1).criteria()).isEqualTo("-2+3");
        assertThat(parsed.rows().get(1).metric().threshold()).isEqualByComparingTo("-5");
    }

    @Test
    void acceptsAnExcelByteOrderMarkAndSkipsBlankRows() {
        IndicatorCsv.Parsed parsed = IndicatorCsv.read("\uFEFFcode,title\n1,甲\n,\n1.1,乙\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(r -> r.code()).containsExactly("1", "1.1");
        assertThat(parsed.rowNumbers()).containsExactly(2, 4);
    }

    @Test
    void reportsEveryBadCellWithItsRowAndColumn() {
        IndicatorCsv.Parsed parsed = IndicatorCsv.read("""
                code,level,title,displayOrder,metricKey,comparator,threshold
                1,1,甲,x,,,
                1.1.1,2,乙,1,registry.preschool.gross_enrolment_rate,GE,eighty
                1.1.2,3,丙,1,,GE,
                """);
        assertThat(parsed.errors()).containsExactlyInAnyOrder(
                new Violation("rows[2].displayOrder", "'x' is not a whole number"),
                new Violation("rows[3].threshold", "'eighty' is not a number"),
                new Violation("rows[3].level", "1.1.1: level 2 does not match the code's level 3"),
                new Violation("rows[4].metricKey", "a comparator or threshold needs a metricKey"));
    }

    @Test
    void refusesAnUnknownOrMissingColumn() {
        assertThat(IndicatorCsv.read("code,name\n1,甲\n").errors()).extracting(Violation::field)
                .containsExactly("rows[1].name", "rows[1].title");
        assertThat(IndicatorCsv.read("").errors()).extracting(Violation::field).containsExactly("rows[1]");
    }

    @Test
    void namesRowsTheWayTheSpreadsheetShowsThem() {
        IndicatorCsv.Parsed parsed = IndicatorCsv.read("code,title,metricKey\n1,甲,\n\n1.1.1,乙,no.such.key\n");
        List<Violation> violations = TreeRules.checkEntries(parsed.rows(), parsed.names());
        assertThat(violations).extracting(Violation::field).contains("rows[4].metricKey");
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThat(IndicatorCsv.read("code,title\n1,\"甲\n").errors()).isNotEmpty();
    }
}
