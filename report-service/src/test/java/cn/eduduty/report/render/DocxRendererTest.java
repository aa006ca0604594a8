package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;

/** The Word file as Word reads it: page, styles and faces, tables. */
class DocxRendererTest {

    private static final Instant WHEN = Instant.parse("2019-10-15T02:00:00Z");
    private static byte[] docx;

    @BeforeAll
    static void render() throws Exception {
        docx = DocxRenderer.render(SampleDocument.county(), WHEN);
        Path dir = Path.of("target", "render-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve("sample.docx"), docx);
        Files.write(dir.resolve("sample.html"), HtmlRenderer.render(SampleDocument.county()));
    }

    private static XWPFDocument open() throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    @Test
    void pageIsA4WithTheMarginsOfGbT9704() throws Exception {
        try (XWPFDocument doc = open()) {
            var section = doc.getDocument().getBody().getSectPr();
            CTPageSz size = section.getPgSz();
            assertThat(size.getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(size.getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar margins = section.getPgMar();
            // twips: 37 mm, 35 mm, 28 mm, 26 mm
            assertThat(margins.getTop()).isEqualTo(BigInteger.valueOf(2098));
            assertThat(margins.getBottom()).isEqualTo(BigInteger.valueOf(1984));
            assertThat(margins.getLeft()).isEqualTo(BigInteger.valueOf(1587));
            assertThat(margins.getRight()).isEqualTo(BigInteger.valueOf(1474));
            // 22 lines to the 225 mm text block
            assertThat(section.getDocGrid().getLinePitch()).isEqualTo(BigInteger.valueOf(579));
            assertThat(doc.getFooterList()).hasSize(2);
            assertThat(doc.getFooterList().get(0)._getHdrFtr().xmlText()).contains("PAGE", "— ");
        }
    }

    @Test
    void stylesAskForTheFacesThePdfEmbeds() throws Exception {
        try (XWPFDocument doc = open()) {
            var styles = doc.getStyles();
            assertThat(styles.getStyle("Normal").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("宋体");
            assertThat(styles.getStyle("Normal").getCTStyle().getRPr().getRFontsArray(0).getAscii()).isEqualTo("Times New Roman");
            assertThat(styles.getStyle("Normal").getCTStyle().getRPr().getSzArray(0).getVal()).isEqualTo(BigInteger.valueOf(32));
            assertThat(styles.getStyle("Title").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("宋体");
            assertThat(styles.getStyle("Title").getCTStyle().getRPr().sizeOfBArray()).isEqualTo(1);
            assertThat(styles.getStyle("Title").getCTStyle().getRPr().getSzArray(0).getVal()).isEqualTo(BigInteger.valueOf(44));
            assertThat(styles.getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("黑体");
            assertThat(styles.getStyle("Heading2").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("楷体");
            String fontTable = new String(doc.getPackage().getPart(
                    PackagingURIHelper.createPartName("/word/fontTable.xml")).getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fontTable).contains("<w:font w:name=\"宋体\"><w:altName w:val=\"AR PL SungtiL GB\"/>",
                    "<w:font w:name=\"楷体\"><w:altName w:val=\"AR PL KaitiM GB\"/>",
                    "<w:font w:name=\"Times New Roman\"><w:altName w:val=\"Liberation Serif\"/>");
            assertThat(doc.getParagraphs()).anySatisfy(p -> assertThat(p.getStyle()).isEqualTo("Heading1"));
            assertThat(doc.getParagraphs()).filteredOn(p -> p.getText().startsWith("附件")).singleElement()
                    .satisfies(p -> assertThat(p.isPageBreak()).isTrue());
        }
    }

    @Test
    void tablesTakeColumnWidthsFromTheirContentAndRightAlignNumbers() throws Exception {
        try (XWPFDocument doc = open()) {
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(5);
            for (XWPFTable table : tables) {
                var grid = table.getCTTbl().getTblGrid().getGridColList();
                assertThat(grid.stream().mapToInt(g -> ((BigInteger) g.getW()).intValue()).sum()).isEqualTo(DocxRenderer.TEXT_WIDTH);
                assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            }
            // 表3: the result column is just wide enough for 无法判断, the reasons column takes the rest
            XWPFTable rules = tables.get(2);
            var widths = rules.getCTTbl().getTblGrid().getGridColList().stream().mapToInt(g -> ((BigInteger) g.getW()).intValue())
                    .toArray();
            assertThat(widths[1]).isLessThan(widths[0]).isLessThan(widths[2]);
            assertThat(widths[1]).isGreaterThanOrEqualTo((int) ((4 * 10.5 + 2 * Typesetting.CELL_PADDING) * 20));
            XWPFTableCell amount = tables.get(1).getRow(5).getCell(3);
            assertThat(amount.getText()).isEqualTo("990.0145万元");
            assertThat(amount.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(tables.get(1).getRow(1).getCell(0).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        assertThat(DocxRenderer.render(SampleDocument.county(), WHEN)).isEqualTo(docx);
    }
}
