package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.ConsistencyChecks;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.checks.narrative.NarrativeChecks.Statement;
import cn.eduduty.report.checks.narrative.StatedFigure;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.FundingRules;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * Writes the report (../shared/domain.md §4) from the computed figures, the ratings and the
 * checks: 自查情况 with the rating summary and the periods evaluated, 主要做法及成效 per first-level
 * area with the figures woven into the narratives, the three-period comparisons (one table per kind
 * of period), the funding rules of the evaluated fiscal year per stage, 经典做法, 存在的问题及改进措施
 * (from BASICALLY/NOT ratings and every failed check), the signature block, and an appendix that
 * says, in words, each figure's value, period, formula, source and time. The document text is
 * Chinese only: machine codes, record ids and topic offsets stay in the JSON. A value without data
 * is "—" with its reason in a note. A prefecture roll-up has a per-county table instead of
 * narratives; a province roll-up a per-prefecture table and one per-county table per prefecture. Pure: the same inputs give the same document.
 */
public final class ReportComposer {

    /** Figures the comparison tables show, in order, when they exist; each lands in its period's table. */
    static final List<String> COMPARISON = List.of(
            "registry.schools.total", "registry.students.preschool", "registry.students.primary",
            "registry.students.junior", "registry.students.senior", "registry.students.vocational",
            "registry.preschool.gross_enrolment_rate", "registry.preschool.inclusive_coverage",
            "registry.preschool.township_central_kindergarten_coverage", "registry.compulsory.large_class_share",
            "registry.compulsory.super_large_class_share", "registry.senior.gross_enrolment_rate",
            "registry.special.disabled_children_enrolment_rate",
            "registry.language.common_language_class_coverage", "registry.teachers.headcount",
            "registry.teachers.rotation_share", "registry.teachers.new_hire_putonghua_share",
            "registry.primary.consolidation_rate", "registry.junior.consolidation_rate",
            "registry.entrance.exam_takers", "registry.entrance.general_entrants", "registry.entrance.vocational_entrants",
            "registry.senior.vocational_entrant_share", "registry.senior.general_vocational_ratio",
            "registry.recruitment.teachers", "registry.recruitment.rural_teachers", "registry.training.institutions",
            "funding.amount.appropriation", "funding.amount.education_expenditure",
            "funding.amount.regular_fiscal_revenue", "funding.amount.general_public_budget_expenditure",
            "funding.education_share");

    /** The comparison tables: one per kind of period, with the words of its caption. */
    private static final Map<Period.Kind, String> COMPARISON_TABLES = new LinkedHashMap<>();

    static {
        COMPARISON_TABLES.put(Period.Kind.SCHOOL_YEAR, "学校、学生、班额和教师（学年）");
        COMPARISON_TABLES.put(Period.Kind.COMPLETED_SCHOOL_YEAR, "义务教育巩固率（已结束学年）");
        COMPARISON_TABLES.put(Period.Kind.ENTRANCE, "高中阶段招生（秋季学期）");
        COMPARISON_TABLES.put(Period.Kind.CALENDAR_YEAR, "教师补充和校外培训机构（年度）");
        COMPARISON_TABLES.put(Period.Kind.FISCAL_YEAR, "教育经费（财政年度）");
    }

    /** Figures of a county's line in a roll-up. */
    static final List<String> COUNTY_COLUMNS = List.of("rating.fully_share", "registry.primary.consolidation_rate",
            "registry.junior.consolidation_rate", "registry.compulsory.large_class_share", "funding.education_share");

