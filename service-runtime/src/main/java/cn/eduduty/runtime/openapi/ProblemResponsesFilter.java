package cn.eduduty.runtime.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every service's document the same way: the {@code Problem} schema, the bearer-token
 * security scheme, and on every {@code /api} operation the answers any of them can give (400
 * invalid input, 401 no valid token, 403 role or region not allowed, 500; 413 where there is a
 * body) as problem details.
 * Operation-specific answers (404, 409, 412, 413, 422, 428, 429) are declared on the resources by reference
 * to the reusable responses defined here. A string whose pattern only lists its values, e.g.
 * {@code @Pattern(regexp = "^(PUBLIC|PRIVATE)$")} on a request field, is given those values as its
 * {@code enum}, so generated clients type it as the values rather than as any string.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid input: the violations name each field",
            "401", "No valid bearer token",
            "403", "The token's role or region does not allow this request",
            "500", "Unexpected error; the detail quotes a reference for the logs");

    /**
     * Reusable answers a resource refers to, e.g. {@code @APIResponse(responseCode = "404", ref =
     * "NotFound")}.
     */
    private static final Map<String, String> SPECIFIC = Map.of(
            "NotFound", "No such resource",
            "Conflict", "Conflicts with the resource's current state",
            "PreconditionFailed", "If-Match does not name the current version",
            "PreconditionRequired", "If-Match is required to replace an existing resource",
            "RuleViolated", "Well-formed, but breaks a domain rule named in the detail",
            "ContentTooLarge", "The body, a list in it, or the event it would publish exceeds a bound named in the detail",
            "TooManyRequests", "The region's rate for this operation is used up; Retry-After says when to try again");

    /** {@code ^(A|B|C)$}: a pattern that admits exactly the listed upper-case names. */
    private static final Pattern LISTED_VALUES = Pattern.compile("\\^\\(([A-Z][A-Z0-9_]*(?:\\|[A-Z][A-Z0-9_]*)*)\\)\\$");

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getPattern() != null && schema.getEnumeration() == null) {
            Matcher listed = LISTED_VALUES.matcher(schema.getPattern());
            if (listed.matches()) {
                schema.setEnumeration(List.<Object>of(listed.group(1).split("\\|")));
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An invalid field and why")
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("Stable URN of the kind of problem")
                        .examples(List.of("urn:eduduty:problem:invalid-request")))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request path"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .required(List.of("type", "title", "status")));
        SPECIFIC.forEach((name, description) -> components.addResponse(name, problem(description)));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("JWT with a role (groups) and a GB/T 2260 region claim"));

        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                operation.setResponses(responses);
                // Quarkus adds bare 400/401/403 answers for validated and secured endpoints; they
                // are replaced by problem-details ones unless a resource declared its own content
                responses.getAPIResponses().values().stream()
                        .filter(r -> r.getRef() != null)
                        .forEach(r -> referenced.add(r.getRef().substring(r.getRef().lastIndexOf('/') + 1)));
                if (operation.getRequestBody() != null && responses.getAPIResponse("413") == null) {
                    // every body is bounded (BodyLimits)
                    responses.addAPIResponse("413", problem("The body exceeds its bound, named in the detail"));
                }
                COMMON.forEach((status, description) -> {
                    var existing = responses.getAPIResponse(status);
                    boolean problemAlready = existing != null && existing.getRef() == null
                            && existing.getContent() != null
                            && existing.getContent().hasMediaType("application/problem+json");
                    if (!problemAlready) {
                        responses.addAPIResponse(status, problem(description));
                    }
                });
            }
        }
        // keep only the reusable answers this service's operations refer to
        SPECIFIC.keySet().stream().filter(name -> !referenced.contains(name)).forEach(components::removeResponse);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }
}
