package cn.eduduty.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What every service's OpenAPI document must satisfy so front-end generators and other systems
 * can rely on it: a valid document, and every {@code /api} operation with a unique operationId, a
 * summary, a success response with a schema, and problem-details responses including 401 and 403.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** Returns every defect found; an empty list means the document is complete. */
    public static List<String> defects(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> defects = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(m -> defects.add("parser: " + m));
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            defects.add("not an OpenAPI document");
            return defects;
        }
        if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.1")) {
            defects.add("document is OpenAPI " + api.getOpenapi() + ", not 3.1");
        }
        Set<String> ids = new HashSet<>();
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            defects.add("no paths");
            return defects;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Operation operation = op.getValue();
                if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                    defects.add(where + ": no operationId");
                } else if (!ids.add(operation.getOperationId())) {
                    defects.add(where + ": duplicate operationId " + operation.getOperationId());
                }
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    defects.add(where + ": no summary");
                }
                Map<String, ApiResponse> responses = operation.getResponses();
                if (responses == null || responses.isEmpty()) {
                    defects.add(where + ": no responses");
                    continue;
                }
                boolean success = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                        && (r.getKey().equals("204") || hasSchema(r.getValue().getContent())));
                if (!success) {
                    defects.add(where + ": no success response with a schema");
                }
                for (String status : List.of("401", "403")) {
                    ApiResponse response = responses.get(status);
                    if (response == null || !isProblem(response.getContent())) {
                        defects.add(where + ": no " + status + " problem response");
                    }
                }
                boolean requestProblem = responses.entrySet().stream()
                        .anyMatch(r -> r.getKey().startsWith("4") && !r.getKey().equals("401")
                                && !r.getKey().equals("403") && isProblem(r.getValue().getContent()));
                if (!requestProblem) {
                    defects.add(where + ": no problem response for a bad request");
                }
            }
        }
        return defects;
    }

    private static boolean hasSchema(Content content) {
        return content != null && content.values().stream().anyMatch(m -> m.getSchema() != null);
    }

    private static boolean isProblem(Content content) {
        return content != null && content.get("application/problem+json") != null
                && content.get("application/problem+json").getSchema() != null;
    }
}
