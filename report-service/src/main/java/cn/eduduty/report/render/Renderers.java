package cn.eduduty.report.render;

import java.nio.charset.StandardCharsets;

import cn.eduduty.report.snapshot.ReportContent;

/**
 * Renders a snapshot in a format: its document as HTML, Markdown, Word or PDF, its data (figures,
 * rules, checks) as an Excel workbook; JSON is the stored canonical text itself. The snapshot's
 * {@code generatedAt} dates the Word, Excel and PDF files, {@code documentKey} identifies the PDF.
 */
public final class Renderers {

    private Renderers() {
    }

    public static byte[] render(ReportContent content, String json, Format format, String documentKey) {
        Document document = content.document();
        return switch (format) {
            case JSON -> json.getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(document);
            case MARKDOWN -> MarkdownRenderer.render(document);
            case DOCX -> DocxRenderer.render(document, content.generatedAt());
            case PDF -> PdfRenderer.render(document, content.generatedAt(), documentKey);
            case XLSX -> XlsxRenderer.render(content);
        };
    }
}
