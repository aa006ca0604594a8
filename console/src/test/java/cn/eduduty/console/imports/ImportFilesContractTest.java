package cn.eduduty.console.imports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.DocumentedOperations;
import io.swagger.v3.oas.models.Operation;

/**
 * {@link ImportFiles} is hand-written because the generated client cannot carry an XLSX: this checks
 * it against school-registry-service's document, so a moved path, a renamed parameter or a dropped
 * media type fails here, not on a clerk's upload.
 */
class ImportFilesContractTest {

    private static final DocumentedOperations REGISTRY = DocumentedOperations.of("school-registry-service");

    @Test
    void templateIsTheDocumentsDownloadImportTemplate() throws Exception {
        REGISTRY.assertMatches(ImportFiles.class, ImportFiles.class.getMethod("template", String.class),
                "downloadImportTemplate");
        Operation op = REGISTRY.operation("downloadImportTemplate").getValue();
        assertThat(op.getResponses().get("200").getContent().get(ImportFiles.XLSX).getSchema().getFormat()).isEqualTo("binary");
    }

    @Test
    void uploadsAreTheDocumentsImportSheetInBothMediaTypes() throws Exception {
        for (String name : new String[] { "importXlsx", "importCsv" }) {
            REGISTRY.assertMatches(ImportFiles.class,
                    ImportFiles.class.getMethod(name, String.class, String.class, String.class, byte[].class), "importSheet");
        }
        assertThat(ImportFiles.class.getMethod("importXlsx", String.class, String.class, String.class, byte[].class)
                .getReturnType()).isEqualTo(Response.class);
    }

    @Test
    void theConsolesKindsAreTheDocumentsKinds() {
        var kind = REGISTRY.operation("importSheet").getValue().getParameters().stream()
                .filter(p -> p.getName().equals("kind")).findFirst().orElseThrow().getSchema();
        String pattern = kind.getPattern();
        for (String k : ImportResource.KINDS.keySet()) {
            assertThat(k).as("kind " + k).matches(pattern);
        }
        assertThat(pattern.split("\\|")).as("every kind the registry imports is offered").hasSize(ImportResource.KINDS.size());
    }
}
