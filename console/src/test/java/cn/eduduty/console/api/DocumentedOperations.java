package cn.eduduty.console.api;

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
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * A service's OpenAPI document as its build wrote it (the one the generated clients come from),
 * for checking the console's few hand-written clients against it: the same path, method,
 * parameters (by name and place, every required one sent), request media types and answers.
 */
public final class DocumentedOperations {

    private final File document;
    private final OpenAPI api;

    private DocumentedOperations(File document, OpenAPI api) {
        this.document = document;
        this.api = api;
    }

    /** The document of {@code service} (a module name), which the reactor builds before the console. */
    public static DocumentedOperations of(String service) {
        File document = new File("../" + service + "/target/openapi/openapi.yaml");
        assertThat(document).as(service + "'s OpenAPI document (built before the console)").exists();
        OpenAPI api = new OpenAPIV3Parser().read(document.getPath());
        assertThat(api).isNotNull();
        return new DocumentedOperations(document, api);
    }

    /** The operation {@code operationId} and its path. */
    public Map.Entry<String, Operation> operation(String operationId) {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Operation op : path.getValue().readOperations()) {
                if (operationId.equals(op.getOperationId())) {
                    return Map.entry(path.getKey(), op);
                }
            }
        }
        throw new AssertionError("no operation " + operationId + " in " + document);
    }

    /** Asserts that {@code method} of the client {@code client} is {@code operationId}, as the document says it. */
    public void assertMatches(Class<?> client, Method method, String operationId) {
        Map.Entry<String, Operation> documented = operation(operationId);
        String path = client.getAnnotation(Path.class).value() + method.getAnnotation(Path.class).value();
        assertThat(path).as(operationId + " path").isEqualTo(documented.getKey());
        PathItem item = api.getPaths().get(path);
        Operation same = method.isAnnotationPresent(GET.class) ? item.getGet()
                : method.isAnnotationPresent(POST.class) ? item.getPost() : null;
        assertThat(same).as(operationId + " is the " + (method.isAnnotationPresent(GET.class) ? "GET" : "POST") + " of " + path)
                .isSameAs(documented.getValue());

        Set<String> declared = new HashSet<>();
        boolean body = false;
        for (Parameter parameter : method.getParameters()) {
            String in = in(parameter);
            if (in == null) {
                body = true;
            } else {
                declared.add(in + ":" + name(parameter));
            }
        }
        Set<String> documentedParameters = documented.getValue().getParameters() == null ? Set.of()
                : documented.getValue().getParameters().stream().map(p -> p.getIn() + ":" + p.getName())
                        .collect(Collectors.toSet());
        assertThat(documentedParameters).as(operationId + " parameters").containsAll(declared);
        Set<String> required = documented.getValue().getParameters() == null ? Set.of()
                : documented.getValue().getParameters().stream().filter(p -> Boolean.TRUE.equals(p.getRequired()))
                        .map(p -> p.getIn() + ":" + p.getName()).collect(Collectors.toSet());
        assertThat(declared).as(operationId + " sends every required parameter").containsAll(required);

        if (body) {
            assertThat(documented.getValue().getRequestBody()).as(operationId + " takes a body").isNotNull();
            List<String> sent = Arrays.asList(method.getAnnotation(Consumes.class).value());
            assertThat(documented.getValue().getRequestBody().getContent().keySet()).as(operationId + " request media types")
                    .containsAll(sent);
        }

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
    }

    private static String in(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (a instanceof QueryParam) {
                return "query";
            }
            if (a instanceof PathParam) {
                return "path";
            }
            if (a instanceof HeaderParam) {
                return "header";
            }
        }
        return null;
    }

    private static String name(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        PathParam path = parameter.getAnnotation(PathParam.class);
        return path != null ? path.value() : parameter.getAnnotation(HeaderParam.class).value();
    }
}
