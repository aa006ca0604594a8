package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import cn.eduduty.report.Golden;
import cn.eduduty.report.snapshot.GoldenReports;
import cn.eduduty.report.snapshot.ReportContent;

/**
 * Every renderer's output for the fixed county report of {@link GoldenReports}: the Markdown and
 * HTML text as written, the Word file's text as Apache POI reads it back, the PDF's text as PDFBox
 * extracts it (so layout that moves words between lines or pages shows as a diff), the Excel
 * annex's cells as Excel shows them (with their number formats applied), a sheet after another,
 * a row a line, cells separated by tabs, a note after its cell in brackets. Rewrite with
 * {@code -Dgolden.update=true}.
 */
class RendererGoldenTest {

    private static final ReportContent REPORT = GoldenReports.county();
    private static final String KEY = "golden-document-key";

    @Test
    void markdownIsTheGoldenText() {
        Golden.assertMatches("render/county.md", text(MarkdownRenderer.render(REPORT.document())));
    }

    /**
     * The page's own stylesheet, a constant of {@link HtmlRenderer}, is checked to be there, inline,
     * and left out of the golden text (which would only repeat it).
     */
    @Test
    void htmlIsTheGoldenText() {
        String html = text(HtmlRenderer.render(REPORT.document()));
        String style = "<style>\n" + HtmlRenderer.STYLE + "</style>\n";
        assertThat(html).contains(style);
        Golden.assertMatches("render/county.html",
                html.replace(style, "<style>\n/* HtmlRenderer.STYLE, left out of the golden text */\n</style>\n"));
    }

    @Test
    void docxReadsBackAsTheGoldenText() throws IOException {
        byte[] docx = DocxRenderer.render(REPORT.document(), REPORT.generatedAt());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            Golden.assertMatches("render/county.docx.txt", extractor.getText());
        }
    }

    @Test
    void pdfExtractsAsTheGoldenText() throws IOException {
        byte[] pdf = PdfRenderer.render(REPORT.document(), REPORT.generatedAt(), KEY);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            Golden.assertMatches("render/county.pdf.txt", stripper.getText(doc));
        }
    }

    @Test
    void xlsxReadsBackAsTheGoldenCells() throws IOException {
        DataFormatter shown = new DataFormatter();
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(XlsxRenderer.render(REPORT)))) {
            for (Sheet sheet : book) {
                text.append("== ").append(sheet.getSheetName()).append(" ==\n");
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    for (Cell cell : row) {
                        if (cell.getColumnIndex() > 0) {
                            line.append('\t');
                        }
                        line.append(shown.formatCellValue(cell));
                        if (cell.getCellComment() != null) {
                            line.append(" [").append(cell.getCellComment().getString().getString()).append(']');
                        }
                    }
                    text.append(line).append('\n');
                }
            }
        }
        Golden.assertMatches("render/county.xlsx.txt", text.toString());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
