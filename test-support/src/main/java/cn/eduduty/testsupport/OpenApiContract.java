package cn.eduduty.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What every service's OpenAPI document must say so front-end generators and other systems can
 * rely on it, checked on what a person writes on the resources (the common problem answers, the
 * security scheme and the bounded-body 413 are added to every operation by {@code
 * ProblemResponsesFilter} and are not checked here, since they cannot be missing). A valid 3.1
 * document, and on every {@code /api} operation:
 * <ul>
 * <li>a unique operationId, a summary, and a tag the document describes ({@code @Tag});</li>
 * <li>each success answer described in words of its own (not the generator's "OK"), with a
 * schema unless it is 204, whose component, if it names one, is described (or, for a page, its
 * items');</li>
 * <li>a request body, when there is one, with content, whose JSON component is described;</li>
 * <li>every JSON body, asked or answered, typed all the way down: no object without properties, no
 * schema without a type (what a client generator can only turn into {@code unknown} or an empty
 * object; clients/typescript checks the same on the generated types);</li>
 * <li>each query parameter described ({@code @Parameter(description = ...)});</li>
 * <li>the answers its shape implies: 404 for reading one resource by its path, 412 and 428
 * where it takes {@code If-Match}.</li>
 * </ul>
 */
public final class OpenApiContract {

    /** What the generator writes for an answer nobody described. */
    private static final Set<String> GENERATED_DESCRIPTIONS = Set.of("", "OK", "Created", "Accepted", "No Content",
            "Successful", "default response");

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
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            defects.add("no paths");
            return defects;
        }
        Map<String, Schema> schemas = api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
        Map<String, String> tags = new HashMap<>();
        if (api.getTags() != null) {
            for (Tag tag : api.getTags()) {
                tags.put(tag.getName(), tag.getDescription());
            }
        }
        Set<String> ids = new HashSet<>();
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
                if (blank(operation.getSummary())) {
                    defects.add(where + ": no summary");
                }
                if (operation.getTags() == null || operation.getTags().isEmpty()) {
                    defects.add(where + ": no tag");
                } else {
                    operation.getTags().stream().filter(t -> blank(tags.get(t)))
                            .forEach(t -> defects.add(where + ": tag " + t + " is not described in the document"));
                }
                parameters(where, path.getValue(), operation, defects);
                requestBody(where, operation, schemas, defects);
                responses(where, op.getKey(), path.getKey(), operation, schemas, defects);
            }
        }
        return defects;
    }

    private static void parameters(String where, PathItem item, Operation operation, List<String> defects) {
        for (Parameter p : all(item.getParameters(), operation.getParameters())) {
            if ("query".equals(p.getIn()) && blank(p.getDescription())) {
                defects.add(where + ": query parameter " + p.getName() + " has no description");
            }
        }
    }

    private static void requestBody(String where, Operation operation, Map<String, Schema> schemas, List<String> defects) {
        if (operation.getRequestBody() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        if (content == null || content.isEmpty()) {
            defects.add(where + ": a request body without content");
            return;
        }
        MediaType json = content.get("application/json");
        if (json != null && !described(json.getSchema(), schemas)) {
            defects.add(where + ": the request body's schema is not a described component");
        }
        if (json != null) {
            untyped(json.getSchema(), schemas, new HashSet<>(), "body")
                    .ifPresent(loose -> defects.add(where + ": the request body's " + loose));
        }
    }

    private static void responses(String where, PathItem.HttpMethod method, String path, Operation operation,
            Map<String, Schema> schemas, List<String> defects) {
        Map<String, ApiResponse> responses = operation.getResponses();
        if (responses == null || responses.isEmpty()) {
            defects.add(where + ": no responses");
            return;
        }
        boolean success = false;
        for (Map.Entry<String, ApiResponse> r : responses.entrySet()) {
            if (!r.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            ApiResponse response = r.getValue();
            String status = where + ": " + r.getKey();
            if (response.getDescription() == null || GENERATED_DESCRIPTIONS.contains(response.getDescription().trim())) {
                defects.add(status + " is not described (\"" + response.getDescription() + "\")");
            }
            if (r.getKey().equals("204")) {
                continue;
            }
            if (!hasSchema(response.getContent())) {
                defects.add(status + " has no schema");
            } else if (response.getContent().get("application/json") != null) {
                Schema<?> json = response.getContent().get("application/json").getSchema();
                if (!described(json, schemas)) {
                    defects.add(status + ": its schema is not a described component");
                }
                untyped(json, schemas, new HashSet<>(), "body").ifPresent(loose -> defects.add(status + ": its " + loose));
            }
        }
        if (!success) {
            defects.add(where + ": no success response");
        }
        List<Parameter> parameters = all(null, operation.getParameters());
        if (method == PathItem.HttpMethod.GET && path.endsWith("}") && !responses.containsKey("404")) {
            defects.add(where + ": reads one resource by its path but declares no 404");
        }
        if (parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
            for (String status : List.of("412", "428")) {
                if (!responses.containsKey(status)) {
                    defects.add(where + ": takes If-Match but declares no " + status);
                }
            }
        }
    }

    /**
     * A reference to a component with a description, an array of such, or a page of such (a
     * component whose {@code items} property is an array of a described component). An inline
     * schema that names no component (a {@code type: object} written on the resource) is not
     * judged: what it would need is a component of its own.
     */
    private static boolean described(Schema<?> schema, Map<String, Schema> schemas) {
        if (schema == null) {
            return false;
        }
        if (schema.get$ref() == null && schema.getItems() == null) {
            return true;
        }
        if (schema.get$ref() != null) {
            Schema<?> component = schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (component == null) {
                return false;
            }
            if (!blank(component.getDescription())) {
                return true;
            }
            Schema<?> items = component.getProperties() == null ? null : component.getProperties().get("items");
            return items != null && items.getItems() != null && described(items.getItems(), schemas);
        }
        return schema.getItems() != null && described(schema.getItems(), schemas);
    }

    /**
     * The first place in a JSON body's schema, following references (each component once), where a
     * client generator would have no type: an object without properties (nor additionalProperties,
     * nor alternatives), or a schema with neither a type nor a reference, enum or const.
     */
    private static Optional<String> untyped(Schema<?> schema, Map<String, Schema> schemas, Set<String> seen, String at) {
        if (schema == null) {
            return Optional.of(at + " has no schema");
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (!seen.add(name)) {
                return Optional.empty();
            }
            Schema<?> component = schemas.get(name);
            return component == null ? Optional.of(at + " refers to a missing component " + name)
                    : untyped(component, schemas, seen, name);
        }
        List<Schema> alternatives = new ArrayList<>();
        for (List<Schema> some : Arrays.asList(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())) {
            if (some != null) {
                alternatives.addAll(some);
            }
        }
        for (Schema<?> alternative : alternatives) {
            Optional<String> loose = untyped(alternative, schemas, seen, at);
            if (loose.isPresent()) {
                return loose;
            }
        }
        if (schema.getItems() != null) {
            return untyped(schema.getItems(), schemas, seen, at + "[]");
        }
        boolean hasProperties = schema.getProperties() != null && !schema.getProperties().isEmpty();
        if (hasProperties) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                Optional<String> loose = untyped(property.getValue(), schemas, seen, at + "." + property.getKey());
                if (loose.isPresent()) {
                    return loose;
                }
            }
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            return untyped(values, schemas, seen, at + "{}");
        }
        Set<String> types = schema.getTypes() != null ? schema.getTypes()
                : schema.getType() != null ? Set.of(schema.getType()) : Set.of();
        if (types.contains("object") && !hasProperties && alternatives.isEmpty()) {
            return Optional.of(at + " is an object without properties");
        }
        if (types.isEmpty() && !hasProperties && alternatives.isEmpty() && schema.getEnum() == null
                && schema.getConst() == null) {
            return Optional.of(at + " has no type");
        }
        return Optional.empty();
    }

    private static List<Parameter> all(List<Parameter> a, List<Parameter> b) {
        List<Parameter> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean hasSchema(Content content) {
        return content != null && content.values().stream().anyMatch(m -> m.getSchema() != null);
    }
}
