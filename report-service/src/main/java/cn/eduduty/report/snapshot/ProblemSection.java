package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;

/**
 * 存在的问题: in a county's report, every indicator rated BASICALLY or NOT with the county's problem
 * and every failed (ERROR) check, then 改进措施, the county's own or those its ratings name (and a
 * default for a failed funding rule); in a roll-up, how many counties have consistency problems and
 * the roll-up's own checks.
 */
final class ProblemSection {

    /** The check a failed funding rule raises; it brings a default measure. */
    private static final String FUNDING_RULE_FAILED = "funding-rule-failed";

    private ProblemSection() {
    }

    static void county(FigureEngine.Book book, List<Check> checks, ReportComposer.Signature signature,
            List<Document.Block> blocks) {
        List<String> problems = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        book.evaluation().ifPresent(e -> {
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                Evaluation.Rated r = e.ratings().get(indicator.code());
                if (r != null && isWeak(Rating.valueOf(r.rating()))) {
                    problems.add(indicator.title() + "（" + Wording.rating(r.rating()) + "）："
                            + (r.problem() == null ? "未填写问题描述。" : sentence(r.problem())));
                    if (r.improvement() != null) {
                        measures.add(indicator.title() + "：" + sentence(r.improvement()));
                    }
                }
            }
        });
        boolean fundingFailed = false;
        for (Check check : checks) {
            if (check.severity() == Check.Severity.ERROR) {
                problems.add(sentence(check.message()));
                fundingFailed |= FUNDING_RULE_FAILED.equals(check.code());
            }
        }
        if (!signature.measures().isEmpty()) {
            measures.clear();
            signature.measures().forEach(m -> measures.add(sentence(m)));
        } else if (fundingFailed) {
            measures.add("严格落实教育经费法定增长要求，在下一年度预算安排中优先保障教育投入，确保各学段生均经费只增不减。");
        }
        blocks.add(new Heading(2, "（一）存在的问题"));
        if (problems.isEmpty()) {
            blocks.add(Paragraph.of("经自查，未发现尚未落实的指标和数据一致性问题。"));
        }
        for (int i = 0; i < problems.size(); i++) {
            blocks.add(Paragraph.of((i + 1) + ". " + problems.get(i)));
        }
        blocks.add(new Heading(2, "（二）改进措施"));
        if (measures.isEmpty()) {
            blocks.add(Paragraph.of("持续巩固现有成果，按年度评价要求做好数据更新和自查工作。"));
        }
        for (int i = 0; i < measures.size(); i++) {
            blocks.add(Paragraph.of((i + 1) + ". " + measures.get(i)));
        }
    }

    static void rollUp(List<ReportContent.CountyRow> counties, List<Check> checks, List<Document.Block> blocks) {
        long errors = counties.stream().filter(c -> c.checksFailed() > 0).count();
        blocks.add(Paragraph.of(errors == 0 ? "各县自评报告一致性校验均未发现问题。"
                : "共有" + errors + "个县（市、区）的自评数据存在一致性问题，详见各县自评报告附件。"));
        checks.forEach(c -> blocks.add(Paragraph.of(c.message())));
    }

    /** A rating that states a problem: 基本落实 or 尚未落实. */
    private static boolean isWeak(Rating rating) {
        return rating == Rating.BASICALLY || rating == Rating.NOT;
    }

    /** The text stripped and ending with a full stop. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith("。") || t.endsWith("！") || t.endsWith("？") ? t : t + "。";
    }
}
