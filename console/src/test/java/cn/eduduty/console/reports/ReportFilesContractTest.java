package cn.eduduty.console.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * {@link ReportFiles} is the console's one hand-written client: this checks it against the OpenAPI
 * document report-service's build writes (the one the generated clients come from), so a moved
 * path, a renamed parameter or a dropped format fails here, not on a reviewer's download.
 */
class ReportFilesContractTest {

    private static final File DOCUMENT = new File("../report-service/target/openapi/openapi.yaml");

    private static final Set<String> BINARY = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static OpenAPI api;

    @BeforeAll
    static void readDocument() {
        assertThat(DOCUMENT).as("report-service's OpenAPI document (built before the console)").exists();
        api = new OpenAPIV3Parser().read(DOCUMENT.getPath());
        assertThat(api).isNotNull();
    }

    @Test
    void previewIsTheDocumentsPreviewReport() throws Exception {
        Method preview = ReportFiles.class.getMethod("preview", String.class, int.class, String.class);
        matches(preview, "previewReport");
    }

    @Test
    void snapshotIsTheDocumentsGetReport() throws Exception {
        Method snapshot = ReportFiles.class.getMethod("snapshot", UUID.class, String.class);
        matches(snapshot, "getReport");
    }

    @Test
    void theDocumentOffersEveryFormatTheConsoleDownloads() {
        for (String operation : List.of("previewReport", "getReport")) {
            Operation op = operation(operation).getValue();
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

    private static void matches(Method method, String operationId) {
        Map.Entry<String, Operation> documented = operation(operationId);
        String path = ReportFiles.class.getAnnotation(Path.class).value()
                + method.getAnnotation(Path.class).value();
        assertThat(path).as(operationId + " path").isEqualTo(documented.getKey());
        assertThat(method.isAnnotationPresent(GET.class)).as(operationId + " is a GET").isTrue();
        assertThat(api.getPaths().get(path).getGet()).as(operationId + " is the GET of " + path)
                .isSameAs(documented.getValue());

        Set<String> declared = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            declared.add(in(parameter) + ":" + name(parameter));
        }
        Set<String> documentedParameters = documented.getValue().getParameters().stream()
                .map(p -> p.getIn() + ":" + p.getName()).collect(Collectors.toSet());
        assertThat(documentedParameters).as(operationId + " parameters").containsAll(declared);
        Set<String> required = documented.getValue().getParameters().stream()
                .filter(p -> Boolean.TRUE.equals(p.getRequired())).map(p -> p.getIn() + ":" + p.getName())
                .collect(Collectors.toSet());
        assertThat(declared).as(operationId + " sends every required parameter").containsAll(required);

        Set<String> answered = new HashSet<>();
        documented.getValue().getResponses().values().forEach(r -> {
            if (r.getContent() != null) {
                answered.addAll(r.getContent().keySet());
            } else if (r.get$ref() != null) {
                answered.add("application/problem+json");
            }
        });
        List<String> accepted = Arrays.asList(method.getAnnotation(Produces.class).value());
        assertThat(answered).as(operationId + " media types").containsAll(accepted);
        assertThat(accepted).as(operationId + " accepts the binary documents").containsAll(BINARY);
    }

    private static Map.Entry<String, Operation> operation(String operationId) {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Operation op : path.getValue().readOperations()) {
                if (operationId.equals(op.getOperationId())) {
                    return Map.entry(path.getKey(), op);
                }
            }
        }
        throw new AssertionError("no operation " + operationId + " in " + DOCUMENT);
    }

    private static String in(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (a instanceof QueryParam) {
                return "query";
            }
            if (a instanceof PathParam) {
                return "path";
            }
        }
        throw new AssertionError(parameter + " is neither a query nor a path parameter");
    }

    private static String name(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        return query != null ? query.value() : parameter.getAnnotation(PathParam.class).value();
    }
}
