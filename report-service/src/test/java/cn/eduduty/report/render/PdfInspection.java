package cn.eduduty.report.render;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a rendered PDF looks like, read back through PDFBox: every glyph with its page and position,
 * every ruled table cell, and the embedded fonts. Tests use it to assert what a reader would see:
 * that no term in a table cell is split across lines, that nothing runs outside the text block,
 * that numbers end at their cell's right edge.
 */
public final class PdfInspection {

    /** A glyph: page (1-based), left x, baseline y (from the page's bottom), advance width, text. */
    public record Glyph(int page, float x, float y, float width, String text) {
        float right() {
            return x + width;
        }
    }

    /** A ruled cell on a page, in points from the page's bottom left. */
    public record Cell(int page, float x, float y, float width, float height) {
        boolean contains(Glyph g) {
            float cx = g.x() + g.width() / 2;
            return g.page() == page && cx > x && cx < x + width && g.y() > y && g.y() < y + height;
        }
    }

    /** A cell's text, one string per line, with its glyphs. */
    public record CellText(Cell cell, List<String> lines, List<Glyph> glyphs) {
        public String text() {
            return String.join("", lines);
        }
    }

    private final List<Glyph> glyphs = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    private final Map<String, Boolean> fonts = new LinkedHashMap<>();
    private final int pages;

    private PdfInspection(PDDocument pdf) throws IOException {
        pages = pdf.getNumberOfPages();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(new Glyph(getCurrentPageNo(), text.getXDirAdj(), text.getPageHeight() - text.getYDirAdj(),
                        text.getWidthDirAdj(), text.getUnicode()));
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(pdf);
        int pageNo = 0;
        for (PDPage page : pdf.getPages()) {
            pageNo++;
            new Rectangles(page, pageNo).processPage(page);
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.put(font.getName(), font.isEmbedded());
            }
        }
    }

    public static PdfInspection of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfInspection(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int pages() {
        return pages;
    }

    public List<Glyph> glyphs() {
        return glyphs;
    }

    /** Font names as embedded (a subset's name starts with a six-letter tag and +), and whether each is embedded. */
    public Map<String, Boolean> fonts() {
        return fonts;
    }

    /** Every ruled cell with the text inside it, line by line (top to bottom). */
    public List<CellText> cellTexts() {
        List<CellText> out = new ArrayList<>();
        for (Cell cell : cells) {
            List<Glyph> inside = glyphs.stream().filter(cell::contains).toList();
            TreeSet<Float> baselines = new TreeSet<>(Comparator.reverseOrder());
            inside.forEach(g -> baselines.add(Math.round(g.y() * 2) / 2f));
            List<String> lines = new ArrayList<>();
            for (float baseline : baselines) {
                StringBuilder line = new StringBuilder();
                inside.stream().filter(g -> Math.round(g.y() * 2) / 2f == baseline).sorted(Comparator.comparing(Glyph::x))
                        .forEach(g -> line.append(g.text()));
                lines.add(line.toString());
            }
            out.add(new CellText(cell, lines, inside));
        }
        return out;
    }

    /** Glyphs of the text (not the page numbers) that lie outside the text block. */
    public List<Glyph> outsideTextBlock() {
        float left = PdfRenderer.BLOCK_LEFT - 0.5f;
        float right = PdfRenderer.BLOCK_LEFT + PdfRenderer.BLOCK_WIDTH + 0.5f;
        return glyphs.stream().filter(g -> g.y() > PdfRenderer.BLOCK_BOTTOM - 5 * PdfRenderer.MM)
                .filter(g -> g.x() < left || g.right() > right || g.y() > PdfRenderer.BLOCK_TOP
                        || g.y() < PdfRenderer.BLOCK_BOTTOM)
                .toList();
    }

    /** The text below the text block on each page (its page number), by page. */
    public Map<Integer, String> pageNumbers() {
        Map<Integer, String> numbers = new LinkedHashMap<>();
        glyphs.stream().filter(g -> g.y() < PdfRenderer.BLOCK_BOTTOM - 5 * PdfRenderer.MM).sorted(Comparator.comparing(Glyph::x))
                .forEach(g -> numbers.merge(g.page(), g.text(), String::concat));
        return numbers;
    }

    /** Collects the rectangles a page's content stream appends: the table's ruled cells. */
    private final class Rectangles extends PDFGraphicsStreamEngine {
        private final int pageNo;

        Rectangles(PDPage page, int pageNo) {
            super(page);
            this.pageNo = pageNo;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            float x = (float) Math.min(p0.getX(), p2.getX());
            float y = (float) Math.min(p0.getY(), p2.getY());
            cells.add(new Cell(pageNo, x, y, (float) Math.abs(p2.getX() - p0.getX()), (float) Math.abs(p2.getY() - p0.getY())));
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
