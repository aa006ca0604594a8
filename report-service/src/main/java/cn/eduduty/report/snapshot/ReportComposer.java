package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.ConsistencyChecks;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * Writes the report (../shared/domain.md §4) from the computed figures, the ratings and the
 * checks: 自查情况 with the rating summary, 主要做法及成效 per first-level area with the figures
 * woven into the narratives and a three-year comparison, 经典做法, 存在的问题及改进措施 (from
 * BASICALLY/NOT ratings and failed checks), the signature block, and an appendix with every
 * figure's definition and source and the checks. A prefecture roll-up has a per-county table
 * instead of narratives. Pure: the same inputs give the same document.
 */
public final class ReportComposer {

    /** Figures the comparison table shows, in order, when they exist. */
    static final List<String> COMPARISON = List.of(
            "registry.schools.total", "registry.students.preschool", "registry.students.primary",
            "registry.students.junior", "registry.students.senior", "registry.students.vocational",
            "registry.preschool.gross_enrolment_rate", "registry.preschool.inclusive_coverage",
            "registry.preschool.township_central_kindergarten_coverage", "registry.primary.consolidation_rate",
            "registry.junior.consolidation_rate", "registry.compulsory.large_class_share",
            "registry.compulsory.super_large_class_share", "registry.senior.gross_enrolment_rate",
            "registry.senior.vocational_entrant_share", "registry.special.disabled_children_enrolment_rate",
            "registry.language.common_language_class_coverage", "registry.teachers.headcount",
            "registry.teachers.rotation_share", "registry.teachers.new_hire_putonghua_share",
            "funding.amount.appropriation", "funding.amount.education_expenditure",
            "funding.amount.regular_fiscal_revenue", "funding.amount.general_public_budget_expenditure",
            "funding.education_share");

    /** Figures of a county's line in a roll-up. */
    static final List<String> COUNTY_COLUMNS = List.of("rating.fully_share", "registry.primary.consolidation_rate",
            "registry.junior.consolidation_rate", "registry.compulsory.large_class_share", "funding.education_share");

    private ReportComposer() {
    }