    /** The Chinese name of each check, for the appendix. */
    private static final Map<String, String> CHECK_NAMES = Map.ofEntries(
            Map.entry("funding-rule-failed", "经费法定增长要求未满足"),
            Map.entry("rating-contradicts-metric", "评价结论与指标数据不符"),
            Map.entry("narrative-share-mismatch", "叙述数据与系统数据不一致"),
            Map.entry("narrative-figure-mismatch", "叙述数据与系统数据不一致"),
            Map.entry("consolidation-above-100", "巩固率超过100%"),
            Map.entry("closed-school-with-students", "已撤销学校填报学生"),
            Map.entry("indicator-not-rated", "指标尚未评价"),
            Map.entry("evaluation-missing", "尚无自评记录"),
            Map.entry("evaluation-not-approved", "自评尚未审核通过"),
            Map.entry("school-year-not-recorded", "学年数据尚未录入"),
            Map.entry("school-entrants-exceed-enrolment", "学校招生数超过在校生数"),
            Map.entry("signing-default", "落款取默认值"));

    private ReportComposer() {
    }

    /** The document and data of a county's self-evaluation report. */
    public static ReportContent county(FigureEngine.Book book, List<Check> checks, List<Statement> stated,
            String regionName, String kind, Instant generatedAt, String generatedBy, Signature signature) {
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
        blocks.add(Paragraph.of(periodSentence(book)));
        blocks.add(Paragraph.of(asOfSentence(book)));

        blocks.add(new Heading(1, "二、主要做法及成效"));
        int areas = 0;
        if (evaluation.isPresent()) {
            Evaluation e = evaluation.get();
            for (IndicatorSnapshot area : e.indicators().stream().filter(i -> i.level() == 1).toList()) {
                blocks.add(new Heading(2, "（" + Wording.chineseNumber(++areas) + "）" + area.title()));
                for (IndicatorSnapshot indicator : e.thirdLevel()) {
                    if (indicator.code().startsWith(area.code() + ".")) {
                        blocks.add(Paragraph.of(practice(indicator, e.ratings().get(indicator.code()), book)));
                    }
                }
            }
        }
        blocks.add(new Heading(2, "（" + Wording.chineseNumber(areas + 1) + "）主要指标对比"));
        comparisonTables(book, "表2", blocks);
        blocks.add(new Heading(2, "（" + Wording.chineseNumber(areas + 2) + "）教育经费法定增长要求落实情况"));
        fundingRules(book, "表3", blocks);

        blocks.add(new Heading(1, "三、经典做法"));
        List<String> practices = signature.practices();
        if (practices.isEmpty()) {
            blocks.add(Paragraph.of("本年度未总结经典做法。"));
        } else {
            practices.forEach(p -> blocks.add(Paragraph.of(p)));
        }

        blocks.add(new Heading(1, "四、存在的问题及改进措施"));
        problems(book, checks, signature, blocks);

        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph(signature.authority(), true));
        blocks.add(new Paragraph(Wording.date(signature.date()), true));

        appendix(book, checks, stated, regionName, blocks);
        String title = regionName + "人民政府履行教育职责情况自评报告";
        Document document = new Document(title, book.year() + "年度" + ("DRAFT".equals(kind) ? "（草稿）" : ""), blocks);
        return content(book, checks, stated, regionName, kind, generatedAt, generatedBy, List.of(), List.of(), signature,
                document);
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

