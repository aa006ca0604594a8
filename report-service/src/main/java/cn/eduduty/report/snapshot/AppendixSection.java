package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.metric.MetricUnit;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.checks.narrative.NarrativeChecks.Statement;
import cn.eduduty.report.checks.narrative.StatedFigure;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * 附件：数据说明与一致性校验, the end of every report: each figure's value, period, formula and
 * source in words (附表1), what the check of the narratives' numbers found, the consistency checks
 * (附表2), and the stated numbers that did not match or could not be checked (附表3).
 */
final class AppendixSection {

    /** A source record's id that ends in its year: {@code 990101/2019}. */
    private static final Pattern YEAR_SUFFIX = Pattern.compile("/(\\d{4})$");

    private AppendixSection() {
    }

    static void write(FigureEngine.Book book, List<Check> checks, List<Statement> stated, String regionName,
            List<Document.Block> blocks) {
        blocks.add(new Heading(1, "附件：数据说明与一致性校验"));
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : book.all()) {
            rows.add(List.of(f.label(), Wording.value(f), f.period() == null ? "—" : f.period().label(),
                    formula(f),
                    f.isPresent() ? source(book, f, regionName) : "无数据：" + f.absentReason()));
        }
        blocks.add(new Table("附表1 指标数据、统计期、计算方法与来源", List.of("指标", "数值", "统计期", "计算方法",
                "数据来源"), rows));
        NarrativeChecks.Summary summary = NarrativeChecks.summary(stated);
        if (!stated.isEmpty()) {
            blocks.add(Paragraph.of("叙述数据核对：评价叙述和问题描述中共有" + stated.size() + "处数据，" + summary.sentence()
                    + (summary.consistent() ? "。" : "；不一致和未能自动核对的数据见附表3，请逐项人工核实。")));
        }
        if (checks.isEmpty() && summary.consistent()) {
            blocks.add(Paragraph.of("一致性校验：经系统核对，未发现数据、评价结论和叙述之间的不一致。"));
        } else if (!checks.isEmpty()) {
            List<List<String>> checkRows = checks.stream().map(c -> List.of(
                    Check.levelOf(c.severity()), Check.nameOf(c.code()),
                    subject(book, c), c.message())).toList();
            blocks.add(new Table("附表2 一致性校验发现的问题", List.of("级别", "校验", "对象", "说明"), checkRows));
        }
        List<List<String>> open = stated.stream().filter(s -> s.figure().verdict() != StatedFigure.Verdict.MATCH)
                .map(s -> List.of(s.indicatorCode(), s.figure().stated(),
                        s.figure().metricLabel() == null ? "—" : s.figure().metricLabel(),
                        s.figure().computedText() == null ? "—" : s.figure().computedText(),
                        verdict(s.figure()))).toList();
        if (!open.isEmpty()) {
            blocks.add(new Table("附表3 叙述中不一致或未能自动核对的数据", List.of("指标", "文中数据", "对应指标", "系统数据",
                    "核对结果"), open));
        }
    }

    private static String verdict(StatedFigure f) {
        String verdict = switch (f.verdict()) {
            case MATCH -> "一致";
            case MISMATCH -> "不一致";
            case NO_DATA -> "无系统数据";
            case UNATTRIBUTED -> "未能对应指标";
        };
        return f.note() == null || f.note().isBlank() ? verdict : verdict + "（" + f.note() + "）";
    }

    /** The formula in words, without a leading "2019年；" that the period column already says. */
    private static String formula(Figure f) {
        if (f.formula() == null || f.formula().isBlank()) {
            return "—";
        }
        String formula = f.formula();
        if (f.period() != null && formula.startsWith(f.period().label() + "；")) {
            formula = formula.substring(f.period().label().length() + 1);
        }
        return formula;
    }

    /** Where a figure comes from, in words: 学校管理：60所学校2019—2020学年数据（数据更新至…）. */
    private static String source(FigureEngine.Book book, Figure f, String regionName) {
        Set<String> words = new LinkedHashSet<>();
        for (Figure.Source s : f.sources()) {
            words.add(switch (s.entity()) {
                case "school-years" -> "学校管理：" + schoolsOf(book, yearOf(s, f)) + "数据";
                case "schools" -> "学校管理：" + f.period().label() + "开办学校名录";
                case "population" -> "学校管理：" + f.period().year() + "年常住人口数据";
                case "postings" -> "教育经费：" + postingsOf(book, f);
                case "fiscal-context" -> "教育经费：财政收支背景数据";
                default -> s.service().startsWith("indicator") ? "评价指标：" + regionName + book.year() + "年度自评"
                        : "学校管理：县级填报的" + f.period().label() + "数据";
            });
        }
        if (words.isEmpty() && f.key().startsWith("rating.")) {
            words.add("评价指标：" + regionName + book.year() + "年度自评");
        }
        String topic = f.key().startsWith("rating.") ? Topics.INDICATOR
                : f.key().startsWith("funding.") ? Topics.FUNDING : Topics.REGISTRY;
        return String.join("；", words) + FigureEngine.dataTime(book.positions(), topic)
                .map(t -> "（数据更新至" + Wording.dateTime(t) + "）").orElse("");
    }

    private static String schoolsOf(FigureEngine.Book book, int schoolYear) {
        Integer schools = book.schoolsReported().get(schoolYear);
        return (schools == null ? "" : schools + "所学校") + Period.schoolYearLabel(schoolYear);
    }

    /** The year a source record is of (its id ends in /2019), else the figure's period's year. */
    private static int yearOf(Figure.Source s, Figure f) {
        Matcher m = YEAR_SUFFIX.matcher(s.id());
        return m.find() ? Integer.parseInt(m.group(1)) : f.period().year();
    }

    private static String postingsOf(FigureEngine.Book book, Figure f) {
        int year = f.period().year();
        if (f.period().kind() == Period.Kind.FISCAL_YEAR_TO_DATE) {
            return f.period().label() + "记账凭证";
        }
        boolean compares = MetricUnit.BOOLEAN.name().equals(f.unit());
        long now = book.postings().getOrDefault(year, 0L);
        return compares ? (year - 1) + "年、" + year + "年记账凭证" + (book.postings().getOrDefault(year - 1, 0L) + now) + "笔"
                : year + "年记账凭证" + now + "笔";
    }

    /** What a check is about, in words: an indicator code, a figure's name, a school code. */
    private static String subject(FigureEngine.Book book, Check c) {
        if (c.subject().matches("[0-9a-f]{8}-[0-9a-f]{4}-.*")) {
            return "自评记录";
        }
        return book.years().stream().flatMap(y -> Stream.concat(y.registry().stream(), y.funding().stream()))
                .filter(f -> f.key().equals(c.subject())).findFirst().map(Figure::label)
                .orElse(c.subject().matches("[0-9.]+") ? c.subject() : "本县");
    }
}
