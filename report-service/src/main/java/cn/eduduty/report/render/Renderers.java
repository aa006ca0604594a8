package cn.eduduty.report.render;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Renders a snapshot's document in a format; JSON is the stored canonical text itself.
 * {@code generatedAt} dates the Word and PDF files, {@code documentKey} identifies the PDF.
 */
public final class Renderers {

    private Renderers() {
    }

    public static byte[] render(Document document, Instant generatedAt, String json, Format format,
            String documentKey) {
        return switch (format) {
            case JSON -> json.getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(document);
            case MARKDOWN -> MarkdownRenderer.render(document);
            case DOCX -> DocxRenderer.render(document, generatedAt);
            case PDF -> PdfRenderer.render(document, generatedAt, documentKey);
        };
    }
}
