package cn.eduduty.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.eduduty.contracts.metric.MetricUnit;
import cn.eduduty.formulas.registry.Stage;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FundingRules;
import cn.eduduty.report.snapshot.ReportContent;
import cn.eduduty.report.snapshot.Wording;

/**
 * The data behind a report as an Excel workbook (the annex a bureau files and sums in Excel/WPS):
 * 数据, every figure of the evaluated periods and of the two years before, one row each, with its
 * value as a number in the unit's format (a rate as a real percentage, money in 元 to the fen, a
 * count with thousands separators, 普职比 as 1.36:1), its period, formula, sources and the time the
 * data was read; a figure without data shows "—" with the reason as a note and in 说明, never 0. The
 * read position (funding.events 0:97) comes last as 数据版本（系统内部）: it means nothing to a clerk,
 * but support needs it to say which events a figure had seen.
 * 规则, each funding rule per stage and year with its outcome and evidence. 核查, the consistency
 * checks. A roll-up adds 下级地区, each county's (and prefecture's) figures.
 *
 * <p>Unlike the other renderers it draws from the snapshot's data, not its {@link Document}: the
 * document holds words, the workbook numbers. Like the Word file, the package is dated with the
 * snapshot's time and every zip entry stamped with it, so the same snapshot gives the same bytes.
 */
public final class XlsxRenderer {

    static final String FIGURES = "数据";
    static final String RULES = "规则";
    static final String CHECKS = "核查";
    static final String REGIONS = "下级地区";
    static final String MISSING = "—";

    static final List<String> FIGURE_HEADER = List.of("key", "指标", "数值", "单位", "统计期", "计算方法", "数据来源",
            "截至时间", "说明", "数据版本（系统内部）");
    static final List<String> RULE_HEADER = List.of("key", "规则", "学段", "统计期", "结果", "依据", "计算方法");
    static final List<String> CHECK_HEADER = List.of("级别", "校验", "对象", "对象代码", "说明");
    static final List<String> REGION_HEADER = List.of("层级", "区划代码", "地区", "自评状态", "key", "指标", "数值", "单位",
            "统计期", "说明");

    /** The widest a column gets, in characters; longer text wraps. */
    private static final int MAX_WIDTH = 48;

    private XlsxRenderer() {
    }

