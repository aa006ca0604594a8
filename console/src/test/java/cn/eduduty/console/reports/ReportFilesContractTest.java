package cn.eduduty.console.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Produces;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.DocumentedOperations;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;

/**
 * {@link ReportFiles} is hand-written because the generated client answers only the JSON model:
 * this checks it against report-service's document (the one the generated clients come from), so a
 * moved path, a renamed parameter or a dropped format fails here, not on a reviewer's download.
 */
class ReportFilesContractTest {

    private static final DocumentedOperations REPORT = DocumentedOperations.of("report-service");

    private static final Set<String> BINARY = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Test
    void previewIsTheDocumentsPreviewReport() throws Exception {
        Method preview = ReportFiles.class.getMethod("preview", String.class, int.class, String.class);
        REPORT.assertMatches(ReportFiles.class, preview, "previewReport");
        assertThat(Arrays.asList(preview.getAnnotation(Produces.class).value())).containsAll(BINARY);
    }

    @Test
    void snapshotIsTheDocumentsGetReport() throws Exception {
        Method snapshot = ReportFiles.class.getMethod("snapshot", UUID.class, String.class);
        REPORT.assertMatches(ReportFiles.class, snapshot, "getReport");
        assertThat(Arrays.asList(snapshot.getAnnotation(Produces.class).value())).containsAll(BINARY);
    }

    @Test
    void theDocumentOffersEveryFormatTheConsoleDownloads() {
        for (String operation : List.of("previewReport", "getReport")) {
            Operation op = REPORT.operation(operation).getValue();
            Schema<?> format = op.getParameters().stream().filter(p -> p.getName().equals("format")).findFirst()
                    .orElseThrow().getSchema();
            assertThat(format.getEnum()).as(operation + " format").map(String::valueOf)
                    .contains("pdf", "docx", "xlsx", "html");
            var ok = op.getResponses().get("200").getContent();
            assertThat(ok.keySet()).as(operation + " 200").containsAll(BINARY).contains("text/html");
            BINARY.forEach(type -> assertThat(ok.get(type).getSchema().getFormat()).as(operation + " " + type)
                    .isEqualTo("binary"));
        }
    }
}
