package cn.eduduty.console.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's 下载 links download: report-service's file name kept, its PDF no longer opened inline. */
class DownloadsTest {

    private static final String PDF = "inline; filename=\"report.pdf\"; filename*=UTF-8''%E7%A4%BA%E4%BE%8B%E5%8E%BF-2025.pdf";

    @Test
    void aDocumentIsAnAttachmentUnderTheServicesName() {
        assertThat(Downloads.disposition(PDF, "pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''%E7%A4%BA%E4%BE%8B%E5%8E%BF-2025.pdf");
        assertThat(Downloads.disposition("attachment; filename=\"report.docx\"", "docx")).isEqualTo("attachment; filename=\"report.docx\"");
    }

    @Test
    void theHtmlForTheFrameStaysInline() {
        assertThat(Downloads.disposition("inline; filename=\"report.html\"", "html")).isEqualTo("inline; filename=\"report.html\"");
        assertThat(Downloads.disposition(null, "pdf")).isNull();
    }
}
