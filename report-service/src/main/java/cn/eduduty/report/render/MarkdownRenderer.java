package cn.eduduty.report.render;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CommonMark with GitHub tables: # title, ## 一、…, ### （一）…, pipe tables with escaped cells, number columns right-aligned. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static byte[] render(Document document) {
        StringBuilder md = new StringBuilder(32 * 1024);
        md.append("# ").append(inline(document.title())).append("\n\n");
        md.append("*").append(inline(document.subtitle())).append("*\n\n");
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading h) {
                md.append(h.level() == 1 ? "## " : "### ").append(inline(h.text())).append("\n\n");
            } else if (block instanceof Document.Paragraph p) {
                md.append(p.right() ? "<p align=\"right\">" + HtmlRenderer.escape(p.text()) + "</p>" : inline(p.text()))
                        .append("\n\n");
            } else if (block instanceof Document.Table t) {
                md.append("**").append(inline(t.caption())).append("**\n\n");
                row(md, t.header());
                md.append("|");
                for (int c = 0; c < t.header().size(); c++) {
                    int column = c;
                    boolean numbers = !t.rows().isEmpty() && t.rows().stream().allMatch(r -> Typesetting.numeric(r.get(column)));
                    md.append(numbers ? " ---: |" : " --- |");
                }
                md.append("\n");
                t.rows().forEach(r -> row(md, r));
                md.append("\n");
            }
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("|");
        cells.forEach(c -> md.append(" ").append(inline(c).replace("|", "\\|")).append(" |"));
        md.append("\n");
    }

    /** Escapes the characters that would start Markdown syntax inside running text. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
