package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.metric.MetricUnit;
import cn.eduduty.report.checks.ConsistencyChecks;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;

/**
 * 主要做法及成效 of a county's report: one heading per first-level area and, under it, one
 * paragraph per third-level indicator with its rating, the county's narrative and the figures it
 * is measured by woven in (the bound metric against its standard, then the evidence figures).
 */
final class PracticeSection {

    private PracticeSection() {
    }

    /** Writes the areas' headings and paragraphs; returns how many areas there are, to number what follows. */
    static int write(FigureEngine.Book book, List<Document.Block> blocks) {
        int areas = 0;
        if (book.evaluation().isPresent()) {
            Evaluation e = book.evaluation().get();
            for (IndicatorSnapshot area : e.indicators().stream().filter(i -> i.level() == 1).toList()) {
                blocks.add(new Heading(2, "（" + Wording.chineseNumber(++areas) + "）" + area.title()));
                for (IndicatorSnapshot indicator : e.thirdLevel()) {
                    if (indicator.code().startsWith(area.code() + ".")) {
                        blocks.add(Paragraph.of(practice(indicator, e.ratings().get(indicator.code()), book)));
                    }
                }
            }
        }
        return areas;
    }

    private static String practice(IndicatorSnapshot indicator, Evaluation.Rated rated, FigureEngine.Book book) {
        StringBuilder text = new StringBuilder();
        text.append(indicator.code()).append(" ").append(indicator.title()).append("。");
        if (rated == null) {
            return text.append("（尚未评价）").toString();
        }
        text.append("自评结论：").append(Wording.rating(rated.rating())).append("。");
        if (rated.narrative() != null && !rated.narrative().isBlank()) {
            text.append(rated.narrative().strip());
            if (!rated.narrative().strip().endsWith("。")) {
                text.append("。");
            }
        }
        List<String> woven = new ArrayList<>();
        if (indicator.metric() != null) {
            book.find(indicator.metric().key()).ifPresent(f -> woven.add(figureClause(f, indicator.metric())));
        }
        for (var evidence : rated.evidence()) {
            if (evidence.figureKey() != null && (indicator.metric() == null
                    || !evidence.figureKey().equals(indicator.metric().key()))) {
                book.find(evidence.figureKey()).ifPresent(f -> woven.add(figureClause(f, null)));
            }
        }
        if (!woven.isEmpty()) {
            text.append("（数据：").append(String.join("；", woven)).append("）");
        }
        return text.toString();
    }

    /** 2019—2020学年义务教育大班额比例2.83%，标准≤5%，达标 — or, for a rule, 2018年生均公用经费逐步增长：未满足. */
    private static String figureClause(Figure f, IndicatorSnapshot.Metric metric) {
        String period = f.period() == null ? "" : f.period().label();
        if (!f.isPresent()) {
            return period + f.label() + "：暂无数据（" + f.absentReason() + "）";
        }
        if (MetricUnit.BOOLEAN.name().equals(f.unit())) {
            return period + f.label() + "：" + (f.holds() ? "满足" : "未满足");
        }
        String clause = period + f.label() + Wording.countInText(f);
        if (metric != null && metric.threshold() != null) {
            clause += "，标准" + ConsistencyChecks.symbol(metric.comparator())
                    + metric.threshold().stripTrailingZeros().toPlainString()
                    + (MetricUnit.PERCENT.name().equals(f.unit()) ? "%" : "")
                    + "，" + (ConsistencyChecks.meets(f.value(), metric.comparator(), metric.threshold()) ? "达标" : "未达标");
        }
        return clause;
    }
}
