package cn.eduduty.console.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.api.report.model.Check;
import cn.eduduty.console.api.report.model.Figure;
import cn.eduduty.console.api.report.model.ReportContent;
import cn.eduduty.console.api.report.model.Severity;
import cn.eduduty.console.api.report.model.StatedFigure;
import cn.eduduty.console.api.report.model.Statement;

class CheckLinksTest {

    private static final UUID EVALUATION = UUID.fromString("7d29cd3d-38d3-44b1-9ece-c742c52cf571");

    @Test
    void linksEachCheckToWhereItIsFixed() {
        ReportContent preview = new ReportContent()
                .figures(List.of(new Figure().key("registry.compulsory.large_class_share").label("义务教育大班额比例")))
                .statedFigures(List.of(new Statement().indicatorCode("4.2.2").figure(new StatedFigure()
                        .sentence("56人及以上大班额5个").verdict(StatedFigure.VerdictEnum.MISMATCH))))
                .checks(List.of(
                        new Check().code("narrative-figure-mismatch").severity(Severity.ERROR).subject("4.2.2").message("m1"),
                        new Check().code("funding-rule-failed").severity(Severity.ERROR)
                                .subject("registry.compulsory.large_class_share").message("m2"),
                        new Check().code("evaluation-not-approved").severity(Severity.WARNING)
                                .subject(EVALUATION.toString()).message("m3"),
                        new Check().code("school-year-not-recorded").severity(Severity.WARNING).subject("990101").message("m4")));

        List<CountyYearResource.CheckRow> rows = CountyYearResource.checks("990101", 2025, preview,
                new SelfEvaluationResponse().id(EVALUATION));

        assertThat(rows).extracting(CountyYearResource.CheckRow::fixHref).containsExactly(
                "/evaluations/" + EVALUATION + "/indicators/4.2.2",
                "/counties/990101/2025/figures/registry.compulsory.large_class_share",
                "/evaluations/" + EVALUATION, null);
        assertThat(rows.get(0).subject()).isEqualTo("指标 4.2.2：“56人及以上大班额5个”");
        assertThat(rows.get(0).severity()).isEqualTo("error");
        assertThat(rows.get(1).subject()).startsWith("义务教育大班额比例");
        assertThat(rows.get(3).subject()).isEqualTo("990101");
        assertThat(rows.get(3).severityLabel()).isEqualTo("提示");
    }
}
