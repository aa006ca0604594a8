package cn.eduduty.registry.bulkimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.eduduty.registry.bulkimport.ImportColumn.Cell;

/**
 * The XLSX template of an import kind, in the layout of the annual statistics form: a first sheet
 * (the one an import reads) with the Chinese headers, required ones marked {@value ImportColumn#REQUIRED_MARK}
 * and red, frozen; each column formatted (text, whole number, date) and validated (a drop-down of
 * Chinese labels for every closed set, whole numbers of 0 or more for counts, a year range, a date
 * range) over its first {@value #DATA_ROWS} data rows; and a second sheet, 填写说明, that explains
 * each column and shows one example row. The example is not on the data sheet, so a workbook sent
 * back without deleting it imports nothing of it (docs/decisions).
 */
final class ImportTemplate {

    /** The instructions sheet's name. */
    static final String INSTRUCTIONS = "填写说明";
    /** Data rows the validations and formats cover, after the header. */
    static final int DATA_ROWS = 5000;

    private final ImportKind kind;
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final XSSFCellStyle header;
    private final XSSFCellStyle requiredHeader;
    private final XSSFCellStyle bold;
    private final XSSFCellStyle wrapped;
    /** One style per cell kind, with its number format (text, 0, yyyy-mm-dd). */
    private final Map<Cell, XSSFCellStyle> formats = new EnumMap<>(Cell.class);

    private ImportTemplate(ImportKind kind) {
        this.kind = kind;
        XSSFFont boldFont = book.createFont();
        boldFont.setBold(true);
        XSSFFont redFont = book.createFont();
        redFont.setBold(true);
        redFont.setColor(IndexedColors.RED.getIndex());
        header = headerStyle(boldFont);
        requiredHeader = headerStyle(redFont);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        wrapped = book.createCellStyle();
        wrapped.setWrapText(true);
    }

