package cn.eduduty.report.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A printable HTML page laid out as GB/T 9704-2012 lays out a 公文, asking for the faces the PDF
 * embeds first and common system faces after them: the bold Song title centred in 二号, the body in
 * Song at 三号 on a 22-lines-a-page pitch, 一、 headings in a 黑体-like sans and （一） headings in 楷体,
 * the signature block placed as the standard places it, A4 with its margins for printing, an
 * attachment on a new page. Tables take the same column widths and size as the PDF's; numbers are
 * right-aligned and, like short cells, never wrap; rating terms never break. Self-contained
 * (inline CSS, no scripts, no external resources).
 */
public final class HtmlRenderer {

    /** The faces the PDF embeds first (Latin before Chinese, as there), then what Windows, macOS and Linux have. */
    static final String LATIN = "\"Times New Roman\", \"Liberation Serif\"";
    static final String SONG = LATIN + ", \"AR PL SungtiL GB\", \"SimSun\", \"宋体\", \"Songti SC\", \"STSong\", \"Noto Serif CJK SC\", serif";
    static final String HEI = LATIN + ", \"Droid Sans Fallback\", \"SimHei\", \"黑体\", \"Heiti SC\", \"Noto Sans CJK SC\", sans-serif";
    static final String KAI = LATIN + ", \"AR PL KaitiM GB\", \"KaiTi\", \"楷体\", \"STKaiti\", \"Kaiti SC\", serif";

    /** The page's stylesheet, inline in its head. */
    static final String STYLE = """
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: %s; font-size: 16pt; line-height: 28.95pt; color: #000;
                   max-width: 156mm; margin: 2em auto; padding: 0 1em; }
            h1.title { font-family: %s; font-size: 22pt; line-height: 1.5; font-weight: bold; text-align: center; margin: 0; }
            p.subtitle { font-family: %s; text-align: center; text-indent: 0; margin: 0 0 28.95pt; }
            h2 { font-family: %s; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
            h2.annex { page-break-before: always; break-before: page; }
            h3 { font-family: %s; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
            h2, h3 { page-break-after: avoid; break-after: avoid; }
            p { text-indent: 2em; margin: 0; text-align: justify; line-break: strict; }
            p.blank { min-height: 28.95pt; }
            p.right { text-align: right; text-indent: 0; }
            table { border-collapse: collapse; width: 100%%; margin: 0.3em 0 0.8em; font-size: 10.5pt; line-height: 1.35;
                    page-break-inside: auto; }
            caption { font-family: %s; font-size: 14pt; line-height: 1.6; padding: 0.2em; }
            th, td { border: 0.5pt solid #000; padding: 0.2em 4pt; vertical-align: middle; line-break: strict; }
            th { font-weight: bold; text-align: center; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            .nw { white-space: nowrap; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            @media print { body { margin: 0; padding: 0; max-width: none; } }
            """.formatted(SONG, SONG, KAI, HEI, KAI, HEI);

    /** The text block's width in points (156 mm). */
    private static final double TEXT_WIDTH = 156 * 72 / 25.4;

    private HtmlRenderer() {
    }

    public static byte[] render(Document document) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1 class=\"title\">").append(escape(document.title())).append("</h1>\n");
        html.append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>\n");
        List<Document.Block> blocks = document.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Document.Block block = blocks.get(i);
            if (block instanceof Document.Heading h) {
                String tag = h.level() == 1 ? "h2" : "h3";
                html.append('<').append(tag).append(h.level() == 1 && h.text().startsWith("附件") ? " class=\"annex\">" : ">")
                        .append(escape(h.text())).append("</").append(tag).append(">\n");
            } else if (block instanceof Document.Paragraph p && p.right()) {
                List<String> lines = Typesetting.signature(blocks, i);
                i += lines.size() - 1;
                double[] indents = Typesetting.signatureRightIndents(lines, 1, Typesetting::ems);
                for (int l = 0; l < lines.size(); l++) {
                    html.append("<p class=\"right\" style=\"padding-right: ")
                            .append(String.format(Locale.ROOT, "%.2f", indents[l])).append("em\">")
                            .append(escape(lines.get(l))).append("</p>\n");
                }
            } else if (block instanceof Document.Paragraph p) {
                html.append(p.text().isBlank() ? "<p class=\"blank\">" : "<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Document.Table t) {
                table(html, t);
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Column widths and size from the same layout as the PDF's; short cells and numbers never wrap, terms never break. */
    private static void table(StringBuilder html, Document.Table t) {
        Typesetting.TableLayout layout = Typesetting.tableLayout(t, TEXT_WIDTH, (text, size) -> Typesetting.ems(text) * size);
        html.append("<table style=\"font-size: ").append(size(layout.size())).append("pt\">\n<caption>")
                .append(escape(t.caption())).append("</caption>\n<colgroup>");
        for (double w : layout.widths()) {
            html.append("<col style=\"width: ").append(String.format(Locale.ROOT, "%.1f", 100 * w / TEXT_WIDTH)).append("%\">");
        }
        html.append("</colgroup>\n<thead><tr>");
        t.header().forEach(h -> html.append(Typesetting.keepWhole(h) ? "<th class=\"nw\">" : "<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            html.append("<tr>");
            for (String c : row) {
                html.append(Typesetting.numeric(c) ? "<td class=\"num\">" : Typesetting.keepWhole(c) ? "<td class=\"nw\">" : "<td>")
                        .append(Typesetting.keepWhole(c) ? escape(c) : keepTerms(c)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Escaped text with each rating term in a span that does not wrap. */
    private static String keepTerms(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String term : Typesetting.TERMS) {
                if (text.startsWith(term, i)) {
                    out.append("<span class=\"nw\">").append(term).append("</span>");
                    i += term.length();
                    continue outer;
                }
            }
            out.append(escape(text.substring(i, i + 1)));
            i++;
        }
        return out.toString();
    }

    private static String size(float points) {
        return points == Math.rint(points) ? Integer.toString((int) points) : Float.toString(points);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
