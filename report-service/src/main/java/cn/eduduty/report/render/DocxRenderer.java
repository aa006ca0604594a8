package cn.eduduty.report.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document as a county office would type it: A4 with 公文 margins, the title centred in
 * 小标宋 二号, body in 仿宋_GB2312 三号 with two-character first-line indent, level-1 headings in
 * 黑体 and level-2 in 楷体 using real "heading 1/2" styles (so Word's navigation pane and table of
 * contents see them), ruled tables with a repeated header row, the signature right-aligned.
 * The package's timestamps are the snapshot's, so the same snapshot gives the same bytes.
 */
public final class DocxRenderer {

    private static final String BODY_FONT = "仿宋_GB2312";
    private static final int BODY_SIZE = 16;
    private static final int TABLE_SIZE = 10;

    private DocxRenderer() {
    }

    public static byte[] render(Document document, Instant generatedAt) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            headingStyle(styles, "Heading1", "heading 1", 0);
            headingStyle(styles, "Heading2", "heading 2", 1);
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, document.title(), "方正小标宋简体", 22, false);
            XWPFParagraph subtitle = doc.createParagraph();
            subtitle.setAlignment(ParagraphAlignment.CENTER);
            run(subtitle, document.subtitle(), "楷体_GB2312", BODY_SIZE, false);
            for (Document.Block block : document.blocks()) {
                if (block instanceof Document.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle(h.level() == 1 ? "Heading1" : "Heading2");
                    p.setIndentationFirstLine(BODY_SIZE * 40);
                    run(p, h.text(), h.level() == 1 ? "黑体" : "楷体_GB2312", BODY_SIZE, h.level() == 2);
                } else if (block instanceof Document.Paragraph para) {
                    XWPFParagraph p = doc.createParagraph();
                    if (para.right()) {
                        p.setAlignment(ParagraphAlignment.RIGHT);
                    } else {
                        p.setAlignment(ParagraphAlignment.BOTH);
                        p.setIndentationFirstLine(BODY_SIZE * 40);
                    }
                    run(p, para.text(), BODY_FONT, BODY_SIZE, false);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1587));
        margins.setRight(BigInteger.valueOf(1474));
    }

    private static void table(XWPFDocument doc, Document.Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        run(caption, t.caption(), "黑体", 12, false);
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        fill(table.getRow(0), t.header(), true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            if (header) {
                p.setAlignment(ParagraphAlignment.CENTER);
            }
            run(p, cells.get(c), BODY_FONT, TABLE_SIZE, header);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
    }

    private static void headingStyle(XWPFStyles styles, String id, String name, int outlineLevel) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        CTString basedOn = CTString.Factory.newInstance();
        basedOn.setVal("Normal");
        style.setBasedOn(basedOn);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        style.setUiPriority(priority);
        style.setQFormat(CTOnOff.Factory.newInstance());
        CTPPrGeneral paragraph = style.addNewPPr();
        CTDecimalNumber level = CTDecimalNumber.Factory.newInstance();
        level.setVal(BigInteger.valueOf(outlineLevel));
        paragraph.setOutlineLvl(level);
        paragraph.addNewKeepNext();
        XWPFStyle xwpfStyle = new XWPFStyle(style);
        xwpfStyle.setType(STStyleType.PARAGRAPH);
        styles.addStyle(xwpfStyle);
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
