package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.eduduty.contracts.report.ReportKind;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.narrative.NarrativeChecks.Statement;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Writes the report (../shared/domain.md §4) from the computed figures, the ratings and the
 * checks, and wraps the document with the data a snapshot keeps. The document text is Chinese
 * only: machine codes, record ids and topic offsets stay in the JSON. Pure: the same inputs give
 * the same content.
 *
 * <p>A county's report is {@link CountyReport}; a prefecture's and a province's roll-ups are
 * {@link RollUpReport}. Each section has its own builder, shared where the reports share it:
 * {@link SelfCheckSection} (自查情况), {@link PracticeSection} (主要做法及成效),
 * {@link ComparisonSection} (the three-period comparisons), {@link FundingSection} (the funding
 * rules), {@link ProblemSection} (存在的问题及改进措施), {@link SignatureBlock} and
 * {@link AppendixSection} (what each figure is, where it comes from, and the checks).
 */
public final class ReportComposer {

    private ReportComposer() {
    }

    /**
     * What the document's end says and who signs it: the signing authority, the date printed, the
     * 经典做法 paragraphs and the county's own 改进措施 (empty: the defaults are written).
     *
     * @param defaulted which of them are defaults rather than the county's own choice (for the checks)
     */
    public record Signature(String authority, LocalDate date, List<String> practices, List<String> measures,
            List<String> defaulted) {
    }

    /** The document and data of a county's self-evaluation report. */
    public static ReportContent county(FigureEngine.Book book, List<Check> checks, List<Statement> stated,
            String regionName, String kind, Instant generatedAt, String generatedBy, Signature signature) {
        Document document = new Document(regionName + "人民政府履行教育职责情况自评报告", subtitle(book, kind),
                CountyReport.blocks(book, checks, stated, regionName, signature));
        return content(book, checks, stated, regionName, kind, generatedAt, generatedBy, List.of(), List.of(), signature,
                document);
    }

    /** A prefecture's roll-up: its own aggregated figures and one line per county. */
    public static ReportContent prefecture(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> counties, String kind, Instant generatedAt, String generatedBy,
            Signature signature) {
        Document document = new Document(RollUpReport.title(regionName), subtitle(book, kind),
                RollUpReport.prefectureBlocks(book, checks, regionName, counties, signature));
        return content(book, checks, List.of(), regionName, kind, generatedAt, generatedBy, counties, List.of(),
                signature, document);
    }

    /**
     * A province's roll-up: one line per prefecture, whose figures are computed from the counts of
     * every school, class, student and posting below it (as the province's own), then each
     * prefecture's counties, one table per prefecture.
     */
    public static ReportContent province(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> prefectures, List<ReportContent.CountyRow> counties, String kind,
            Instant generatedAt, String generatedBy, Signature signature) {
        Document document = new Document(RollUpReport.title(regionName), subtitle(book, kind),
                RollUpReport.provinceBlocks(book, checks, regionName, prefectures, counties, signature));
        return content(book, checks, List.of(), regionName, kind, generatedAt, generatedBy, counties, prefectures,
                signature, document);
    }

    /** A county's line in a roll-up, or a prefecture's in a province's (its status then null). */
    public static ReportContent.CountyRow countyRow(FigureEngine.Book book, List<Check> checks, String regionName) {
        return RollUpReport.line(book, checks, regionName);
    }

    /** 2019年度, and （草稿） after it for a draft. */
    private static String subtitle(FigureEngine.Book book, String kind) {
        return book.year() + "年度" + (ReportKind.DRAFT.name().equals(kind) ? "（草稿）" : "");
    }

    private static ReportContent content(FigureEngine.Book book, List<Check> checks, List<Statement> stated,
            String regionName, String kind, Instant generatedAt, String generatedBy,
            List<ReportContent.CountyRow> counties, List<ReportContent.CountyRow> prefectures, Signature signature,
            Document document) {
        ReportContent.FrameworkRef framework = book.evaluation().map(e -> new ReportContent.FrameworkRef(
                e.frameworkId(), e.frameworkCode(), e.frameworkName(), e.issuer())).orElse(null);
        ReportContent.EvaluationRef evaluation = book.evaluation().map(e -> new ReportContent.EvaluationRef(e.id(),
                e.status(), e.version())).orElse(null);
        List<ReportContent.Position> asOf = book.positions().stream()
                .sorted(Comparator.comparing(Inbox.Position::topic).thenComparingInt(Inbox.Position::partition))
                .map(p -> new ReportContent.Position(p.topic(), p.partition(), p.nextOffset())).toList();
        List<ReportContent.EarlierYear> earlier = book.years().subList(1, book.years().size()).stream()
                .map(y -> {
                    List<Figure> all = new ArrayList<>(y.registry());
                    all.addAll(y.funding());
                    return new ReportContent.EarlierYear(y.year(), all);
                }).toList();
        return new ReportContent(book.region(), regionName, RegionCode.level(book.region()).name(), book.year(), kind,
                generatedAt, generatedBy, book.periods(), new ReportContent.Signing(signature.authority(),
                        signature.date(), signature.defaulted()),
                framework, evaluation, asOf, book.all(), earlier, checks, stated, counties, prefectures, document);
    }
}