    public static byte[] render(ReportContent content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String title = content.document().title();
            LocalDateTime readAt = LocalDateTime.ofInstant(content.generatedAt(), Wording.CHINA);
            List<Figure> all = Stream.concat(content.figures().stream(),
                    content.earlierYears().stream().flatMap(y -> y.figures().stream())).toList();

            Sheet figures = new Sheet(workbook, styles, FIGURES, title + "　指标数据", FIGURE_HEADER);
            for (Figure f : all) {
                XSSFRow row = figures.row();
                figures.text(row, 0, f.key());
                figures.text(row, 1, f.label());
                figures.value(row, 2, f);
                figures.text(row, 3, unit(f));
                figures.text(row, 4, f.period() == null ? MISSING : f.period().label());
                figures.text(row, 5, blankAsMissing(f.formula()));
                figures.text(row, 6, sources(f));
                figures.dateTime(row, 7, readAt);
                figures.text(row, 8, f.isPresent() ? "" : "无数据：" + f.absentReason());
                figures.text(row, 9, blankAsMissing(f.asOf()));
            }
            figures.finish();

            Sheet rules = new Sheet(workbook, styles, RULES, title + "　教育经费保障要求（分学段、分年度）", RULE_HEADER);
            List<Figure> ruleFigures = all.stream().filter(f -> MetricUnit.BOOLEAN.name().equals(f.unit())).toList();
            for (Figure f : ruleFigures) {
                XSSFRow row = rules.row();
                rules.text(row, 0, f.key());
                rules.text(row, 1, f.label());
                rules.text(row, 2, stage(f, ruleFigures));
                rules.text(row, 3, f.period() == null ? MISSING : f.period().label());
                rules.text(row, 4, f.isPresent() ? (f.holds() ? "满足" : "未满足") : "无法判断");
                rules.text(row, 5, blankAsMissing(FundingRules.evidence(f)));
                rules.text(row, 6, blankAsMissing(f.formula()));
            }
            rules.finish();

            Sheet checks = new Sheet(workbook, styles, CHECKS, title + "　一致性校验", CHECK_HEADER);
            for (Check c : content.checks()) {
                XSSFRow row = checks.row();
                checks.text(row, 0, Check.levelOf(c.severity()));
                checks.text(row, 1, Check.nameOf(c.code()));
                checks.text(row, 2, subject(c, all));
                checks.text(row, 3, c.subject());
                checks.text(row, 4, c.message());
            }
            if (content.checks().isEmpty()) {
                checks.text(checks.row(), 4, "经系统核对，未发现数据、评价结论和叙述之间的不一致。");
            }
            checks.finish();

            List<ReportContent.CountyRow> prefectures = Optional.ofNullable(content.prefectures()).orElse(List.of());
            List<ReportContent.CountyRow> counties = Optional.ofNullable(content.counties()).orElse(List.of());
            if (!prefectures.isEmpty() || !counties.isEmpty()) {
                Sheet regions = new Sheet(workbook, styles, REGIONS, title + "　下级地区指标数据", REGION_HEADER);
                regionRows(regions, "地市", prefectures);
                regionRows(regions, "县（市、区）", counties);
                regions.finish();
            }

            var core = workbook.getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(content.generatedAt())));
            core.setModified(Optional.of(Date.from(content.generatedAt())));
            core.setCreator("eduduty report-service");
            core.setTitle(title);
            workbook.write(out);
            return DocxRenderer.normalise(out.toByteArray(), LocalDateTime.ofInstant(content.generatedAt(), ZoneOffset.UTC));
        } catch (IOException e) {
            throw new IllegalStateException("could not write the Excel workbook", e);
        }
    }

    private static void regionRows(Sheet sheet, String level, List<ReportContent.CountyRow> rows) {
        for (ReportContent.CountyRow region : rows) {
            for (Figure f : region.figures()) {
                XSSFRow row = sheet.row();
                sheet.text(row, 0, level);
                sheet.text(row, 1, region.regionCode());
                sheet.text(row, 2, region.regionName());
                sheet.text(row, 3, region.evaluationStatus() == null ? MISSING : region.evaluationStatus());
                sheet.text(row, 4, f.key());
                sheet.text(row, 5, f.label());
                sheet.value(row, 6, f);
                sheet.text(row, 7, unit(f));
                sheet.text(row, 8, f.period() == null ? MISSING : f.period().label());
                sheet.text(row, 9, f.isPresent() ? "" : "无数据：" + f.absentReason());
            }
        }
    }

    /** The unit as the 单位 column says it; a count takes the measure word its label implies. */
    static String unit(Figure f) {
        return switch (f.unit()) {
            case "PERCENT" -> "%";
            case "YUAN" -> "元";
            case "RATIO" -> "比值（:1）";
            case "BOOLEAN" -> "是/否";
            case "COUNT" -> {
                String measure = Wording.countInText(Figure.present(f.key(), f.label(), BigDecimal.ZERO, "COUNT", null,
                        List.of(), List.of())).substring(1);
                yield measure.isEmpty() ? "个" : measure;
            }
            default -> f.unit();
        };
    }

    /** The stage a rule figure is of (its key ends in the stage), 各学段 for the rule over all of them. */
    private static String stage(Figure rule, List<Figure> rules) {
        String last = rule.key().substring(rule.key().lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        for (Stage s : Stage.values()) {
            if (s.name().equals(last)) {
                return s.label();
            }
        }
        return rules.stream().anyMatch(r -> r.key().startsWith(rule.key() + ".")) ? "各学段" : MISSING;
    }

    /** The source records in words: 教育经费·记账凭证 990101/2018. */
    private static String sources(Figure f) {
        Set<String> words = new LinkedHashSet<>();
        for (Figure.Source s : f.sources()) {
            String owner = s.service().startsWith("indicator") ? "评价指标"
                    : s.service().startsWith("funding") ? "教育经费" : "学校管理";
            String entity = switch (s.entity()) {
                case "school-years" -> "学校学年数据";
                case "schools" -> "学校名录";
                case "population" -> "常住人口";
                case "postings" -> "记账凭证";
                case "fiscal-context" -> "财政收支背景数据";
                case "self-evaluations" -> "自评记录";
                case "frameworks" -> "指标体系";
                case "senior-entrance" -> "高中阶段招生";
                case "teacher-recruitment" -> "教师补充";
                case "training-institutions" -> "校外培训机构";
                case "county-facts" -> "县级填报数据";
                default -> s.entity();
            };
            words.add(owner + "·" + entity + " " + s.id());
        }
        return words.isEmpty() ? MISSING : String.join("；", words);
    }

    /** What a check is about: a figure's name, 自评记录, or the indicator or school code itself. */
    private static String subject(Check c, List<Figure> figures) {
        if (c.subject() == null) {
            return MISSING;
        }
        if (c.subject().matches("[0-9a-f]{8}-[0-9a-f]{4}-.*")) {
            return "自评记录";
        }
        return figures.stream().filter(f -> f.key().equals(c.subject())).findFirst().map(Figure::label)
                .orElse(c.subject().matches("[0-9.]+") ? c.subject() : "本地区");
    }

    private static String blankAsMissing(String text) {
        return text == null || text.isBlank() ? MISSING : text;
    }

    /** The cell styles, made once per workbook. */
    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle header;
        final XSSFCellStyle text;
        final XSSFCellStyle missing;
        final XSSFCellStyle count;
        final XSSFCellStyle yuan;
        final XSSFCellStyle percent;
        final XSSFCellStyle ratio;
        final XSSFCellStyle decimal;
        final XSSFCellStyle dateTime;

        Styles(XSSFWorkbook workbook) {
            XSSFFont body = workbook.getFontAt(0);
            body.setFontName(DocxRenderer.SONG);
            body.setFontHeightInPoints((short) 11);
            XSSFFont bold = workbook.createFont();
            bold.setFontName(DocxRenderer.HEI);
            bold.setFontHeightInPoints((short) 11);
            bold.setBold(true);
            XSSFFont big = workbook.createFont();
            big.setFontName(DocxRenderer.HEI);
            big.setFontHeightInPoints((short) 14);
            big.setBold(true);
            CreationHelper helper = workbook.getCreationHelper();

            title = workbook.createCellStyle();
            title.setFont(big);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(workbook);
            text.setWrapText(true);
            missing = bordered(workbook);
            missing.setAlignment(HorizontalAlignment.CENTER);
            count = numeric(workbook, helper, "#,##0");
            yuan = numeric(workbook, helper, "#,##0.00");
            percent = numeric(workbook, helper, "0.00%");
            ratio = numeric(workbook, helper, "0.00\":1\"");
            decimal = numeric(workbook, helper, "General");
            dateTime = numeric(workbook, helper, "yyyy-mm-dd hh:mm");
        }

        private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }

        private static XSSFCellStyle numeric(XSSFWorkbook workbook, CreationHelper helper, String format) {
            XSSFCellStyle style = bordered(workbook);
            style.setDataFormat(helper.createDataFormat().getFormat(format));
            style.setAlignment(HorizontalAlignment.RIGHT);
            return style;
        }
    }

    /**
     * One sheet: the title in the first row, the header in the second, frozen, filtered and repeated
     * on every printed page; column widths from the longest text, wrapped beyond {@link #MAX_WIDTH}.
     */
    private static final class Sheet {
        private final XSSFSheet sheet;
        private final Styles styles;
        private final int columns;
        private final int[] widths;
        private XSSFDrawing drawing;

        Sheet(XSSFWorkbook workbook, Styles styles, String name, String title, List<String> header) {
            this.sheet = workbook.createSheet(name);
            this.styles = styles;
            this.columns = header.size();
            this.widths = new int[columns];
            XSSFCell titleCell = sheet.createRow(0).createCell(0);
            titleCell.setCellValue(title);
            titleCell.setCellStyle(styles.title);
            XSSFRow head = sheet.createRow(1);
            for (int c = 0; c < columns; c++) {
                XSSFCell cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(styles.header);
                widths[c] = Math.max(8, width(header.get(c)));
            }
        }

        XSSFRow row() {
            XSSFRow row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int c = 0; c < columns; c++) {
                row.createCell(c).setCellStyle(styles.text);
            }
            return row;
        }

        void text(XSSFRow row, int column, String value) {
            row.getCell(column).setCellValue(value);
            widths[column] = Math.max(widths[column], width(value));
        }

        void dateTime(XSSFRow row, int column, LocalDateTime value) {
            XSSFCell cell = row.getCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.dateTime);
            widths[column] = Math.max(widths[column], 17);
        }

        /**
         * A figure's value as a number in its unit's format (a percentage as the fraction it is, so
         * 80.00 shows as 80.00% and sums as 0.8); a rule as 是/否; no value as "—" with the reason as a
         * note on the cell.
         */
        void value(XSSFRow row, int column, Figure f) {
            XSSFCell cell = row.getCell(column);
            widths[column] = Math.max(widths[column], 16);
            if (!f.isPresent()) {
                cell.setCellValue(MISSING);
                cell.setCellStyle(styles.missing);
                note(cell, "无数据：" + f.absentReason());
                return;
            }
            switch (f.unit()) {
                case "BOOLEAN" -> {
                    cell.setCellValue(f.holds() ? "是" : "否");
                    cell.setCellStyle(styles.missing);
                }
                case "PERCENT" -> number(cell, f.value().movePointLeft(2), styles.percent);
                case "YUAN" -> number(cell, f.value(), styles.yuan);
                case "COUNT" -> number(cell, f.value(), styles.count);
                case "RATIO" -> number(cell, f.value(), styles.ratio);
                default -> number(cell, f.value(), styles.decimal);
            }
        }

        private static void number(XSSFCell cell, BigDecimal value, XSSFCellStyle style) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }

        private void note(XSSFCell cell, String text) {
            if (drawing == null) {
                drawing = sheet.createDrawingPatriarch();
            }
            CreationHelper helper = sheet.getWorkbook().getCreationHelper();
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(cell.getColumnIndex() + 1);
            anchor.setCol2(cell.getColumnIndex() + 4);
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(cell.getRowIndex() + 3);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(text));
            comment.setAuthor("eduduty");
            cell.setCellComment(comment);
        }

        void finish() {
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
            }
            sheet.createFreezePane(0, 2);
            int last = Math.max(sheet.getLastRowNum(), 2);
            sheet.setAutoFilter(new CellRangeAddress(1, last, 0, columns - 1));
            sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns - 1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }

        /** Display width in characters: a Chinese character counts two. */
        private static int width(String text) {
            int width = 0;
            for (int i = 0; i < text.length(); i++) {
                width += text.charAt(i) >= 0x2E80 ? 2 : 1;
            }
            return width;
        }
    }
}
