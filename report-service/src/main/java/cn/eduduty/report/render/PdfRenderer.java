package cn.eduduty.report.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 PDF with the report's Chinese text in an embedded subset of Droid Sans Fallback and its digits,
 * Latin letters and symbols in an embedded subset of DejaVu Sans (both shipped in the service, see
 * {@code fonts/README.md}), so it reads the same on any viewer without system fonts: centred
 * title, a red rule, headings, justified-by-character paragraphs with first-line indent, ruled
 * tables that repeat their header on a new page, page numbers. Document id, dates and producer
 * come from the snapshot, so the same snapshot gives the same bytes.
 */
public final class PdfRenderer {

    private static final byte[] CJK_FONT = loadFont("DroidSansFallbackFull.ttf");
    private static final byte[] LATIN_FONT = loadFont("DejaVuSans.ttf");
    /** Plain stand-ins for the few typographic characters the font lacks. */
    private static final Map<Integer, String> FALLBACK = Map.of((int) '—', "-", (int) '–', "-", (int) '≥', ">=",
            (int) '≤', "<=", (int) '−', "-", (int) '…', "...", (int) '·', ".");
    private static final float MARGIN_LEFT = 79;
    private static final float MARGIN_RIGHT = 74;
    private static final float MARGIN_TOP = 99;
    private static final float MARGIN_BOTTOM = 85;
    private static final float BODY = 12;
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’%％,.;:?!)]";
    private static final float TABLE = 8.5f;

    private PdfRenderer() {
    }

    public static byte[] render(Document document, Instant generatedAt, String documentKey) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Layout layout = new Layout(doc, PDType0Font.load(doc, new ByteArrayInputStream(LATIN_FONT), true),
                    PDType0Font.load(doc, new ByteArrayInputStream(CJK_FONT), true));
            layout.centred(document.title(), 20, 30);
            layout.centred(document.subtitle(), BODY, 20);
            layout.rule();
            for (Document.Block block : document.blocks()) {
                if (block instanceof Document.Heading h) {
                    layout.heading(h.text(), h.level() == 1 ? 14 : 12.5f);
                } else if (block instanceof Document.Paragraph p) {
                    layout.paragraph(p.text(), BODY, p.right());
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
        /** The fonts in order of preference; a character is drawn with the first that has it. */
        private final List<PDType0Font> fonts;
        private final Map<Integer, Integer> fontOf = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
        private PDPageContentStream content;
        private float y;
        private int pageNo;

        Layout(PDDocument doc, PDType0Font latin, PDType0Font cjk) throws IOException {
            this.doc = doc;
            this.fonts = List.of(latin, cjk);
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            pageNo++;
            String number = clean("— " + pageNo + " —");
            text(number, 9, (PDRectangle.A4.getWidth() - textWidth(number, 9)) / 2, MARGIN_BOTTOM / 2);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        void finish() throws IOException {
            content.close();
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM) {
                newPage();
            }
        }

        void centred(String text, float size, float leading) throws IOException {
            for (String line : wrap(clean(text), size, width, 0)) {
                ensure(leading);
                y -= leading;
                text(line, size, MARGIN_LEFT + (width - textWidth(line, size)) / 2, y);
            }
        }

        void rule() throws IOException {
            y -= 8;
            content.setStrokingColor(0.8f, 0f, 0f);
            content.setLineWidth(1.5f);
            content.moveTo(MARGIN_LEFT, y);
            content.lineTo(MARGIN_LEFT + width, y);
            content.stroke();
            content.setStrokingColor(0f, 0f, 0f);
            y -= 10;
        }

        void heading(String text, float size) throws IOException {
            ensure(size * 4);
            y -= size * 0.6f;
            for (String line : wrap(clean(text), size, width, 0)) {
                y -= size * 1.6f;
                text(line, size, MARGIN_LEFT, y);
            }
        }

        void paragraph(String text, float size, boolean right) throws IOException {
            float indent = right ? 0 : size * 2;
            List<String> lines = wrap(clean(text), size, width, indent);
            for (int i = 0; i < lines.size(); i++) {
                ensure(size * 1.75f);
                y -= size * 1.75f;
                String line = lines.get(i);
                float x = right ? MARGIN_LEFT + width - textWidth(line, size) : MARGIN_LEFT + (i == 0 ? indent : 0);
                text(line, size, x, y);
            }
        }

        void table(Document.Table table) throws IOException {
            int columns = table.header().size();
            float[] natural = new float[columns];
            List<List<String>> all = new ArrayList<>();
            all.add(table.header());
            all.addAll(table.rows());
            for (List<String> row : all) {
                for (int c = 0; c < columns; c++) {
                    natural[c] = Math.max(natural[c], Math.min(textWidth(clean(row.get(c)), TABLE) + 8, width * 0.6f));
                }
            }
            float total = 0;
            for (float n : natural) {
                total += Math.max(n, 28);
            }
            float[] widths = new float[columns];
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(natural[c], 28) * width / total;
            }
            heading(table.caption(), 10.5f);
            y -= 4;
            drawRow(table.header(), widths, true);
            for (List<String> row : table.rows()) {
                if (rowHeight(row, widths) > y - MARGIN_BOTTOM) {
                    newPage();
                    drawRow(table.header(), widths, true);
                }
                drawRow(row, widths, false);
            }
            y -= 10;
        }

        private float rowHeight(List<String> row, float[] widths) {
            int lines = 1;
            for (int c = 0; c < row.size(); c++) {
                lines = Math.max(lines, wrap(clean(row.get(c)), TABLE, widths[c] - 6, 0).size());
            }
            return lines * TABLE * 1.4f + 6;
        }

        private void drawRow(List<String> row, float[] widths, boolean header) throws IOException {
            float height = rowHeight(row, widths);
            ensure(height);
            float top = y;
            if (header) {
                content.setNonStrokingColor(0.93f, 0.93f, 0.93f);
                content.addRect(MARGIN_LEFT, top - height, width, height);
                content.fill();
                content.setNonStrokingColor(0f, 0f, 0f);
            }
            content.setLineWidth(0.5f);
            float x = MARGIN_LEFT;
            for (int c = 0; c < row.size(); c++) {
                content.addRect(x, top - height, widths[c], height);
                List<String> lines = wrap(clean(row.get(c)), TABLE, widths[c] - 6, 0);
                float lineY = top - 3 - TABLE;
                for (String line : lines) {
                    text(line, TABLE, x + 3, lineY);
                    lineY -= TABLE * 1.4f;
                }
                x += widths[c];
            }
            content.stroke();
            y = top - height;
        }

        private void text(String text, float size, float x, float atY) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.newLineAtOffset(x, atY);
            for (Run run : runs(text)) {
                content.setFont(run.font(), size);
                content.showText(run.text());
            }
            content.endText();
        }

        private float textWidth(String text, float size) {
            float width = 0;
            try {
                for (Run run : runs(text)) {
                    width += run.font().getStringWidth(run.text()) / 1000 * size;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return width;
        }

        private record Run(PDType0Font font, String text) {
        }

        /** The text cut where the font changes; {@code text} has been {@link #clean cleaned}. */
        private List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int currentFont = -1;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                int f = Math.max(0, fontIndex(cp));
                if (f != currentFont && current.length() > 0) {
                    runs.add(new Run(fonts.get(currentFont), current.toString()));
                    current.setLength(0);
                }
                currentFont = f;
                current.appendCodePoint(cp);
            }
            if (current.length() > 0) {
                runs.add(new Run(fonts.get(currentFont), current.toString()));
            }
            return runs;
        }

        /** Lines of at most {@code max} points, breaking anywhere in CJK text and between words in Latin. */
        private List<String> wrap(String text, float size, float max, float firstIndent) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = firstIndent;
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = textWidth(ch, size);
                // closing punctuation never starts a line (避头): it hangs in the margin instead
                if (used + w > max && line.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
                    int cut = breakPoint(line);
                    String carry = line.substring(cut);
                    lines.add(line.substring(0, cut));
                    line = new StringBuilder(carry);
                    used = textWidth(carry, size);
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Where to end a full line: before a trailing Latin word or number if there is one, else at the end. */
        private static int breakPoint(StringBuilder line) {
            int end = line.length();
            int start = end;
            while (start > 0 && isWordChar(line.charAt(start - 1))) {
                start--;
            }
            return start > 0 && start < end && end - start < 16 ? start : end;
        }

        private static boolean isWordChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '%' || c == '-');
        }

        /** Replaces characters the font has no glyph for (and control characters) so nothing is lost silently as a box. */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\t') {
                    out.append(' ');
                } else if (Character.isISOControl(cp)) {
                    return;
                } else if (fontIndex(cp) >= 0) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(FALLBACK.getOrDefault(cp, "?"));
                }
            });
            return out.toString();
        }

        /** The first font that has the character, -1 if none. */
        private int fontIndex(int cp) {
            return fontOf.computeIfAbsent(cp, c -> {
                for (int i = 0; i < fonts.size(); i++) {
                    try {
                        fonts.get(i).encode(new String(Character.toChars(c)));
                        return i;
                    } catch (IOException | IllegalArgumentException e) {
                        // not in this font: try the next
                    }
                }
                return -1;
            });
        }
    }
}