    /** A prefecture's roll-up: its own aggregated figures and one line per county. */
    public static ReportContent prefecture(FigureEngine.Book book, List<Check> checks, String regionName,
            List<ReportContent.CountyRow> counties, String kind, Instant generatedAt, String generatedBy,
            Signature signature) {
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
        blocks.add(Paragraph.of(periodSentence(book)));
        comparisonTables(book, "表2", blocks);
        fundingRules(book, "表3", blocks);
        blocks.add(new Heading(1, "三、存在的问题"));
        rollUpProblems(counties, checks, blocks);
        signatureAndAppendix(book, checks, regionName, signature, blocks);
        Document document = new Document(regionName + "县级人民政府履行教育职责自评情况汇总报告",
                book.year() + "年度" + ("DRAFT".equals(kind) ? "（草稿）" : ""), blocks);
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
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，现将" + regionName + "所辖" + prefectures.size()
                + "个市（州）、" + counties.size() + "个县（市、区）" + book.year() + "年度履行教育职责自评情况汇总如下。"));
        blocks.add(new Heading(1, "一、各市（州）汇总情况"));
        if (prefectures.isEmpty()) {
            blocks.add(Paragraph.of("本省（区、市）下尚无县级数据。"));
        } else {
            blocks.add(Paragraph.of("各市（州）指标按所辖县（市、区）的学校、班级、学生和经费数据汇总计算（比例由汇总后的分子、分母计算，"
                    + "不对各县比例取平均）。"));
            // a prefecture rates nothing itself: its counties' approvals stand where a county's rating share would
            List<String> header = new ArrayList<>(List.of("市（州）", "县（市、区）数", "已审核"));
            counted(prefectures.get(0)).forEach(f -> header.add(f.label()));
            header.add("一致性问题县数");
            List<List<String>> rows = new ArrayList<>();
            Notes notes = new Notes();
            for (ReportContent.CountyRow prefecture : prefectures) {
                List<ReportContent.CountyRow> below = below(prefecture, counties);
                List<String> row = new ArrayList<>(List.of(prefecture.regionName(), Integer.toString(below.size()),
                        Long.toString(below.stream().filter(c -> "APPROVED".equals(c.evaluationStatus())).count())));
                counted(prefecture).forEach(f -> row.add(notes.cell(prefecture.regionName() + f.label(), f)));
                row.add(Long.toString(below.stream().filter(c -> c.checksFailed() > 0).count()));
                rows.add(row);
            }
            blocks.add(new Table("表1 各市（州）自评汇总与主要指标", header, rows));
            notes.addTo(blocks);
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
        blocks.add(Paragraph.of(periodSentence(book)));
        comparisonTables(book, "表3", blocks);
        fundingRules(book, "表4", blocks);
        blocks.add(new Heading(1, "四、存在的问题"));
        rollUpProblems(counties, checks, blocks);
        signatureAndAppendix(book, checks, regionName, signature, blocks);
        Document document = new Document(regionName + "县级人民政府履行教育职责自评情况汇总报告",
                book.year() + "年度" + ("DRAFT".equals(kind) ? "（草稿）" : ""), blocks);
        return content(book, checks, List.of(), regionName, kind, generatedAt, generatedBy, counties, prefectures,
                signature, document);
    }

    /** A prefecture's line without the rating share, which only a county's self-evaluation has. */
    private static List<Figure> counted(ReportContent.CountyRow prefecture) {
        return prefecture.figures().stream().filter(f -> !f.key().startsWith("rating.")).toList();
    }

    /** The counties of {@code counties} below {@code prefecture}. */
    private static List<ReportContent.CountyRow> below(ReportContent.CountyRow prefecture,
            List<ReportContent.CountyRow> counties) {
        return counties.stream().filter(c -> cn.eduduty.runtime.security.RegionCode.within(c.regionCode(),
                prefecture.regionCode())).toList();
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
        Notes notes = new Notes();
        for (ReportContent.CountyRow county : counties) {
            List<String> row = new ArrayList<>(List.of(county.regionName(), status(county.evaluationStatus())));
            county.figures().forEach(f -> row.add(notes.cell(county.regionName() + f.label(), f)));
            row.add(Integer.toString(county.checksFailed()));
            rows.add(row);
        }
        blocks.add(new Table(title, header, rows));
        notes.addTo(blocks);
    }

    private static void rollUpProblems(List<ReportContent.CountyRow> counties, List<Check> checks,
            List<Document.Block> blocks) {
        long errors = counties.stream().filter(c -> c.checksFailed() > 0).count();
        blocks.add(Paragraph.of(errors == 0 ? "各县自评报告一致性校验均未发现问题。"
                : "共有" + errors + "个县（市、区）的自评数据存在一致性问题，详见各县自评报告附件。"));
        checks.forEach(c -> blocks.add(Paragraph.of(c.message())));
    }

    private static void signatureAndAppendix(FigureEngine.Book book, List<Check> checks, String regionName,
            Signature signature, List<Document.Block> blocks) {
        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph(signature.authority(), true));
        blocks.add(new Paragraph(Wording.date(signature.date()), true));
        appendix(book, checks, List.of(), regionName, blocks);
    }

    /** A county's line in a roll-up, or a prefecture's in a province's (its status then null). */
    public static ReportContent.CountyRow countyRow(FigureEngine.Book book, List<Check> checks, String regionName) {
        List<Figure> figures = new ArrayList<>();
        for (String key : COUNTY_COLUMNS) {
            figures.add(book.find(key).orElse(Figure.absent(key, label(key), "PERCENT", "", "尚无自评记录")));
        }
        return new ReportContent.CountyRow(book.region(), regionName,
                book.evaluation().map(Evaluation::status).orElse(null), figures,
                (int) checks.stream().filter(c -> c.severity() == Check.Severity.ERROR).count());
    }

    private static String label(String key) {
        return key.equals("rating.fully_share") ? "完全落实指标占比" : key;
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
                generatedBy, book.periods(), new ReportContent.Signing(signature.authority(), signature.date(),
                        signature.defaulted()),
                framework, evaluation, asOf, book.all(), earlier, checks, stated, counties, prefectures, document);
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

    private static String asOfSentence(FigureEngine.Book book) {
        Optional<Instant> newest = book.positions().stream().map(p -> p.lastEventTime())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo);
        return "本报告数据取自学校管理、教育经费和评价指标系统"
                + newest.map(t -> "，数据更新至" + Wording.dateTime(t)).orElse("")
                + "；各项数据的统计期、计算方法和来源见附件。";
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

    /** 2019—2020学年义务教育大班额比例2.83%，标准≤5%，达标 — or, for a rule, 2018年生均公用经费逐步增长：未满足. */
    private static String figureClause(Figure f, IndicatorSnapshot.Metric metric) {
        String period = f.period() == null ? "" : f.period().label();
        if (!f.isPresent()) {
            return period + f.label() + "：暂无数据（" + f.absentReason() + "）";
        }
        if ("BOOLEAN".equals(f.unit())) {
            return period + f.label() + "：" + (f.holds() ? "满足" : "未满足");
        }
        String clause = period + f.label() + Wording.countInText(f);
        if (metric != null && metric.threshold() != null) {
            clause += "，标准" + ConsistencyChecks.symbol(metric.comparator())
                    + metric.threshold().stripTrailingZeros().toPlainString() + ("PERCENT".equals(f.unit()) ? "%" : "")
                    + "，" + (ConsistencyChecks.meets(f.value(), metric.comparator(), metric.threshold()) ? "达标" : "未达标");
        }
        return clause;
    }

    /**
     * One comparison table per kind of period (学年, 已结束学年, 秋季招生, 财政年度), each headed by its
     * three periods, oldest first; rows whose values are all absent or all zero are left out, and
     * absent values are "—" with their reasons in a note under the table.
     */
    private static void comparisonTables(FigureEngine.Book book, String number, List<Document.Block> blocks) {
        int n = 0;
        for (Map.Entry<Period.Kind, String> kind : COMPARISON_TABLES.entrySet()) {
            List<String> header = new ArrayList<>(List.of("指标"));
            List<List<String>> rows = new ArrayList<>();
            Notes notes = new Notes();
            List<Figure> columns = new ArrayList<>();
            for (String key : COMPARISON) {
                List<Optional<Figure>> cells = new ArrayList<>();
                for (int i = book.years().size() - 1; i >= 0; i--) {
                    cells.add(book.years().get(i).find(key).filter(f -> f.period() != null
                            && f.period().kind() == kind.getKey()));
                }
                if (cells.stream().noneMatch(c -> c.isPresent() && c.get().isPresent()
                        && c.get().value().signum() != 0)) {
                    continue;
                }
                if (columns.isEmpty()) {
                    cells.forEach(c -> columns.add(c.orElse(null)));
                }
                String label = cells.stream().flatMap(Optional::stream).findFirst().map(Figure::label).orElse(key);
                List<String> row = new ArrayList<>(List.of(label));
                cells.forEach(c -> row.add(c.map(f -> notes.cell(label + "（" + f.period().label() + "）", f)).orElse("—")));
                rows.add(row);
            }
            if (rows.isEmpty()) {
                continue;
            }
            columns.forEach(f -> header.add(f == null ? "—" : f.period().label()));
            blocks.add(new Table(number + "-" + (++n) + " " + kind.getValue(), header, rows));
            notes.addTo(blocks);
        }
        if (n == 0) {
            blocks.add(Paragraph.of("暂无可对比的指标数据。"));
        }
    }

    /**
     * The funding rules of the evaluated fiscal year, one row per rule and, for a per-stage rule, one
     * per stage under it; then the money of the evaluation year booked so far, quoted only.
     */
    private static void fundingRules(FigureEngine.Book book, String number, List<Document.Block> blocks) {
        ReportPeriods p = book.periods();
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : book.current().funding()) {
            if (!"BOOLEAN".equals(f.unit())) {
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

    private static void problems(FigureEngine.Book book, List<Check> checks, Signature signature,
            List<Document.Block> blocks) {
        List<String> problems = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        book.evaluation().ifPresent(e -> {
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                Evaluation.Rated r = e.ratings().get(indicator.code());
                if (r != null && ("BASICALLY".equals(r.rating()) || "NOT".equals(r.rating()))) {
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
                fundingFailed |= "funding-rule-failed".equals(check.code());
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

    /** The text stripped and ending with a full stop. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith("。") || t.endsWith("！") || t.endsWith("？") ? t : t + "。";
    }

    private static void appendix(FigureEngine.Book book, List<Check> checks, List<Statement> stated,
            String regionName, List<Document.Block> blocks) {
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
                    c.severity() == Check.Severity.ERROR ? "错误" : "提示", CHECK_NAMES.getOrDefault(c.code(), "其他校验"),
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(\\d{4})$").matcher(s.id());
        return m.find() ? Integer.parseInt(m.group(1)) : f.period().year();
    }

    private static String postingsOf(FigureEngine.Book book, Figure f) {
        int year = f.period().year();
        if (f.period().kind() == Period.Kind.FISCAL_YEAR_TO_DATE) {
            return f.period().label() + "记账凭证";
        }
        boolean compares = "BOOLEAN".equals(f.unit());
        long now = book.postings().getOrDefault(year, 0L);
        return compares ? (year - 1) + "年、" + year + "年记账凭证" + (book.postings().getOrDefault(year - 1, 0L) + now) + "笔"
                : year + "年记账凭证" + now + "笔";
    }

    /** What a check is about, in words: an indicator code, a figure's name, a school code. */
    private static String subject(FigureEngine.Book book, Check c) {
        if (c.subject().matches("[0-9a-f]{8}-[0-9a-f]{4}-.*")) {
            return "自评记录";
        }
        return book.years().stream().flatMap(y -> java.util.stream.Stream.concat(y.registry().stream(), y.funding().stream()))
                .filter(f -> f.key().equals(c.subject())).findFirst().map(Figure::label)
                .orElse(c.subject().matches("[0-9.]+") ? c.subject() : "本县");
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

    /**
     * Notes under a table: each absent value is "—" in its cell and its reason here, numbered, with
     * the same reason said once.
     */
    private static final class Notes {

        private final Map<String, List<String>> byReason = new LinkedHashMap<>();

        String cell(String what, Figure f) {
            if (f.isPresent()) {
                return Wording.value(f);
            }
            byReason.computeIfAbsent(f.absentReason(), r -> new ArrayList<>()).add(what);
            return "—";
        }

        void addTo(List<Document.Block> blocks) {
            if (byReason.isEmpty()) {
                return;
            }
            List<String> lines = new ArrayList<>();
            byReason.forEach((reason, what) -> lines.add(String.join("、", what) + "：" + reason));
            blocks.add(Paragraph.of("注：“—”表示无数据。" + String.join("；", lines) + "。"));
        }
    }
}
