package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.contracts.metric.MetricUnit;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;
import cn.eduduty.runtime.security.RegionCode;

/**
 * The roll-ups above a county: a prefecture's has a per-county table instead of narratives; a
 * province's a per-prefecture table and one per-county table per prefecture. Both then show the
 * region's own figures, computed from the counts below it (the comparisons and funding rules of
 * every report), its problems, the signature block and the appendix. Also the line a county (or a
 * prefecture, in a province's) has in such a table.
 */
final class RollUpReport {

    /** Figures of a county's line in a roll-up. */
    static final List<String> COUNTY_COLUMNS = List.of("rating.fully_share", "registry.primary.consolidation_rate",
            "registry.junior.consolidation_rate", "registry.compulsory.large_class_share", "funding.education_share");

    private RollUpReport() {
    }

    static String title(String regionName) {
        return regionName + "县级人民政府履行教育职责自评情况汇总报告";
    }

    static List<Document.Block> prefectureBlocks(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> counties, ReportComposer.Signature signature) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，现将" + regionName + "所辖" + counties.size()
                + "个县（市、区）" + book.year() + "年度履行教育职责自评情况汇总如下。"));
        blocks.add(new Heading(1, "一、各县自评情况"));
        if (counties.isEmpty()) {
            blocks.add(Paragraph.of("本市（州）下尚无县级数据。"));
        } else {
            countyTable("表1 各县（市、区）自评结果与主要指标", counties, blocks);
        }
        blocks.add(new Heading(1, "二、全市（州）主要指标"));
        blocks.add(Paragraph.of("以下指标按全市（州）学校、班级、学生和经费数据汇总计算（比例由汇总后的分子、分母计算，不对各县比例取平均）。"));
        ownFiguresToEnd(book, checks, regionName, counties, signature, 2, "三、存在的问题", blocks);
        return blocks;
    }

    static List<Document.Block> provinceBlocks(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> prefectures, List<ReportContent.CountyRow> counties,
            ReportComposer.Signature signature) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，现将" + regionName + "所辖" + prefectures.size()
                + "个市（州）、" + counties.size() + "个县（市、区）" + book.year() + "年度履行教育职责自评情况汇总如下。"));
        blocks.add(new Heading(1, "一、各市（州）汇总情况"));
        if (prefectures.isEmpty()) {
            blocks.add(Paragraph.of("本省（区、市）下尚无县级数据。"));
        } else {
            blocks.add(Paragraph.of("各市（州）指标按所辖县（市、区）的学校、班级、学生和经费数据汇总计算（比例由汇总后的分子、分母计算，"
                    + "不对各县比例取平均）。"));
            prefectureTable(prefectures, counties, blocks);
        }
        blocks.add(new Heading(1, "二、各县自评情况"));
        int n = 0;
        for (ReportContent.CountyRow prefecture : prefectures) {
            countyTable("表2-" + (++n) + " " + prefecture.regionName() + "各县（市、区）自评结果与主要指标",
                    below(prefecture, counties), blocks);
        }
        blocks.add(new Heading(1, "三、全省（区、市）主要指标"));
        blocks.add(Paragraph.of("以下指标按全省（区、市）学校、班级、学生和经费数据汇总计算（比例由汇总后的分子、分母计算，"
                + "不对各市（州）或各县比例取平均）。"));
        ownFiguresToEnd(book, checks, regionName, counties, signature, 3, "四、存在的问题", blocks);
        return blocks;
    }

    /**
     * The rest of a roll-up, after the sentence that says how its own figures are computed: the
     * periods, the comparison tables (表{@code table}) and funding rules (表{@code table}+1) of the
     * region's own figures, 存在的问题 under {@code problemsHeading}, the signature and the appendix.
     */
    private static void ownFiguresToEnd(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> counties, ReportComposer.Signature signature, int table,
            String problemsHeading, List<Document.Block> blocks) {
        blocks.add(Paragraph.of(SelfCheckSection.periodSentence(book)));
        ComparisonSection.write(book, "表" + table, blocks);
        FundingSection.write(book, "表" + (table + 1), blocks);
        blocks.add(new Heading(1, problemsHeading));
        ProblemSection.rollUp(counties, checks, blocks);
        SignatureBlock.write(signature, blocks);
        AppendixSection.write(book, checks, List.of(), regionName, blocks);
    }

    /** A county's line in a roll-up, or a prefecture's in a province's (its status then null). */
    static ReportContent.CountyRow line(FigureEngine.Book book, List<Check> checks, String regionName) {
        List<Figure> figures = new ArrayList<>();
        for (String key : COUNTY_COLUMNS) {
            figures.add(book.find(key).orElse(Figure.absent(key, label(key), MetricUnit.PERCENT.name(), "", "尚无自评记录")));
        }
        return new ReportContent.CountyRow(book.region(), regionName,
                book.evaluation().map(Evaluation::status).orElse(null), figures,
                (int) checks.stream().filter(c -> c.severity() == Check.Severity.ERROR).count());
    }

    private static String label(String key) {
        return key.equals("rating.fully_share") ? "完全落实指标占比" : key;
    }

    /**
     * 表1 of a province's roll-up: per prefecture, how many counties and how many approved, its own
     * figures and how many counties have consistency problems. A prefecture rates nothing itself: its
     * counties' approvals stand where a county's rating share would.
     */
    private static void prefectureTable(List<ReportContent.CountyRow> prefectures,
            List<ReportContent.CountyRow> counties, List<Document.Block> blocks) {
        List<String> header = new ArrayList<>(List.of("市（州）", "县（市、区）数", "已审核"));
        counted(prefectures.get(0)).forEach(f -> header.add(f.label()));
        header.add("一致性问题县数");
        List<List<String>> rows = new ArrayList<>();
        TableNotes notes = new TableNotes();
        for (ReportContent.CountyRow prefecture : prefectures) {
            List<ReportContent.CountyRow> below = below(prefecture, counties);
            List<String> row = new ArrayList<>(List.of(prefecture.regionName(), Integer.toString(below.size()),
                    Long.toString(below.stream()
                            .filter(c -> SelfEvaluationStatus.APPROVED.name().equals(c.evaluationStatus())).count())));
            counted(prefecture).forEach(f -> row.add(notes.cell(prefecture.regionName() + f.label(), f)));
            row.add(Long.toString(below.stream().filter(c -> c.checksFailed() > 0).count()));
            rows.add(row);
        }
        blocks.add(new Table("表1 各市（州）自评汇总与主要指标", header, rows));
        notes.addTo(blocks);
    }

    /** A prefecture's line without the rating share, which only a county's self-evaluation has. */
    private static List<Figure> counted(ReportContent.CountyRow prefecture) {
        return prefecture.figures().stream().filter(f -> !f.key().startsWith("rating.")).toList();
    }

    /** The counties of {@code counties} below {@code prefecture}. */
    private static List<ReportContent.CountyRow> below(ReportContent.CountyRow prefecture,
            List<ReportContent.CountyRow> counties) {
        return counties.stream().filter(c -> RegionCode.within(c.regionCode(), prefecture.regionCode())).toList();
    }

    /** One line per county: its status, its main figures and how many consistency checks failed. */
    private static void countyTable(String title, List<ReportContent.CountyRow> counties, List<Document.Block> blocks) {
        if (counties.isEmpty()) {
            blocks.add(Paragraph.of(title.substring(title.indexOf(' ') + 1) + "：尚无县级数据。"));
            return;
        }
        List<String> header = new ArrayList<>(List.of("县（市、区）", "自评状态"));
        counties.get(0).figures().forEach(f -> header.add(f.label()));
        header.add("一致性问题");
        List<List<String>> rows = new ArrayList<>();
        TableNotes notes = new TableNotes();
        for (ReportContent.CountyRow county : counties) {
            List<String> row = new ArrayList<>(List.of(county.regionName(), status(county.evaluationStatus())));
            county.figures().forEach(f -> row.add(notes.cell(county.regionName() + f.label(), f)));
            row.add(Integer.toString(county.checksFailed()));
            rows.add(row);
        }
        blocks.add(new Table(title, header, rows));
        notes.addTo(blocks);
    }

    /** A self-evaluation's status in words; none is 未开展. */
    private static String status(String status) {
        if (status == null) {
            return "未开展";
        }
        return switch (SelfEvaluationStatus.valueOf(status)) {
            case APPROVED -> "已审核";
            case SUBMITTED -> "已提交";
            case RETURNED -> "已退回";
            case DRAFT -> "填报中";
        };
    }
}
