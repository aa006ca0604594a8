package cn.eduduty.report.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHpsMeasure;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document laid out as GB/T 9704-2012 lays out a 公文, with the same faces the PDF embeds:
 * A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm (right 26 mm, bottom 35 mm), 22 lines
 * of 三号 at an exact 29 pt pitch. The faces are asked for through styles (so a user can change
 * them in one place): body, tables and the bold title in 宋体 (SimSun), 一、 headings in 黑体, （一）
 * headings and the subtitle in 楷体, digits and Latin in Times New Roman; the font table names the
 * shipped faces (AR PL SungtiL GB, Droid Sans Fallback, AR PL KaitiM GB, Liberation Serif) as
 * their alternates. Headings use real "heading 1/2" styles (Word's navigation pane and table of
 * contents see them); page numbers "— 1 —" in 四号 on the outer side of odd and even pages; an
 * attachment starts a new page; tables get column widths from their content (the same
 * {@link Typesetting#tableLayout} as the PDF), right-aligned numbers and a repeated header row;
 * the signature block sits as GB/T 9704 places it. The package's timestamps are the snapshot's,
 * so the same snapshot gives the same bytes.
 */
public final class DocxRenderer {

    /** The faces asked for, with the shipped face each one stands for (w:altName). */
    static final String SONG = "宋体";
    static final String HEI = "黑体";
    static final String KAI = "楷体";
    static final String LATIN = "Times New Roman";
    static final Map<String, String> ALTERNATES = alternates();

    /** Page geometry in twentieths of a point. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;
    static final int MARGIN_BOTTOM = 1984;
    static final int MARGIN_LEFT = 1587;
    static final int MARGIN_RIGHT = 1474;
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** 225 mm over 22 lines. */
    static final int LINE_PITCH = 579;
    private static final int BODY_SIZE = 16;
    private static final int TWO_CHARACTERS = 2 * BODY_SIZE * 20;

    private DocxRenderer() {
    }

    private static Map<String, String> alternates() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(SONG, "AR PL SungtiL GB");
        map.put(HEI, "Droid Sans Fallback");
        map.put(KAI, "AR PL KaitiM GB");
        map.put(LATIN, "Liberation Serif");
        return map;
    }

    public static byte[] render(Document document, Instant generatedAt) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc.createStyles());
            page(doc);
            pageNumbers(doc);
            fontTable(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Title");
            title.createRun().setText(document.title());
            XWPFParagraph subtitle = doc.createParagraph();
            subtitle.setStyle("Subtitle");
            subtitle.createRun().setText(document.subtitle());
            doc.createParagraph();
            List<Document.Block> blocks = document.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Document.Block block = blocks.get(i);
                if (block instanceof Document.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle(h.level() == 1 ? "Heading1" : "Heading2");
                    if (h.level() == 1 && h.text().startsWith("附件")) {
                        p.setPageBreak(true);
                    }
                    p.createRun().setText(h.text());
                } else if (block instanceof Document.Paragraph para && para.right()) {
                    List<String> lines = Typesetting.signature(blocks, i);
                    i += lines.size() - 1;
                    double[] indents = Typesetting.signatureRightIndents(lines, 1, Typesetting::ems);
                    for (int l = 0; l < lines.size(); l++) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.RIGHT);
                        p.setIndentationFirstLine(0);
                        p.setIndentationRight((int) Math.round(indents[l] * BODY_SIZE * 20));
                        p.createRun().setText(lines.get(l));
                    }
                } else if (block instanceof Document.Paragraph para) {
                    doc.createParagraph().createRun().setText(para.text());
                } else if (block instanceof Document.Table t) {
                    table(doc, t);
                }
            }
            var core = doc.getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(generatedAt)));
            core.setModified(Optional.of(Date.from(generatedAt)));
            core.setCreator("eduduty report-service");
            core.setTitle(document.title());
            doc.write(out);
            return normalise(out.toByteArray(), LocalDateTime.ofInstant(generatedAt, ZoneOffset.UTC));
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("could not write the Word document", e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        // the number's line 7 mm below the text block: 35 mm − 7 mm − one 四号 line from the page's edge
        margins.setFooter(BigInteger.valueOf(1304));
        margins.setGutter(BigInteger.ZERO);
        var grid = section.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
    }

    /** "— 1 —" in 四号 宋体, one character in from the right on odd pages and from the left on even ones. */
    private static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setStyle("Footer");
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(14 * 20);
        } else {
            p.setIndentationLeft(14 * 20);
        }
        p.createRun().setText("— ");
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().addNewT().setStringValue("1");
        p.createRun().setText(" —");
    }

    /** The font table: each face asked for, with its shipped alternate and the GB2312 character set. */
    private static void fontTable(XWPFDocument doc) throws InvalidFormatException, IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        ALTERNATES.forEach((name, alternate) -> xml.append("<w:font w:name=\"").append(name).append("\"><w:altName w:val=\"")
                .append(alternate).append("\"/><w:charset w:val=\"").append(name.equals(LATIN) ? "00" : "86")
                .append("\"/><w:family w:val=\"").append(name.equals(HEI) ? "modern" : "roman").append("\"/></w:font>"));
        xml.append("</w:fonts>");
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        PackagePart part = doc.getPackage().createPart(name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        try (OutputStream os = part.getOutputStream()) {
            os.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void table(XWPFDocument doc, Document.Table t) {
        Typesetting.TableLayout layout = Typesetting.tableLayout(t, TEXT_WIDTH / 20.0,
                (text, size) -> wordEms(text) * size);
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Caption");
        caption.createRun().setText(t.caption());
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(TEXT_WIDTH));
        table.setCellMargins(0, (int) (Typesetting.CELL_PADDING * 20), 0, (int) (Typesetting.CELL_PADDING * 20));
        var properties = table.getCTTbl().getTblPr();
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        int[] widths = twips(layout.widths());
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        fill(table.getRow(0), t.header(), widths, layout.size(), true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), widths, layout.size(), false);
        }
        doc.createParagraph();
    }

    /**
     * Width in ems as a word processor may set it, with a margin: the estimate, a quarter em where
     * Chinese meets Latin or digits (applications that ignore autoSpaceDE add that space), and 5 %
     * for substituted faces, so a cell sized to fit one line still does.
     */
    static double wordEms(String text) {
        int transitions = 0;
        for (int i = 1; i < text.length(); i++) {
            boolean before = text.charAt(i - 1) >= 0x2E80;
            boolean here = text.charAt(i) >= 0x2E80;
            if (before != here && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i))) {
                transitions++;
            }
        }
        return (Typesetting.ems(text) + 0.25 * transitions) * 1.05;
    }

    /** Column widths in twips that add up to the text width exactly. */
    private static int[] twips(double[] points) {
        int[] widths = new int[points.length];
        int sum = 0;
        for (int c = 0; c < points.length; c++) {
            widths[c] = (int) Math.floor(points[c] * 20);
            sum += widths[c];
        }
        widths[widths.length - 1] += TEXT_WIDTH - sum;
        return widths;
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] widths, float size, boolean header) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            var width = cell.getCTTc().addNewTcPr().addNewTcW();
            width.setType(STTblWidth.DXA);
            width.setW(BigInteger.valueOf(widths[c]));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle("TableText");
            String text = cells.get(c);
            p.setAlignment(header ? ParagraphAlignment.CENTER
                    : Typesetting.numeric(text) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            // a header breaks where the PDF breaks it (balanced, never inside a term); Word would break anywhere
            List<String> lines = header ? Typesetting.balancedWrap(Typesetting.headerTokens(text),
                    widths[c] / 20.0 - 2 * Typesetting.CELL_PADDING, t -> wordEms(t) * size) : List.of(text);
            for (int l = 0; l < lines.size(); l++) {
                XWPFRun run = p.createRun();
                if (l > 0) {
                    run.addBreak();
                }
                run.setText(lines.get(l));
                run.setFontSize(size);
                run.setBold(header);
            }
        }
    }

    /**
     * The styles, each built whole before it is added: {@link XWPFStyles#addStyle} stores a copy.
     * Normal is the body (三号 宋体, exact 29 pt lines, two-character indent, justified, no extra
     * space between Chinese and Latin or digits, which 公文 do not have).
     */
    private static void styles(XWPFStyles styles) {
        styles.setDefaultFonts(fonts(SONG));
        CTStyle normal = style("Normal", "Normal", null, SONG, BODY_SIZE, false);
        normal.setDefault(true);
        CTPPrGeneral p = normal.getPPr();
        spacing(p, LINE_PITCH, STLineSpacingRule.EXACT);
        p.addNewInd().setFirstLine(BigInteger.valueOf(TWO_CHARACTERS));
        p.addNewJc().setVal(STJc.BOTH);
        p.addNewAutoSpaceDE().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.OFF);
        p.addNewAutoSpaceDN().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.OFF);
        styles.addStyle(new XWPFStyle(normal));

        CTStyle title = style("Title", "Title", "Normal", SONG, 22, true);
        spacing(title.getPPr(), 660, STLineSpacingRule.EXACT);
        title.getPPr().addNewInd().setFirstLine(BigInteger.ZERO);
        title.getPPr().addNewJc().setVal(STJc.CENTER);
        offGrid(title);
        styles.addStyle(new XWPFStyle(title));

        CTStyle subtitle = style("Subtitle", "Subtitle", "Normal", KAI, BODY_SIZE, false);
        subtitle.getPPr().addNewInd().setFirstLine(BigInteger.ZERO);
        subtitle.getPPr().addNewJc().setVal(STJc.CENTER);
        styles.addStyle(new XWPFStyle(subtitle));

        styles.addStyle(new XWPFStyle(heading("Heading1", "heading 1", HEI, 0)));
        styles.addStyle(new XWPFStyle(heading("Heading2", "heading 2", KAI, 1)));

        CTStyle caption = style("Caption", "caption", "Normal", HEI, 14, false);
        caption.getPPr().addNewKeepNext();
        CTSpacing cs = spacing(caption.getPPr(), 240, STLineSpacingRule.AUTO);
        cs.setBefore(BigInteger.valueOf(120));
        cs.setAfter(BigInteger.valueOf(80));
        caption.getPPr().addNewInd().setFirstLine(BigInteger.ZERO);
        caption.getPPr().addNewJc().setVal(STJc.CENTER);
        offGrid(caption);
        styles.addStyle(new XWPFStyle(caption));

        CTStyle tableText = style("TableText", "Table Text", "Normal", SONG, 10.5f, false);
        spacing(tableText.getPPr(), 260, STLineSpacingRule.AUTO);
        tableText.getPPr().addNewInd().setFirstLine(BigInteger.ZERO);
        tableText.getPPr().addNewJc().setVal(STJc.LEFT);
        offGrid(tableText);
        styles.addStyle(new XWPFStyle(tableText));

        CTStyle footer = style("Footer", "footer", "Normal", SONG, 14, false);
        spacing(footer.getPPr(), 240, STLineSpacingRule.AUTO);
        footer.getPPr().addNewInd().setFirstLine(BigInteger.ZERO);
        offGrid(footer);
        styles.addStyle(new XWPFStyle(footer));
    }

    /** Off the body's 22-line grid (the grid would space a table's small lines 29 pt apart). */
    private static void offGrid(CTStyle style) {
        style.getPPr().addNewSnapToGrid().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.OFF);
    }

    private static CTSpacing spacing(CTPPrGeneral p, int line, STLineSpacingRule.Enum rule) {
        CTSpacing spacing = p.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(line));
        spacing.setLineRule(rule);
        return spacing;
    }

    /** A heading style: 三号, on the body's grid, indented two characters like the body, kept with the next paragraph. */
    private static CTStyle heading(String id, String name, String font, int outlineLevel) {
        CTStyle style = style(id, name, "Normal", font, BODY_SIZE, false);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        style.setUiPriority(priority);
        style.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral paragraph = style.getPPr();
        paragraph.addNewKeepNext();
        CTDecimalNumber level = CTDecimalNumber.Factory.newInstance();
        level.setVal(BigInteger.valueOf(outlineLevel));
        paragraph.setOutlineLvl(level);
        return style;
    }

    private static CTStyle style(String id, String name, String basedOn, String eastAsia, float size, boolean bold) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        if (basedOn != null) {
            CTString base = CTString.Factory.newInstance();
            base.setVal(basedOn);
            style.setBasedOn(base);
        }
        style.addNewPPr();
        CTRPr run = style.addNewRPr();
        run.addNewRFonts().set(fonts(eastAsia));
        if (bold) {
            run.addNewB();
        }
        CTHpsMeasure half = run.addNewSz();
        half.setVal(BigInteger.valueOf(Math.round(size * 2)));
        CTHpsMeasure halfCs = run.addNewSzCs();
        halfCs.setVal(BigInteger.valueOf(Math.round(size * 2)));
        run.addNewLang().setEastAsia("zh-CN");
        return style;
    }

    private static CTFonts fonts(String eastAsia) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(eastAsia);
        return fonts;
    }

    /** Rewrites the package with every entry stamped with the snapshot's time, in the same order. */
    static byte[] normalise(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            rewritten.setLevel(6);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
