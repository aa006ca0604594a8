package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * 一、自查情况 of a county's report: how the self-evaluation was made, the rating summary and its
 * table per first-level area (表1), which period each kind of figure is taken from, and how recent
 * the data is. The periods sentence is the roll-ups' too.
 */
final class SelfCheckSection {

    private SelfCheckSection() {
    }

    static void write(FigureEngine.Book book, List<Document.Block> blocks) {
        Optional<Evaluation> evaluation = book.evaluation();
        if (evaluation.isPresent()) {
            Evaluation e = evaluation.get();
            blocks.add(Paragraph.of("本次自评由县教育、财政、人力资源社会保障等部门共同参与，逐项对照" + e.thirdLevel().size()
                    + "项三级指标，依据学籍、教育事业统计、教育经费核算等数据进行自查，形成评价结论。"));
            blocks.add(Paragraph.of(summarySentence(book)));
            blocks.add(areaTable(e));
        } else {
            blocks.add(Paragraph.of("截至本报告生成时，尚未录入" + book.year() + "年度自评结论。"));
        }
        blocks.add(Paragraph.of(periodSentence(book)));
        blocks.add(Paragraph.of(asOfSentence(book)));
    }

    /** Which period each kind of figure is taken from. */
    static String periodSentence(FigureEngine.Book book) {
        ReportPeriods p = book.periods();
        StringBuilder text = new StringBuilder("本报告各项数据按最近一个完整统计期取数：学校、在校生、班级、班额和教师等数据为")
                .append(Period.schoolYearLabel(p.schoolYear()));
        if (p.schoolYearFallback()) {
            text.append("（").append(Period.schoolYearLabel(p.schoolYear() + 1)).append("数据尚未录入）");
        }
        text.append("；小学、初中巩固率为").append(Period.schoolYearLabel(p.completedSchoolYear()))
                .append("（").append(p.completedSchoolYear() + 1).append("年夏季毕业）；高中阶段招生为")
                .append(p.entranceYear()).append("年秋季；教育经费法定增长要求按").append(p.fiscalYear()).append("年度数据评价，与")
                .append(p.fiscalYear() - 1).append("年比较");
        book.yearToDate().stream().findFirst().ifPresent(f -> text.append("；").append(f.period().label())
                .append("经费为年度执行中数据，仅作列示，不与全年比较"));
        return text.append("。").toString();
    }

    private static String summarySentence(FigureEngine.Book book) {
        return "经自评，" + book.year() + "年度共评价三级指标" + v(book, "rating.indicators") + "项，已评价"
                + v(book, "rating.rated") + "项（完成率" + v(book, "rating.completeness") + "），其中完全落实"
                + v(book, "rating.fully") + "项，占适用指标的" + v(book, "rating.fully_share") + "；基本落实"
                + v(book, "rating.basically") + "项，占" + v(book, "rating.basically_share") + "；尚未落实"
                + v(book, "rating.not") + "项，占" + v(book, "rating.not_share") + "；不适用"
                + v(book, "rating.not_applicable") + "项。";
    }

    private static String v(FigureEngine.Book book, String key) {
        return book.find(key).map(Wording::value).orElse("—");
    }

    private static String asOfSentence(FigureEngine.Book book) {
        Optional<Instant> newest = book.positions().stream().map(p -> p.lastEventTime())
                .filter(Objects::nonNull).max(Instant::compareTo);
        return "本报告数据取自学校管理、教育经费和评价指标系统"
                + newest.map(t -> "，数据更新至" + Wording.dateTime(t)).orElse("")
                + "；各项数据的统计期、计算方法和来源见附件。";
    }

    /** 表1: per first-level area, its third-level indicators counted by rating, then 未评价; a total row. */
    private static Table areaTable(Evaluation e) {
        int columns = Rating.values().length + 2;
        List<List<String>> rows = new ArrayList<>();
        int[] totals = new int[columns];
        for (IndicatorSnapshot area : e.indicators().stream().filter(i -> i.level() == 1).toList()) {
            int[] counts = new int[columns];
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                if (!indicator.code().startsWith(area.code() + ".")) {
                    continue;
                }
                counts[0]++;
                Evaluation.Rated r = e.ratings().get(indicator.code());
                counts[r == null ? columns - 1 : 1 + Rating.valueOf(r.rating()).ordinal()]++;
            }
            List<String> row = new ArrayList<>(List.of(area.code() + " " + area.title()));
            for (int i = 0; i < columns; i++) {
                row.add(Integer.toString(counts[i]));
                totals[i] += counts[i];
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("合计"));
        for (int t : totals) {
            total.add(Integer.toString(t));
        }
        rows.add(total);
        return new Table("表1 自评结果汇总", List.of("一级指标", "三级指标数", "完全落实", "基本落实", "尚未落实", "不适用",
                "未评价"), rows);
    }
}
