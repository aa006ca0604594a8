package cn.eduduty.report.resync;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter.StyleEnum;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Whether a typed owner client reads only what the owner's OpenAPI document promises: every GET
 * of the client is an operation of the document (path templates compared without their names),
 * every query parameter it sends is one the operation takes, and every record component it reads
 * is a property of the operation's 200 schema, of a compatible type, down through lists, nested
 * records and pages. Extra properties of the owner are fine (resync reads what it needs).
 */
final class OwnerContract {

    private final String owner;
    private final OpenAPI api;

    private OwnerContract(String owner, OpenAPI api) {
        this.owner = owner;
        this.api = api;
    }

    /** The owner's document, as YAML or JSON text. */
    static OwnerContract of(String owner, String document) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, null);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException(owner + ": not an OpenAPI document: " + result.getMessages());
        }
        return new OwnerContract(owner, result.getOpenAPI());
    }

    /** Every way in which {@code client} reads something the document does not promise; empty when none. */
    List<String> defects(Class<?> client) {
        List<String> defects = new ArrayList<>();
        String base = client.isAnnotationPresent(Path.class) ? client.getAnnotation(Path.class).value() : "";
        for (Method method : client.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(GET.class)) {
                continue;
            }
            String path = base + (method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
            String where = client.getSimpleName() + "." + method.getName() + " (GET " + path + ")";
            Operation operation = operation(path);
            if (operation == null) {
                defects.add(where + ": " + owner + " has no such operation");
                continue;
            }
            for (Parameter parameter : method.getParameters()) {
                QueryParam query = parameter.getAnnotation(QueryParam.class);
                if (query != null && !takes(operation, query.value())) {
                    defects.add(where + ": " + owner + " takes no query parameter " + query.value());
                }
                if (query == null && !parameter.isAnnotationPresent(PathParam.class)) {
                    defects.add(where + ": parameter " + parameter.getName() + " is neither path nor query");
                }
            }
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
            if (json == null || json.getSchema() == null) {
                defects.add(where + ": " + owner + " documents no JSON 200 answer");
                continue;
            }
            check(method.getGenericReturnType(), json.getSchema(), where, Map.of(), defects);
        }
        return defects;
    }

    private Operation operation(String path) {
        String wanted = template(path);
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            if (template(entry.getKey()).equals(wanted)) {
                return entry.getValue().getGet();
            }
        }
        return null;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static boolean takes(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "query".equals(p.getIn()) && name.equals(p.getName())
                        && (p.getStyle() == null || p.getStyle() == StyleEnum.FORM));
    }

    private void check(Type type, Schema<?> schema, String where, Map<TypeVariable<?>, Type> bound,
            List<String> defects) {
        Schema<?> s = resolve(schema);
        if (type instanceof TypeVariable<?> variable) {
            check(bound.get(variable), schema, where, bound, defects);
            return;
        }
        Class<?> raw = raw(type);
        Set<String> types = types(s);
        if (Collection.class.isAssignableFrom(raw)) {
            if (!types.contains("array") || s.getItems() == null) {
                defects.add(where + ": a list, but " + owner + " documents " + describe(s));
                return;
            }
            check(((ParameterizedType) type).getActualTypeArguments()[0], s.getItems(), where + "[]", bound, defects);
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!types.contains("object")) {
                defects.add(where + ": a map, but " + owner + " documents " + describe(s));
            }
            return;
        }
        if (raw.isRecord()) {
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bound);
            if (type instanceof ParameterizedType parameterized) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    inner.put(variables[i], parameterized.getActualTypeArguments()[i]);
                }
            }
            Map<String, Schema> properties = s.getProperties();
            if (properties == null) {
                defects.add(where + ": a " + raw.getSimpleName() + ", but " + owner + " documents " + describe(s));
                return;
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                Schema<?> property = properties.get(component.getName());
                String at = where + " " + raw.getSimpleName() + "." + component.getName();
                if (property == null) {
                    defects.add(at + ": no such property in " + owner + "'s " + name(schema) + " " + properties.keySet());
                } else {
                    check(component.getGenericType(), property, at, inner, defects);
                }
            }
            return;
        }
        String expected = scalar(raw);
        if (expected == null) {
            defects.add(where + ": " + raw.getSimpleName() + " is no type resync reads from JSON");
        } else if (!types.contains(expected) && !(expected.equals("number") && types.contains("integer"))) {
            defects.add(where + ": " + raw.getSimpleName() + " (" + expected + "), but " + owner + " documents "
                    + describe(s));
        }
    }

    /** The JSON type a scalar is read from: decimals are written as strings by the owners. */
    private static String scalar(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == LocalDate.class || raw == Instant.class
                || raw == BigDecimal.class) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        return null;
    }

    /** The schema itself behind references, a single allOf, or a nullable anyOf/oneOf. */
    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; hops < 10; hops++) {
            Schema<?> next;
            if (s.get$ref() != null) {
                next = api.getComponents().getSchemas().get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
                if (next == null) {
                    throw new IllegalStateException(owner + ": unresolvable " + s.get$ref());
                }
            } else if (s.getAllOf() != null && s.getAllOf().size() == 1) {
                next = s.getAllOf().get(0);
            } else if (s.getAnyOf() != null || s.getOneOf() != null) {
                List<Schema> options = s.getAnyOf() != null ? s.getAnyOf() : s.getOneOf();
                next = options.stream().filter(o -> !types(o).equals(Set.of("null"))).findFirst().orElse(null);
                if (next == null) {
                    return s;
                }
            } else {
                return s;
            }
            s = next;
        }
        throw new IllegalStateException(owner + ": references too deep at " + schema.get$ref());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> types(Schema<?> s) {
        if (s.getTypes() != null && !s.getTypes().isEmpty()) {
            return s.getTypes();
        }
        return s.getType() == null ? Set.of() : Set.of(s.getType());
    }

    private static String name(Schema<?> schema) {
        return schema.get$ref() == null ? "schema" : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }

    private static String describe(Schema<?> s) {
        return types(s).isEmpty() ? "an untyped schema" : String.join("|", types(s));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("cannot check " + type);
    }
}