    /** The document and data of a county's self-evaluation report. */
    public static ReportContent county(FigureEngine.Book book, List<Check> checks, String regionName, String kind,
            Instant generatedAt, String generatedBy) {
        List<Document.Block> blocks = new ArrayList<>();
        Optional<Evaluation> evaluation = book.evaluation();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，" + regionName + "人民政府对照"
                + evaluation.map(e -> e.issuer() + "印发的《" + e.frameworkName() + "》").orElse("评价指标体系")
                + "，对" + book.year() + "年度履行教育职责情况开展了自查自评。现将有关情况报告如下。"));

        blocks.add(new Heading(1, "一、自查情况"));
        if (evaluation.isPresent()) {
            Evaluation e = evaluation.get();
            blocks.add(Paragraph.of("本次自评由县教育、财政、人力资源社会保障等部门共同参与，逐项对照" + e.thirdLevel().size()
                    + "项三级指标，依据学籍、教育事业统计、教育经费核算等数据进行自查，形成评价结论。"));
            blocks.add(Paragraph.of(summarySentence(book)));
            blocks.add(areaTable(e));
        } else {
            blocks.add(Paragraph.of("截至本报告生成时，尚未录入" + book.year() + "年度自评结论。"));
        }
        blocks.add(Paragraph.of(asOfSentence(book, generatedAt)));

        blocks.add(new Heading(1, "二、主要做法及成效"));
        if (evaluation.isPresent()) {
            Evaluation e = evaluation.get();
            List<IndicatorSnapshot> areas = e.indicators().stream().filter(i -> i.level() == 1).toList();
            for (int a = 0; a < areas.size(); a++) {
                IndicatorSnapshot area = areas.get(a);
                blocks.add(new Heading(2, "（" + Wording.chineseNumber(a + 1) + "）" + area.title()));
                for (IndicatorSnapshot indicator : e.thirdLevel()) {
                    if (indicator.code().startsWith(area.code() + ".")) {
                        blocks.add(Paragraph.of(practice(indicator, e.ratings().get(indicator.code()), book)));
                    }
                }
            }
        }
        blocks.add(new Heading(2, "（" + Wording.chineseNumber(areaCount(evaluation) + 1) + "）主要指标年度对比"));
        blocks.add(comparisonTable(book, "表2 主要指标年度对比"));
        blocks.add(fundingRuleTable(book));

        blocks.add(new Heading(1, "三、经典做法"));
        List<String> practices = notablePractices(evaluation);
        if (practices.isEmpty()) {
            blocks.add(Paragraph.of("本年度未总结经典做法。"));
        } else {
            practices.forEach(p -> blocks.add(Paragraph.of(p)));
        }

        blocks.add(new Heading(1, "四、存在的问题及改进措施"));
        problems(book, checks, blocks);

        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph(regionName + "人民政府", true));
        blocks.add(new Paragraph(Wording.date(generatedAt), true));

        appendix(book, checks, blocks);
        String title = regionName + "人民政府履行教育职责情况自评报告";
        Document document = new Document(title, book.year() + "年度" + ("DRAFT".equals(kind) ? "（草稿）" : ""), blocks);
        return content(book, checks, regionName, kind, generatedAt, generatedBy, List.of(), document);
    }

    /** A prefecture's roll-up: its own aggregated figures and one line per county. */
    public static ReportContent prefecture(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> counties, String kind, Instant generatedAt, String generatedBy) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，现将" + regionName + "所辖" + counties.size()
                + "个县（市、区）" + book.year() + "年度履行教育职责自评情况汇总如下。"));
        blocks.add(new Heading(1, "一、各县自评情况"));
        List<String> header = new ArrayList<>(List.of("县（市、区）", "自评状态"));
        List<List<String>> rows = new ArrayList<>();
        for (ReportContent.CountyRow county : counties) {
            if (header.size() == 2) {
                county.figures().forEach(f -> header.add(f.label()));
                header.add("一致性问题");
            }
            List<String> row = new ArrayList<>(List.of(county.regionName(), status(county.evaluationStatus())));
            county.figures().forEach(f -> row.add(Wording.value(f)));
            row.add(Integer.toString(county.checksFailed()));
            rows.add(row);
        }
        if (counties.isEmpty()) {
            blocks.add(Paragraph.of("本市（州）下尚无县级数据。"));
        } else {
            blocks.add(new Table("表1 各县（市、区）自评结果与主要指标", header, rows));
        }
        blocks.add(new Heading(1, "二、全市（州）主要指标"));
        blocks.add(Paragraph.of("以下指标按全市（州）学校、班级、学生和经费数据汇总计算（比例由汇总后的分子、分母计算，不对各县比例取平均）。"));
        blocks.add(comparisonTable(book, "表2 全市（州）主要指标年度对比"));
        blocks.add(new Heading(1, "三、存在的问题"));
        long errors = counties.stream().filter(c -> c.checksFailed() > 0).count();
        blocks.add(Paragraph.of(errors == 0 ? "各县自评报告一致性校验均未发现问题。"
                : "共有" + errors + "个县（市、区）的自评数据存在一致性问题，详见各县自评报告附件。"));
        checks.forEach(c -> blocks.add(Paragraph.of(c.message())));
        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph(regionName + "人民政府教育督导室", true));
        blocks.add(new Paragraph(Wording.date(generatedAt), true));
        appendix(book, checks, blocks);
        Document document = new Document(regionName + "县级人民政府履行教育职责自评情况汇总报告",
                book.year() + "年度" + ("DRAFT".equals(kind) ? "（草稿）" : ""), blocks);
        return content(book, checks, regionName, kind, generatedAt, generatedBy, counties, document);
    }

    /** A county's line in a roll-up. */
    public static ReportContent.CountyRow countyRow(FigureEngine.Book book, List<Check> checks, String regionName) {
        List<Figure> figures = new ArrayList<>();
        for (String key : COUNTY_COLUMNS) {
            figures.add(book.find(key).orElse(Figure.absent(key, label(key), "PERCENT", "", "no self-evaluation")));
        }
        return new ReportContent.CountyRow(book.region(), regionName,
                book.evaluation().map(Evaluation::status).orElse(null), figures,
                (int) checks.stream().filter(c -> c.severity() == Check.Severity.ERROR).count());
    }

    private static String label(String key) {
        return key.equals("rating.fully_share") ? "完全落实指标占比" : key;
    }

    private static ReportContent content(FigureEngine.Book book, List<Check> checks, String regionName, String kind,
            Instant generatedAt, String generatedBy, List<ReportContent.CountyRow> counties, Document document) {
        ReportContent.FrameworkRef framework = book.evaluation().map(e -> new ReportContent.FrameworkRef(
                e.frameworkId(), e.frameworkCode(), e.frameworkName(), e.issuer())).orElse(null);
        ReportContent.EvaluationRef evaluation = book.evaluation().map(e -> new ReportContent.EvaluationRef(e.id(),
                e.status(), e.version())).orElse(null);
        List<ReportContent.Position> asOf = book.positions().stream()
                .sorted(Comparator.comparing((cn.eduduty.runtime.inbox.Inbox.Position p) -> p.topic())
                        .thenComparingInt(p -> p.partition()))
                .map(p -> new ReportContent.Position(p.topic(), p.partition(), p.nextOffset())).toList();
        List<ReportContent.EarlierYear> earlier = book.years().subList(1, book.years().size()).stream()
                .map(y -> {
                    List<Figure> all = new ArrayList<>(y.registry());
                    all.addAll(y.funding());
                    return new ReportContent.EarlierYear(y.year(), all);
                }).toList();
        return new ReportContent(book.region(), regionName,
                cn.eduduty.runtime.security.RegionCode.level(book.region()).name(), book.year(), kind, generatedAt,
                generatedBy, framework, evaluation, asOf, book.all(), earlier, checks, counties, document);
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

    private static String asOfSentence(FigureEngine.Book book, Instant generatedAt) {
        long events = book.positions().stream().mapToLong(p -> p.nextOffset()).sum();
        return "本报告数据取自学校管理、教育经费和评价指标系统，生成于" + Wording.date(generatedAt) + "，共汇入变更事件"
                + events + "条；各项数据的计算方法和来源见附件。";
    }

    private static Table areaTable(Evaluation e) {
        List<List<String>> rows = new ArrayList<>();
        int[] totals = new int[6];
        for (IndicatorSnapshot area : e.indicators().stream().filter(i -> i.level() == 1).toList()) {
            int[] counts = new int[6];
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                if (!indicator.code().startsWith(area.code() + ".")) {
                    continue;
                }
                counts[0]++;
                Evaluation.Rated r = e.ratings().get(indicator.code());
                counts[r == null ? 5 : 1 + List.of("FULLY", "BASICALLY", "NOT", "NOT_APPLICABLE").indexOf(r.rating())]++;
            }
            List<String> row = new ArrayList<>(List.of(area.code() + " " + area.title()));
            for (int i = 0; i < 6; i++) {
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

    /** 数据：义务教育大班额比例2.83%，标准≤5%，达标 — or, for a rule, 生均公用经费逐步增长：未满足. */
    private static String figureClause(Figure f, IndicatorSnapshot.Metric metric) {
        if (!f.isPresent()) {
            return f.label() + "：暂无数据";
        }
        if ("BOOLEAN".equals(f.unit())) {
            return f.label() + "：" + (f.holds() ? "满足" : "未满足");
        }
        String clause = f.label() + Wording.value(f);
        if (metric != null && metric.threshold() != null) {
            clause += "，标准" + ConsistencyChecks.symbol(metric.comparator())
                    + metric.threshold().stripTrailingZeros().toPlainString() + ("PERCENT".equals(f.unit()) ? "%" : "")
                    + "，" + (ConsistencyChecks.meets(f.value(), metric.comparator(), metric.threshold()) ? "达标" : "未达标");
        }
        return clause;
    }

    private static int areaCount(Optional<Evaluation> evaluation) {
        return evaluation.map(e -> (int) e.indicators().stream().filter(i -> i.level() == 1).count()).orElse(0);
    }

    private static Table comparisonTable(FigureEngine.Book book, String caption) {
        List<String> header = new ArrayList<>(List.of("指标"));
        for (int i = book.years().size() - 1; i >= 0; i--) {
            header.add(book.years().get(i).year() + "年");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String key : COMPARISON) {
            List<String> row = new ArrayList<>();
            String label = null;
            boolean any = false;
            for (int i = book.years().size() - 1; i >= 0; i--) {
                Optional<Figure> f = book.years().get(i).find(key);
                if (f.isPresent()) {
                    label = f.get().label();
                    any |= f.get().isPresent();
                }
                row.add(f.map(Wording::value).orElse("—"));
            }
            if (label != null && any) {
                row.add(0, label);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            rows.add(new ArrayList<>(java.util.Collections.nCopies(header.size(), "—")));
        }
        return new Table(caption, header, rows);
    }

    private static Table fundingRuleTable(FigureEngine.Book book) {
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : book.current().funding()) {
            if ("BOOLEAN".equals(f.unit())) {
                rows.add(List.of(f.label(), f.isPresent() ? (f.holds() ? "满足" : "未满足") : "无法判断",
                        f.isPresent() ? f.formula() : f.absentReason()));
            }
        }
        return new Table("表3 " + book.year() + "年度教育经费法定增长要求落实情况", List.of("要求", "结果", "依据"), rows);
    }

    private static List<String> notablePractices(Optional<Evaluation> evaluation) {
        if (evaluation.isEmpty()) {
            return List.of();
        }
        Evaluation e = evaluation.get();
        List<IndicatorSnapshot> fully = e.thirdLevel().stream()
                .filter(i -> e.ratings().containsKey(i.code()) && "FULLY".equals(e.ratings().get(i.code()).rating()))
                .filter(i -> e.ratings().get(i.code()).narrative() != null)
                .sorted(Comparator.comparingInt((IndicatorSnapshot i) -> -e.ratings().get(i.code()).narrative().length())
                        .thenComparing(IndicatorSnapshot::code))
                .limit(3).toList();
        List<String> practices = new ArrayList<>();
        for (int i = 0; i < fully.size(); i++) {
            IndicatorSnapshot indicator = fully.get(i);
            practices.add("（" + Wording.chineseNumber(i + 1) + "）" + indicator.title() + "。"
                    + e.ratings().get(indicator.code()).narrative().strip());
        }
        return practices;
    }

    private static void problems(FigureEngine.Book book, List<Check> checks, List<Document.Block> blocks) {
        List<String> problems = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        book.evaluation().ifPresent(e -> {
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                Evaluation.Rated r = e.ratings().get(indicator.code());
                if (r != null && ("BASICALLY".equals(r.rating()) || "NOT".equals(r.rating()))) {
                    problems.add(indicator.title() + "（" + Wording.rating(r.rating()) + "）："
                            + (r.problem() == null ? "未填写问题描述。" : r.problem().strip()));
                    if (r.improvement() != null) {
                        measures.add(indicator.title() + "：" + r.improvement().strip());
                    }
                }
            }
        });
        for (Check check : checks) {
            if (check.severity() == Check.Severity.ERROR) {
                problems.add(check.message());
                if ("funding-rule-failed".equals(check.code())) {
                    measures.add("针对" + check.message().replaceFirst("^\\d+年度未满足", "")
                            + "，在下一年度预算安排中予以保障，确保教育投入法定增长要求落实到位。");
                }
            }
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

    private static void appendix(FigureEngine.Book book, List<Check> checks, List<Document.Block> blocks) {
        blocks.add(new Heading(1, "附件：数据说明与一致性校验"));
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : book.all()) {
            rows.add(List.of(f.label(), Wording.value(f), f.formula() == null ? "" : f.formula(),
                    String.join("；", f.sources().stream().map(s -> s.service() + " " + s.entity() + " " + s.id()).toList()),
                    f.isPresent() ? (f.asOf() == null ? "" : "截至 " + f.asOf()) : "缺失原因：" + f.absentReason()));
        }
        blocks.add(new Table("附表1 " + book.year() + "年度指标数据、计算方法与来源", List.of("指标", "数值", "计算方法", "数据来源",
                "说明"), rows));
        if (checks.isEmpty()) {
            blocks.add(Paragraph.of("一致性校验：经核对，各项数据、评价结论与叙述之间未发现不一致。"));
        } else {
            List<List<String>> checkRows = checks.stream().map(c -> List.of(
                    c.severity() == Check.Severity.ERROR ? "错误" : "提示", c.code(), c.subject(), c.message())).toList();
            blocks.add(new Table("附表2 一致性校验发现的问题", List.of("级别", "校验", "对象", "说明"), checkRows));
        }
    }

    private static String status(String status) {
        if (status == null) {
            return "未开展";
        }
        return switch (status) {
            case "APPROVED" -> "已审核";
            case "SUBMITTED" -> "已提交";
            case "RETURNED" -> "已退回";
            default -> "填报中";
        };
    }
}
