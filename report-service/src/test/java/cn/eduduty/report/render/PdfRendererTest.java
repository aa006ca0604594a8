package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF a reader sees, read back through PDFBox with glyph positions and the ruled cells. */
class PdfRendererTest {

    private static final Instant WHEN = Instant.parse("2019-10-15T02:00:00Z");
    private static byte[] pdf;
    private static PdfInspection inspection;

    @BeforeAll
    static void render() throws IOException {
        pdf = PdfRenderer.render(SampleDocument.county(), WHEN, "sample");
        inspection = PdfInspection.of(pdf);
        // kept for a person to look at: target/render-samples/sample.pdf
        Path dir = Path.of("target", "render-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve("sample.pdf"), pdf);
    }

    @Test
    void noTermInATableCellIsSplitAcrossLines() {
        List<PdfInspection.CellText> cells = inspection.cellTexts();
        assertThat(cells).hasSizeGreaterThan(100);
        for (PdfInspection.CellText cell : cells) {
            String text = cell.text();
            for (String term : Typesetting.TERMS) {
                if (text.contains(term)) {
                    assertThat(cell.lines()).as("cell %s", cell.lines()).anySatisfy(line -> assertThat(line).contains(term));
                }
            }
            if (Typesetting.keepWhole(text) && !isHeader(cell)) {
                assertThat(cell.lines()).as("a short cell or a number stays on one line").hasSize(1);
            }
        }
        assertThat(cells).filteredOn(c -> c.text().equals("无法判断")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cells).filteredOn(c -> c.text().equals("990.0145万元")).isNotEmpty();
    }

    /** Header cells are the ones whose text is a column heading of the sample. */
    private static boolean isHeader(PdfInspection.CellText cell) {
        return SampleDocument.county().blocks().stream().filter(b -> b instanceof Document.Table)
                .anyMatch(b -> ((Document.Table) b).header().contains(cell.text()));
    }

    @Test
    void numbersEndAtTheirCellsRightEdge() {
        List<PdfInspection.CellText> numbers = inspection.cellTexts().stream()
                .filter(c -> !c.glyphs().isEmpty() && Typesetting.numeric(c.text())).toList();
        assertThat(numbers).hasSizeGreaterThan(50);
        for (PdfInspection.CellText cell : numbers) {
            PdfInspection.Glyph last = cell.glyphs().stream().max(Comparator.comparing(PdfInspection.Glyph::right))
                    .orElseThrow();
            float gap = cell.cell().x() + cell.cell().width() - last.right();
            assertThat(gap).as("right gap of %s", cell.text()).isBetween(Typesetting.CELL_PADDING - 1,
                    Typesetting.CELL_PADDING + 1);
        }
        // and text cells start at the left edge
        PdfInspection.CellText text = inspection.cellTexts().stream().filter(c -> c.text().startsWith("小学巩固率")).findFirst()
                .orElseThrow();
        float left = text.glyphs().stream().map(PdfInspection.Glyph::x).min(Float::compare).orElseThrow() - text.cell().x();
        assertThat(left).isBetween(Typesetting.CELL_PADDING - 1, Typesetting.CELL_PADDING + 1);
    }

    @Test
    void nothingRunsOutsideTheTextBlock() {
        assertThat(inspection.outsideTextBlock()).isEmpty();
        assertThat(inspection.cellTexts()).allSatisfy(c -> {
            assertThat(c.cell().x()).isGreaterThanOrEqualTo(PdfRenderer.BLOCK_LEFT - 0.01f);
            assertThat(c.cell().x() + c.cell().width()).isLessThanOrEqualTo(PdfRenderer.BLOCK_LEFT + PdfRenderer.BLOCK_WIDTH + 0.01f);
            assertThat(c.cell().y()).isGreaterThanOrEqualTo(PdfRenderer.BLOCK_BOTTOM - 0.01f);
        });
    }

    @Test
    void pagesAreA4WithTwentyTwoBodyLinesAndNumbersOnTheOuterSide() {
        assertThat(PdfRenderer.PAGE_WIDTH).isEqualTo(595.27563f, Offset.offset(0.01f));
        assertThat(PdfRenderer.BLOCK_LEFT).isEqualTo(28 * PdfRenderer.MM);
        assertThat(PdfRenderer.PAGE_HEIGHT - PdfRenderer.BLOCK_TOP).isEqualTo(37 * PdfRenderer.MM,
                Offset.offset(0.01f));
        // the body's lines are one 22nd of the text block apart
        List<Float> bodyBaselines = inspection.glyphs().stream()
                .filter(g -> g.page() == 1 && g.y() > PdfRenderer.BLOCK_BOTTOM && g.x() < PdfRenderer.BLOCK_LEFT + 1)
                .map(PdfInspection.Glyph::y).distinct().sorted(Comparator.reverseOrder()).toList();
        assertThat(bodyBaselines).hasSizeGreaterThan(3);
        assertThat(bodyBaselines.get(0) - bodyBaselines.get(1)).isEqualTo(PdfRenderer.LINE, Offset.offset(0.1f));
        Map<Integer, String> numbers = inspection.pageNumbers();
        assertThat(numbers).hasSize(inspection.pages());
        assertThat(numbers.get(1)).isEqualTo("— 1 —");
        assertThat(numbers.get(2)).isEqualTo("— 2 —");
        float odd = inspection.glyphs().stream().filter(g -> g.page() == 1 && g.y() < PdfRenderer.BLOCK_BOTTOM - 10)
                .map(PdfInspection.Glyph::right).max(Float::compare).orElseThrow();
        float even = inspection.glyphs().stream().filter(g -> g.page() == 2 && g.y() < PdfRenderer.BLOCK_BOTTOM - 10)
                .map(PdfInspection.Glyph::x).min(Float::compare).orElseThrow();
        assertThat(PdfRenderer.BLOCK_LEFT + PdfRenderer.BLOCK_WIDTH - odd).isEqualTo(PdfRenderer.PAGE_NUMBER,
                Offset.offset(1f));
        assertThat(even - PdfRenderer.BLOCK_LEFT).isEqualTo(PdfRenderer.PAGE_NUMBER, Offset.offset(1f));
    }

    @Test
    void embedsSubsetsOfTheShippedFacesOnly() {
        assertThat(inspection.fonts()).allSatisfy((name, embedded) -> {
            assertThat(embedded).as(name).isTrue();
            assertThat(name).matches("[A-Z]{6}\\+.+");
        });
        assertThat(inspection.fonts().keySet().stream().map(n -> n.substring(7)).distinct())
                .containsExactlyInAnyOrder("BousungEG-Light-GB", "GBZenKai-Medium", "DroidSansFallback", "LiberationSerif");
        // subsets: the whole document is far smaller than the 14 MB of shipped faces
        assertThat(pdf.length).isLessThan(600_000);
    }

    @Test
    void aRowTallerThanAPageContinuesOnTheNextPageUnderARepeatedHeader() {
        String long_ = "本县持续推进义务教育优质均衡发展，".repeat(150);
        Document document = new Document("标题", "2019年度", List.of(Document.Paragraph.of("正文。"),
                new Document.Table("附表2 一致性校验发现的问题", List.of("级别", "说明", "数值"),
                        List.of(List.of("错误", long_, "0.52%"), List.of("提示", "短句。", "1.36:1")))));
        PdfInspection tall = PdfInspection.of(PdfRenderer.render(document, WHEN, "tall"));
        assertThat(tall.pages()).isGreaterThan(1);
        assertThat(tall.outsideTextBlock()).isEmpty();
        String text = tall.glyphs().stream().filter(g -> g.y() > PdfRenderer.BLOCK_BOTTOM).map(PdfInspection.Glyph::text)
                .reduce("", String::concat);
        assertThat(text.replace("说明", "").replace("级别", "").replace("数值", "")).contains("短句。");
        assertThat(tall.cellTexts()).filteredOn(c -> c.text().equals("说明")).hasSize(tall.pages());
    }

    @Test
    void everyHeadingIsABookmark() throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            List<String> chapters = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(i -> chapters.add(i.getTitle()));
            assertThat(chapters).containsExactly("一、自查情况", "二、主要做法及成效", "三、经典做法", "四、存在的问题及改进措施",
                    "附件：数据说明与一致性校验");
            List<String> sections = new ArrayList<>();
            for (var chapter : document.getDocumentCatalog().getDocumentOutline().children()) {
                chapter.children().forEach(i -> sections.add(i.getTitle()));
            }
            assertThat(sections).containsExactly("（一）教育公平与质量", "（二）主要指标年度对比", "（一）存在的问题", "（二）改进措施");
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        assertThat(PdfRenderer.render(SampleDocument.county(), WHEN, "sample")).isEqualTo(pdf);
    }

    @Test
    void theTextReadsInOrderAndTheAttachmentStartsANewPage() {
        String firstPage = inspection.glyphs().stream().filter(g -> g.page() == 1 && g.y() > PdfRenderer.BLOCK_BOTTOM)
                .map(PdfInspection.Glyph::text)
                .reduce("", String::concat);
        assertThat(firstPage).startsWith("测试县人民政府关于2019年度履行教育职责情况的自评报告".substring(0, 10));
        int annex = inspection.glyphs().stream().filter(g -> g.text().equals("附")).filter(g -> g.x() < PdfRenderer.BLOCK_LEFT + 40)
                .mapToInt(PdfInspection.Glyph::page).findFirst().orElseThrow();
        float top = inspection.glyphs().stream().filter(g -> g.page() == annex && g.y() > PdfRenderer.BLOCK_BOTTOM)
                .map(PdfInspection.Glyph::y).max(Float::compare).orElseThrow();
        assertThat(top).isGreaterThan(PdfRenderer.BLOCK_TOP - PdfRenderer.LINE);
    }
}
