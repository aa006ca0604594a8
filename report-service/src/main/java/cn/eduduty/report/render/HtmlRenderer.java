package cn.eduduty.report.render;

import java.nio.charset.StandardCharsets;

/**
 * A printable HTML page in the manner of a government document: 小标宋-style centred title, red
 * rule, 仿宋 body at 三号 size, 黑体/楷体 headings, ruled tables, the signature block on the right,
 * A4 margins for printing. Self-contained (inline CSS, no scripts, no external resources).
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            @page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
            body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt;
                   line-height: 1.75; color: #000; max-width: 46em; margin: 2em auto; padding: 0 1em; }
            h1.title { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif;
                       font-size: 22pt; font-weight: normal; text-align: center; margin: 0.5em 0 0.2em; }
            p.subtitle { text-align: center; font-family: "KaiTi", "楷体", "STKaiti", serif; margin: 0 0 0.6em; }
            hr.rule { border: 0; border-top: 2px solid #c00; margin: 0.4em 0 1.2em; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.3em; }
            h3 { font-family: "KaiTi", "楷体", "STKaiti", serif; font-size: 16pt; font-weight: bold; margin: 0.8em 0 0.2em; }
            p { text-indent: 2em; margin: 0.2em 0; text-align: justify; }
            p.right { text-align: right; text-indent: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 11pt; line-height: 1.4; page-break-inside: auto; }
            caption { font-family: "SimHei", "黑体", sans-serif; font-size: 12pt; padding: 0.3em; }
            th, td { border: 1px solid #000; padding: 0.25em 0.4em; vertical-align: top; }
            th { background: #f2f2f2; font-weight: bold; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            @media print { body { margin: 0; max-width: none; } }
            """;

    private HtmlRenderer() {
    }

    public static byte[] render(Document document) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1 class=\"title\">").append(escape(document.title())).append("</h1>\n");
        html.append("<p class=\"subtitle\">").append(escape(document.subtitle())).append("</p>\n<hr class=\"rule\">\n");
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading h) {
                html.append(h.level() == 1 ? "<h2>" : "<h3>").append(escape(h.text()))
                        .append(h.level() == 1 ? "</h2>\n" : "</h3>\n");
            } else if (block instanceof Document.Paragraph p) {
                html.append(p.right() ? "<p class=\"right\">" : "<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Document.Table t) {
                table(html, t);
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder html, Document.Table t) {
        html.append("<table>\n<caption>").append(escape(t.caption())).append("</caption>\n<thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
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
