package cn.eduduty.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * An A4 PDF laid out as GB/T 9704-2012 lays out a 公文: top margin 37 mm, left margin 28 mm, a text
 * block of 156 × 225 mm with 22 lines of 三号 (16 pt) text; the title in 二号 (22 pt) bold Song,
 * centred; the body in Song with a two-character first-line indent, justified, never starting a
 * line with closing punctuation nor ending one with opening punctuation; 一、 headings in a 黑体-like
 * sans, （一） headings in 楷体; the signature block two characters from the right; page numbers
 * "— 1 —" in 四号 below the text block, odd pages on the right and even pages on the left; an
 * attachment (a level-1 heading starting 附件) on a new page. Tables size their columns from their
 * content ({@link Typesetting#tableLayout}), never break a short cell, a number or a rating term,
 * right-align numbers and repeat their header on a new page.
 *
 * <p>The faces are shipped in the service and embedded as subsets (see {@code fonts/README.md}):
 * AR PL SungtiL GB (Song), AR PL KaitiM GB (Kai), Droid Sans Fallback (sans, and Chinese beyond
 * GB2312), Liberation Serif (digits and Latin). Song has no bold: bold is drawn with the fill and
 * stroke text render mode. Every heading is a bookmark. Document id, dates and producer come from
 * the snapshot, so the same snapshot gives the same bytes.
 */
public final class PdfRenderer {

    static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    /** The text block (版心): its left edge, top edge, width and height, in points from the page's bottom left. */
    static final float BLOCK_LEFT = 28 * MM;
    static final float BLOCK_TOP = PAGE_HEIGHT - 37 * MM;
    static final float BLOCK_WIDTH = 156 * MM;
    static final float BLOCK_HEIGHT = 225 * MM;
    static final float BLOCK_BOTTOM = BLOCK_TOP - BLOCK_HEIGHT;
    /** 22 lines to the page. */
    static final float LINE = BLOCK_HEIGHT / 22;
    static final float BODY = 16;
    static final float TITLE = 22;
    static final float PAGE_NUMBER = 14;
    static final float CAPTION = 14;
    /** Line pitch inside table cells, as a multiple of the table's size. */
    static final float CELL_LEADING = 1.35f;
    static final float CELL_PADDING_V = 3;

    /** The shipped faces, in the order their files are named in {@code fonts/README.md}. */
    enum Face {
        SONG("gbsn00lp.ttf"), KAI("gkai00mp.ttf"), SANS("DroidSansFallbackFull.ttf"), LATIN("LiberationSerif-Regular.ttf");

        final String file;
        final byte[] bytes;

        Face(String file) {
            this.file = file;
            this.bytes = loadFont(file);
        }
    }

    /** Plain stand-ins for the few characters no shipped face has. */
    private static final Map<Integer, String> FALLBACK = Map.of((int) '✓', "√", (int) '✗', "×", (int) '\u00A0', " ");

    private PdfRenderer() {
    }

    /**
     * Parsed faces, reused: parsing four CJK fonts (14 MB) for every document cost most of a render.
     * A set is used by one render at a time (a parsed font is not meant to be shared between threads)
     * and there are at most as many sets as processors, so memory stays bounded; a render waits for a
     * free set rather than parse another.
     */
    private static final int SETS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final BlockingQueue<Map<Face, TrueTypeFont>> FREE =
            new ArrayBlockingQueue<>(SETS);
    private static final AtomicInteger PARSED = new AtomicInteger();

    private static Map<Face, TrueTypeFont> borrowFaces() throws IOException {
        Map<Face, TrueTypeFont> faces = FREE.poll();
        if (faces != null) {
            return faces;
        }
        if (PARSED.incrementAndGet() <= SETS) {
            try {
                faces = new EnumMap<>(Face.class);
                for (Face face : Face.values()) {
                    faces.put(face, new TTFParser()
                            .parse(new RandomAccessReadBuffer(face.bytes)));
                }
                return faces;
            } catch (IOException | RuntimeException | Error e) {
                PARSED.decrementAndGet(); // a set that was never made does not count against the pool
                throw e;
            }
        }
        PARSED.decrementAndGet();
        try {
            faces = FREE.poll(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the PDF fonts", e);
        }
        if (faces == null) {
            throw new IOException("no PDF font set became free within two minutes");
        }
        return faces;
    }

    public static byte[] render(Document document, Instant generatedAt, String documentKey) {
        Map<Face, TrueTypeFont> faces;
        try {
            faces = borrowFaces();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return render(document, generatedAt, documentKey, faces);
        } finally {
            FREE.offer(faces);
        }
    }

    private static byte[] render(Document document, Instant generatedAt, String documentKey,
            Map<Face, TrueTypeFont> faces) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
            for (Face face : Face.values()) {
                // the document subsets the font when it is saved and does not close the parsed face
                fonts.put(face, PDType0Font.load(doc, faces.get(face), true));
            }
            Layout layout = new Layout(doc, fonts);
            layout.title(document.title());
            layout.subtitle(document.subtitle());
            List<Document.Block> blocks = document.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Document.Block block = blocks.get(i);
                if (block instanceof Document.Heading h) {
                    layout.heading(h.level(), h.text());
                } else if (block instanceof Document.Paragraph p && p.right()) {
                    List<String> signature = Typesetting.signature(blocks, i);
                    i += signature.size() - 1;
                    layout.signature(signature);
                } else if (block instanceof Document.Paragraph p) {
                    layout.paragraph(p.text());
                } else if (block instanceof Document.Table t) {
                    layout.table(t);
                }
            }
            layout.finish();
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(generatedAt.toEpochMilli());
            info.setTitle(document.title());
            info.setCreator("eduduty report-service");
            info.setProducer("eduduty report-service (Apache PDFBox)");
            info.setCreationDate(when);
            info.setModificationDate(when);
            doc.setDocumentId(documentKey.hashCode() & 0xffffffffL);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] loadFont(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fonts/" + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A top-to-bottom page filler. */
    private static final class Layout {

        private final PDDocument doc;
        private final Map<Face, PDType0Font> fonts;
        /** Per primary face: the face that draws a code point, or null if none has it. */
        private final Map<Face, Map<Integer, Face>> faceOf = new EnumMap<>(Face.class);
        /** Per face: advance widths in thousandths of the size. */
        private final Map<Face, Map<Integer, Float>> advance = new EnumMap<>(Face.class);
        private PDPageContentStream content;
        private PDPage page;
        /** Bookmarks: one per heading, （一） under its 一、. */
        private final PDDocumentOutline outline = new PDDocumentOutline();
        private PDOutlineItem chapter;
        /** The top of the next line. */
        private float y;
        private int pageNo;
        private float charSpacing;
        private boolean bold;

        Layout(PDDocument doc, Map<Face, PDType0Font> fonts) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            doc.getDocumentCatalog().setDocumentOutline(outline);
            doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            for (Face face : Face.values()) {
                faceOf.put(face, new HashMap<>());
                advance.put(face, new HashMap<>());
            }
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            charSpacing = 0;
            bold = false;
            pageNo++;
            // 四号 Song, 7 mm below the text block; odd pages one character in from the right, even from the left
            String number = clean("— " + pageNo + " —", Face.SONG);
            float w = width(number, Face.SONG, PAGE_NUMBER);
            float x = pageNo % 2 == 1 ? BLOCK_LEFT + BLOCK_WIDTH - PAGE_NUMBER - w : BLOCK_LEFT + PAGE_NUMBER;
            text(number, Face.SONG, PAGE_NUMBER, x, BLOCK_BOTTOM - 7 * MM - 0.88f * PAGE_NUMBER, 0, false);
            y = BLOCK_TOP;
        }

        void finish() throws IOException {
            content.close();
        }

        boolean atTop() {
            return y >= BLOCK_TOP - 0.01f;
        }

        void ensure(float height) throws IOException {
            if (y - height < BLOCK_BOTTOM - 0.01f && !atTop()) {
                newPage();
            }
        }

        /** The baseline that centres a line of {@code size} in a line of {@code pitch} whose top is {@code top}. */
        static float baseline(float top, float pitch, float size) {
            return top - pitch + (pitch - size) / 2 + 0.12f * size;
        }

        void title(String title) throws IOException {
            float pitch = TITLE * 1.5f;
            for (String line : Typesetting.balancedWrap(Typesetting.tokens(clean(title, Face.SONG), false), BLOCK_WIDTH,
                    t -> width(t, Face.SONG, TITLE))) {
                ensure(pitch);
                text(line, Face.SONG, TITLE, BLOCK_LEFT + (BLOCK_WIDTH - width(line, Face.SONG, TITLE)) / 2,
                        baseline(y, pitch, TITLE), 0, true);
                y -= pitch;
            }
        }

        void subtitle(String subtitle) throws IOException {
            if (!subtitle.isBlank()) {
                centred(subtitle, Face.KAI, BODY);
            }
            y -= LINE;
        }

        private void centred(String text, Face face, float size) throws IOException {
            for (String line : wrap(Typesetting.tokens(clean(text, face), false), face, size, BLOCK_WIDTH, 0)) {
                ensure(LINE);
                text(line, face, size, BLOCK_LEFT + (BLOCK_WIDTH - width(line, face, size)) / 2, baseline(y, LINE, size), 0,
                        false);
                y -= LINE;
            }
        }

        void heading(int level, String text) throws IOException {
            Face face = level == 1 ? Face.SANS : Face.KAI;
            if (level == 1 && text.startsWith("附件") && !atTop()) {
                newPage();
            }
            // a heading keeps at least one line of what follows on its page
            ensure(2 * LINE);
            bookmark(level, text);
            lines(clean(text, face), face, false);
        }

        private void bookmark(int level, String title) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(title);
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(page);
            destination.setLeft(0);
            destination.setTop(Math.round(y + LINE / 2));
            item.setDestination(destination);
            if (level == 1 || chapter == null) {
                outline.addLast(item);
                chapter = item;
            } else {
                chapter.addLast(item);
            }
        }

        void paragraph(String text) throws IOException {
            if (text.isBlank()) {
                if (!atTop()) {
                    y -= LINE;
                }
                return;
            }
            lines(clean(text, Face.SONG), Face.SONG, true);
        }

        /** Body-size lines on the grid with a two-character first-line indent; {@code justify} spreads all but the last. */
        private void lines(String text, Face face, boolean justify) throws IOException {
            float indent = 2 * BODY;
            List<String> lines = wrap(Typesetting.tokens(text, false), face, BODY, BLOCK_WIDTH, indent);
            for (int i = 0; i < lines.size(); i++) {
                ensure(LINE);
                String line = lines.get(i);
                float x = BLOCK_LEFT + (i == 0 ? indent : 0);
                float spacing = 0;
                int glyphs = line.codePointCount(0, line.length());
                if (justify && i < lines.size() - 1 && glyphs > 1) {
                    float slack = BLOCK_LEFT + BLOCK_WIDTH - x - width(line, face, BODY);
                    spacing = slack > 0 && slack < 2 * BODY ? slack / (glyphs - 1) : 0;
                }
                text(line, face, BODY, x, baseline(y, LINE, BODY), spacing, false);
                y -= LINE;
            }
        }

        /** The authority (one or more lines) and the date below it, placed as GB/T 9704 places them. */
        void signature(List<String> lines) throws IOException {
            List<String> cleaned = lines.stream().map(l -> clean(l, Face.SONG)).toList();
            double[] indents = Typesetting.signatureRightIndents(cleaned, BODY, s -> width(s, Face.SONG, BODY));
            ensure(LINE * cleaned.size());
            for (int i = 0; i < cleaned.size(); i++) {
                String line = cleaned.get(i);
                float x = (float) (BLOCK_LEFT + BLOCK_WIDTH - indents[i] - width(line, Face.SONG, BODY));
                text(line, Face.SONG, BODY, Math.max(BLOCK_LEFT, x), baseline(y, LINE, BODY), 0, false);
                y -= LINE;
            }
        }

        void table(Document.Table table) throws IOException {
            Typesetting.TableLayout layout = Typesetting.tableLayout(table, BLOCK_WIDTH,
                    (text, size) -> width(clean(text, Face.SONG), Face.SONG, size));
            float size = layout.size();
            float[] widths = new float[layout.widths().length];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = (float) layout.widths()[c];
            }
            List<String> caption = wrap(Typesetting.tokens(clean(table.caption(), Face.SANS), false), Face.SANS, CAPTION,
                    BLOCK_WIDTH, 0);
            float captionHeight = caption.size() * CAPTION * 1.6f + 4;
            // the caption stays with the header and the first row (or its first three lines, if it is taller)
            float first = rowHeight(table.header(), widths, size, true) + (table.rows().isEmpty() ? 0
                    : Math.min(rowHeight(table.rows().get(0), widths, size, false), 3 * size * CELL_LEADING + 2 * CELL_PADDING_V));
            if (!atTop()) {
                y -= LINE / 4;
            }
            ensure(captionHeight + first);
            for (String line : caption) {
                float pitch = CAPTION * 1.6f;
                text(line, Face.SANS, CAPTION, BLOCK_LEFT + (BLOCK_WIDTH - width(line, Face.SANS, CAPTION)) / 2,
                        baseline(y, pitch, CAPTION), 0, false);
                y -= pitch;
            }
            y -= 4;
            List<List<String>> header = linesOf(table.header(), widths, size, true);
            float headerHeight = height(header, size);
            draw(header, table.header(), widths, size, true);
            float pitch = size * CELL_LEADING;
            for (List<String> row : table.rows()) {
                List<List<String>> lines = linesOf(row, widths, size, false);
                while (true) {
                    float room = y - BLOCK_BOTTOM;
                    float height = height(lines, size);
                    if (height <= room + 0.01f) {
                        draw(lines, row, widths, size, false);
                        break;
                    }
                    int fit = (int) Math.floor((room - 2 * CELL_PADDING_V) / pitch);
                    if (height <= BLOCK_HEIGHT - headerHeight || fit < 2) {
                        // the row fits on a fresh page, or too little of it fits here: it moves on whole
                        newPage();
                        draw(header, table.header(), widths, size, true);
                        continue;
                    }
                    // taller than a page: as many of its lines as fit here, the rest on the next page
                    List<List<String>> here = new ArrayList<>();
                    List<List<String>> rest = new ArrayList<>();
                    for (List<String> cell : lines) {
                        here.add(cell.subList(0, Math.min(fit, cell.size())));
                        rest.add(cell.subList(Math.min(fit, cell.size()), cell.size()));
                    }
                    draw(here, row, widths, size, false);
                    lines = rest;
                    newPage();
                    draw(header, table.header(), widths, size, true);
                }
            }
            y -= LINE / 2;
        }

        private List<String> cellLines(String cell, float width, float size, boolean header) {
            String text = clean(cell, Face.SONG);
            if (header) {
                return Typesetting.balancedWrap(Typesetting.headerTokens(text), width - 2 * Typesetting.CELL_PADDING,
                        t -> width(t, Face.SONG, size));
            }
            return wrap(Typesetting.cellTokens(text), Face.SONG, size, width - 2 * Typesetting.CELL_PADDING, 0);
        }

        private List<List<String>> linesOf(List<String> row, float[] widths, float size, boolean header) {
            List<List<String>> lines = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                lines.add(cellLines(row.get(c), widths[c], size, header));
            }
            return lines;
        }

        private float rowHeight(List<String> row, float[] widths, float size, boolean header) {
            return height(linesOf(row, widths, size, header), size);
        }

        private static float height(List<List<String>> lines, float size) {
            int most = 1;
            for (List<String> cell : lines) {
                most = Math.max(most, cell.size());
            }
            return most * size * CELL_LEADING + 2 * CELL_PADDING_V;
        }

        /** A row of ruled cells at {@code y}; {@code texts} are the cells' whole texts (numbers are right-aligned). */
        private void draw(List<List<String>> cells, List<String> texts, float[] widths, float size, boolean header)
                throws IOException {
            float height = height(cells, size);
            float top = y;
            content.setLineWidth(0.5f);
            float x = BLOCK_LEFT;
            for (int c = 0; c < cells.size(); c++) {
                content.addRect(x, top - height, widths[c], height);
                x += widths[c];
            }
            content.stroke();
            x = BLOCK_LEFT;
            float pitch = size * CELL_LEADING;
            for (int c = 0; c < cells.size(); c++) {
                List<String> lines = cells.get(c);
                boolean number = !header && Typesetting.numeric(texts.get(c));
                float lineTop = top - (height - lines.size() * pitch) / 2;
                for (String line : lines) {
                    float w = width(line, Face.SONG, size);
                    float left = header ? x + (widths[c] - w) / 2
                            : number ? x + widths[c] - Typesetting.CELL_PADDING - w
                                    : x + Typesetting.CELL_PADDING;
                    text(line, Face.SONG, size, left, baseline(lineTop, pitch, size), 0, header);
                    lineTop -= pitch;
                }
                x += widths[c];
            }
            y = top - height;
        }

        private List<String> wrap(List<String> tokens, Face face, float size, float max, float firstIndent) {
            return Typesetting.wrap(tokens, max, firstIndent, t -> width(t, face, size));
        }

        private void text(String text, Face face, float size, float x, float atY, float spacing, boolean strong)
                throws IOException {
            if (text.isEmpty()) {
                return;
            }
            if (strong) {
                content.setLineWidth(size * 0.03f);
            }
            content.beginText();
            if (spacing != charSpacing) {
                content.setCharacterSpacing(spacing);
                charSpacing = spacing;
            }
            if (strong != bold) {
                content.setRenderingMode(strong ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                bold = strong;
            }
            content.newLineAtOffset(x, atY);
            for (Run run : runs(text, face)) {
                content.setFont(fonts.get(run.face()), size);
                content.showText(run.text());
            }
            content.endText();
        }

        /** The width of cleaned text at a size, without character spacing. */
        private float width(String text, Face face, float size) {
            float units = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                Face drawn = faceOf(cp, face);
                units += advance(drawn == null ? face : drawn, cp);
            }
            return units / 1000 * size;
        }

        private float advance(Face face, int cp) {
            return advance.get(face).computeIfAbsent(cp, c -> {
                try {
                    return fonts.get(face).getStringWidth(new String(Character.toChars(c)));
                } catch (IOException | IllegalArgumentException e) {
                    return 0f;
                }
            });
        }

        private record Run(Face face, String text) {
        }

        /** The text cut where the drawing face changes; {@code text} has been {@link #clean cleaned}. */
        private List<Run> runs(String text, Face primary) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            Face currentFace = null;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                Face f = faceOf(cp, primary);
                if (f != currentFace && current.length() > 0) {
                    runs.add(new Run(currentFace, current.toString()));
                    current.setLength(0);
                }
                currentFace = f;
                current.appendCodePoint(cp);
            }
            if (current.length() > 0) {
                runs.add(new Run(currentFace, current.toString()));
            }
            return runs;
        }

        /** Replaces characters no face has (and control characters) so nothing is lost silently as a box. */
        private String clean(String text, Face primary) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\t') {
                    out.append(' ');
                } else if (Character.isISOControl(cp)) {
                    return;
                } else if (faceOf(cp, primary) != null) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(FALLBACK.getOrDefault(cp, "?"));
                }
            });
            return out.toString();
        }

        /**
         * The face that draws a character in text set in {@code primary}: Latin (below U+2000, but
         * the middle dot) in Liberation Serif first, everything else in the primary face first; then
         * Song, Liberation Serif and Droid Sans Fallback. Null if none has it.
         */
        private Face faceOf(int cp, Face primary) {
            return faceOf.get(primary).computeIfAbsent(cp, c -> {
                List<Face> order = c < 0x2000 && c != 0xB7 ? List.of(Face.LATIN, primary, Face.SONG, Face.SANS)
                        : List.of(primary, Face.SONG, Face.LATIN, Face.SANS);
                String s = new String(Character.toChars(c));
                for (Face face : order) {
                    try {
                        fonts.get(face).encode(s);
                        return face;
                    } catch (IOException | IllegalArgumentException e) {
                        // not in this face: try the next
                    }
                }
                return null;
            });
        }
    }
}
