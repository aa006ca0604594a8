package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.contracts.metric.MetricUnit;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.FundingRules;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * The funding rules of the evaluated fiscal year, in every report: one row per rule and, for a
 * per-stage rule, one per stage under it; then the money of the evaluation year booked so far,
 * quoted only.
 */
final class FundingSection {

    private FundingSection() {
    }

    static void write(FigureEngine.Book book, String number, List<Document.Block> blocks) {
        ReportPeriods p = book.periods();
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : book.current().funding()) {
            if (!MetricUnit.BOOLEAN.name().equals(f.unit())) {
                continue;
            }
            String outcome = f.isPresent() ? (f.holds() ? "满足" : "未满足") : "无法判断";
            rows.add(List.of(f.label(), outcome, FundingRules.evidence(f)));
        }
        blocks.add(new Table(number + " " + p.fiscalYear() + "年度教育经费法定增长要求落实情况（与" + (p.fiscalYear() - 1)
                + "年比较）", List.of("要求", "结果", "依据"), rows));
        if (!book.yearToDate().isEmpty()) {
            Figure total = book.yearToDate().get(0);
            StringBuilder text = new StringBuilder(total.period().label()).append("，已支出一般公共预算教育经费")
                    .append(Wording.value(total));
            List<String> stages = book.yearToDate().subList(1, book.yearToDate().size()).stream()
                    .map(f -> f.label().substring(total.period().label().length()).replace("教育支出", "")
                            + Wording.value(f)).toList();
            if (!stages.isEmpty()) {
                text.append("，其中").append(String.join("、", stages));
            }
            blocks.add(Paragraph.of(text.append("。以上为年度执行中数据，仅作列示，不与全年比较。").toString()));
        }
    }
}