    /** The template of {@code kind}, as XLSX bytes. */
    static byte[] of(ImportKind kind) {
        ImportTemplate template = new ImportTemplate(kind);
        try (XSSFWorkbook book = template.book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            template.dataSheet();
            template.instructions();
            book.setActiveSheet(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name a browser saves it as, e.g. 学校基本情况导入模板.xlsx. */
    static String fileName(ImportKind kind) {
        return kind.title + "导入模板.xlsx";
    }

    private void dataSheet() {
        XSSFSheet sheet = book.createSheet(kind.title);
        XSSFRow row = sheet.createRow(0);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        DataValidationHelper validations = sheet.getDataValidationHelper();
        List<ImportColumn> layout = kind.layout;
        for (int c = 0; c < layout.size(); c++) {
            ImportColumn column = layout.get(c);
            XSSFCell cell = row.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? requiredHeader : header);
            cell.setCellComment(comment(drawing, c, column));
            sheet.setDefaultColumnStyle(c, format(column.cell()));
            sheet.setColumnWidth(c, width(column));
            DataValidation validation = validation(validations, column, c);
            if (validation != null) {
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private Comment comment(XSSFDrawing drawing, int column, ImportColumn described) {
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column + 1, 0, column + 4, 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString((described.required() ? "必填。" : "选填。") + described.meaning()));
        return comment;
    }

    private DataValidation validation(DataValidationHelper helper, ImportColumn column, int c) {
        DataValidationConstraint constraint;
        String rule;
        switch (column.cell()) {
            case CHOICE -> {
                constraint = helper.createExplicitListConstraint(column.choices().labels().toArray(String[]::new));
                rule = "请从下拉列表中选择：" + String.join("、", column.choices().labels());
            }
            case COUNT -> {
                constraint = helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                rule = "请填写 0 或正整数";
            }
            case YEAR -> {
                constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "1990", "2100");
                rule = "请填写四位年份，如 2025";
            }
            case DATE -> {
                constraint = helper.createDateConstraint(OperatorType.BETWEEN, "=DATE(1900,1,1)", "=DATE(2100,12,31)",
                        null);
                rule = "请填写日期，如 2019-09-01";
            }
            default -> {
                return null;
            }
        }
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, DATA_ROWS, c, c));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(column.label(), rule);
        validation.setShowPromptBox(true);
        validation.createPromptBox(column.label(), (column.required() ? "必填。" : "选填。") + rule);
        if (column.cell() == Cell.CHOICE) {
            // POI writes suppress=true as showDropDown="false", the value with which Excel shows the arrow
            validation.setSuppressDropDownArrow(true);
        }
        return validation;
    }

    private void instructions() {
        XSSFSheet sheet = book.createSheet(INSTRUCTIONS);
        int r = 0;
        text(sheet, r++, 0, "《" + kind.title + "》导入模板填写说明", bold);
        List<String> notes = List.of(
                "1. 在第一张表“" + kind.title + "”的第 2 行起逐行填写，每行一条记录；不要修改第 1 行的列名，列的顺序可以调整，"
                        + "不用的选填列可以删除。",
                "2. 列名前带 " + ImportColumn.REQUIRED_MARK + " 的列（红色）必须填写；带下拉箭头的列请从列表中选择"
                        + "（也可填写系统代码，如 PRIMARY、PUBLIC）。",
                "3. 导入时只读取第一张表；本说明表及下面的示例行不会被导入。整张表全部通过校验才会保存，"
                        + "有错误时逐行列出（行号、列名、原因），一条也不保存。",
                "4. 填好后保存，在系统的“数据导入”功能中选择“" + kind.title + "”并上传本文件（只读取第一张工作表）；"
                        + "同一文件重复上传不会重复导入。");
        for (String note : notes) {
            text(sheet, r++, 0, note, null);
        }
        r++;
        List<String> heads = List.of("列名", "英文列名", "是否必填", "含义", "填写要求及可选值", "单位");
        XSSFRow head = sheet.createRow(r++);
        for (int c = 0; c < heads.size(); c++) {
            XSSFCell cell = head.createCell(c);
            cell.setCellValue(heads.get(c));
            cell.setCellStyle(header);
        }
        for (ImportColumn column : kind.layout) {
            XSSFRow row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(column.key());
            row.createCell(2).setCellValue(column.required() ? "必填" : "选填");
            row.createCell(3).setCellValue(column.meaning());
            row.createCell(4).setCellValue(column.cell() == Cell.CHOICE
                    ? column.cell().words + "：" + column.choices().allowed()
                    : column.cell().words);
            row.createCell(5).setCellValue(column.unit());
            row.getCell(3).setCellStyle(wrapped);
            row.getCell(4).setCellStyle(wrapped);
        }
        r++;
        text(sheet, r++, 0, "示例行（可将其复制到第一张表的第 2 行后修改；示例学校为演示县 990101 的学校，"
                + "代码 2199010199，其余各表的示例都引用它）：", bold);
        XSSFRow exampleHead = sheet.createRow(r++);
        XSSFRow example = sheet.createRow(r);
        for (int c = 0; c < kind.layout.size(); c++) {
            ImportColumn column = kind.layout.get(c);
            XSSFCell cell = exampleHead.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? requiredHeader : header);
            example(example.createCell(c), column);
        }
        int[] widths = { 22, 22, 10, 50, 50, 8 };
        for (int c = 0; c < Math.max(widths.length, kind.layout.size()); c++) {
            int chars = Math.max(c < widths.length ? widths[c] : 0,
                    c < kind.layout.size() ? width(kind.layout.get(c)) / 256 : 0);
            sheet.setColumnWidth(c, chars * 256);
        }
    }

    /** Writes the column's example value as a clerk would: counts and years as numbers, a date as a date. */
    private void example(XSSFCell cell, ImportColumn column) {
        String value = column.example();
        cell.setCellStyle(format(column.cell()));
        if (value.isEmpty()) {
            return;
        }
        switch (column.cell()) {
            case COUNT, YEAR -> cell.setCellValue(Long.parseLong(value));
            case DATE -> cell.setCellValue(LocalDate.parse(value));
            default -> cell.setCellValue(value);
        }
    }

    private void text(XSSFSheet sheet, int row, int column, String value, XSSFCellStyle style) {
        XSSFCell cell = sheet.createRow(row).createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private XSSFCellStyle headerStyle(XSSFFont font) {
        XSSFCellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }

    private XSSFCellStyle format(Cell cell) {
        return formats.computeIfAbsent(cell, c -> {
            XSSFCellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(c.format));
            return style;
        });
    }

    /** About two characters' width per Chinese character of the header or the example, within 10–40. */
    private static int width(ImportColumn column) {
        int chars = Math.max(column.header().length() * 2 + 2, column.example().length() + 4);
        return Math.min(40, Math.max(10, chars)) * 256;
    }
}
