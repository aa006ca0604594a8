package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.narrative.NarrativeChecks.Statement;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;

/**
 * A county's self-evaluation report, section by section: 自查情况 with the rating summary and the
 * periods evaluated, 主要做法及成效 per first-level area with the figures woven into the narratives,
 * the three-period comparisons (one table per kind of period), the funding rules of the evaluated
 * fiscal year per stage, 经典做法, 存在的问题及改进措施 (from BASICALLY/NOT ratings and every failed
 * check), the signature block, and an appendix that says, in words, each figure's value, period,
 * formula, source and time. A value without data is "—" with its reason in a note.
 */
final class CountyReport {

    private CountyReport() {
    }

    static List<Document.Block> blocks(FigureEngine.Book book, List<Check> checks, List<Statement> stated,
            String regionName, ReportComposer.Signature signature) {
        List<Document.Block> blocks = new ArrayList<>();
        Optional<Evaluation> evaluation = book.evaluation();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，" + regionName + "人民政府对照"
                + evaluation.map(e -> e.issuer() + "印发的《" + e.frameworkName() + "》").orElse("评价指标体系")
                + "，对" + book.year() + "年度履行教育职责情况开展了自查自评。现将有关情况报告如下。"));

        blocks.add(new Heading(1, "一、自查情况"));
        SelfCheckSection.write(book, blocks);

        blocks.add(new Heading(1, "二、主要做法及成效"));
        int areas = PracticeSection.write(book, blocks);
        blocks.add(new Heading(2, "（" + Wording.chineseNumber(areas + 1) + "）主要指标对比"));
        ComparisonSection.write(book, "表2", blocks);
        blocks.add(new Heading(2, "（" + Wording.chineseNumber(areas + 2) + "）教育经费法定增长要求落实情况"));
        FundingSection.write(book, "表3", blocks);

        blocks.add(new Heading(1, "三、经典做法"));
        notablePractices(signature, blocks);

        blocks.add(new Heading(1, "四、存在的问题及改进措施"));
        ProblemSection.county(book, checks, signature, blocks);

        SignatureBlock.write(signature, blocks);
        AppendixSection.write(book, checks, stated, regionName, blocks);
        return blocks;
    }

    /** 经典做法: the signature's paragraphs, or a sentence that there are none. */
    private static void notablePractices(ReportComposer.Signature signature, List<Document.Block> blocks) {
        List<String> practices = signature.practices();
        if (practices.isEmpty()) {
            blocks.add(Paragraph.of("本年度未总结经典做法。"));
        } else {
            practices.forEach(p -> blocks.add(Paragraph.of(p)));
        }
    }
}
