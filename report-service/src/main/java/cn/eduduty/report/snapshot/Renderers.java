package cn.eduduty.report.snapshot;

import java.nio.charset.StandardCharsets;

import cn.eduduty.report.render.DocxRenderer;
import cn.eduduty.report.render.Format;
import cn.eduduty.report.render.HtmlRenderer;
import cn.eduduty.report.render.MarkdownRenderer;
import cn.eduduty.report.render.PdfRenderer;

/** Renders a snapshot's content in a format; JSON is the stored canonical text itself. */
public final class Renderers {

    private Renderers() {
    }

    public static byte[] render(ReportContent content, String json, Format format, String documentKey) {
        return switch (format) {
            case JSON -> json.getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(content.document());
            case MARKDOWN -> MarkdownRenderer.render(content.document());
            case DOCX -> DocxRenderer.render(content.document(), content.generatedAt());
            case PDF -> PdfRenderer.render(content.document(), content.generatedAt(), documentKey);
        };
    }
}
