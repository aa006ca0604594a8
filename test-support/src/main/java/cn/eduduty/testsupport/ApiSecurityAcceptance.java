package cn.eduduty.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import cn.eduduty.embedded.PostgresServer;

/**
 * Attacks every operation of the service's own OpenAPI document the way an outsider would, so a
 * new endpoint is covered without a new test: no token (401), a token with a bad signature (401),
 * a token whose region claim is a number (401), a county editor of another county (403 or 404,
 * and no table changed), and a viewer on every write (403). Request bodies are built from the
 * document's schemas (examples first), so that a refusal is the answer of the security checks and
 * not of body validation; an answer of 400 to an unauthorised caller means validation ran first.
 * Paths that address a record by id are called with real records of the own county, which
 * {@link #seed()} creates and the own county's token must first read, so that the foreign county's
 * 403 or 404 is the region check's and not that of a missing id. Extend it in a {@code @QuarkusTest},
 * name the service's own county and seed one record of each kind addressed by id.
 */
public abstract class ApiSecurityAcceptance {

    /** A county whose data the tests of this service use: path parameters naming a region get it. */
    protected abstract String ownCounty();

    /** A county of another province, for the foreign token. */
    protected String foreignCounty() {
        return "880101";
    }

    /** Values for path or query parameters by name, where the default (examples, then type) does not fit. */
    protected Map<String, String> parameterValues() {
        return Map.of();
    }

    /**
     * Creates, in {@link #ownCounty()}, one real record of each kind the document addresses by id,
     * and returns, for each, the path of its GET as the document spells it (e.g.
     * {@code "/api/v1/frameworks/{id}"}) with the values of its parameters. Every operation whose
     * path is that path or lies below it is called with these values (the longest such path wins
     * over {@link #parameterValues()}), so that a foreign county's 403 or 404 is the answer of the
     * region check and not of a missing record; the own county's {@link #ownReader()} must first
     * read each of them (2xx). Called once per test class, before its first test.
     */
    protected Map<String, Map<String, String>> seed() {
        return Map.of();
    }

    /**
     * Operations ({@code "POST /api/v1/..."}) that address a record by a uuid no {@link #seed()}
     * can create through the API; there should be few, each with its reason.
     */
    protected Set<String> unseededIds() {
        return Set.of();
    }

    /** The role of {@link #ownCounty()} that reads the records of {@link #seed()}. */
    protected String ownReader() {
        return Api.VIEWER;
    }

    private static final Map<Class<?>, Map<String, Map<String, String>>> SEEDED = new ConcurrentHashMap<>();

    /** The records {@link #seed()} created for this class, created on first use. */
    protected final Map<String, Map<String, String>> seeded() {
        return SEEDED.computeIfAbsent(getClass(), c -> Map.copyOf(seed()));
    }

    @BeforeEach
    void seedOwnCounty() {
        seeded();
    }

    /** Operations ({@code "GET /api/v1/..."}) that need no token; there should be none. */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    /**
     * Reads ({@code "GET /api/v1/..."}) of data that is the same for every region (a national
     * catalogue), which a token of any region may read.
     */
    protected Set<String> nationalReads() {
        return Set.of();
    }

    /**
     * POSTs ({@code "POST /api/v1/..."}) that change nothing (a computation over the body), which
     * a viewer may call.
     */
    protected Set<String> computations() {
        return Set.of();
    }

    /** Tables the service's background work changes by itself: only their row count is compared. */
    protected Set<String> volatileTables() {
        return Set.of("outbox", "processed_event", "consumer_position");
    }

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Test
    void refusesEveryOperationWithoutAToken() {
        List<String> markedPublic = operations().stream()
                .filter(op -> op.operation().getSecurity() != null && op.operation().getSecurity().isEmpty())
                .map(Op::key).filter(key -> !publicOperations().contains(key)).toList();
        assertThat(markedPublic).as("operations the document marks as needing no token").isEmpty();
        assertEveryOperation(op -> !publicOperations().contains(op.key()), given(), Set.of(401));
    }

    @Test
    void refusesEveryOperationWithABadlySignedToken() {
        String token = Tokens.of(Api.SYSTEM, ownCounty());
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        assertEveryOperation(op -> true, given().auth().oauth2(forged), Set.of(401));
    }

    @Test
    void refusesEveryOperationWithAMalformedToken() {
        // a region that is a number, an array, an object or missing, no iat, a lifetime over the maximum
        Tokens.malformed(Api.SYSTEM, ownCounty()).forEach(
                (what, token) -> assertEveryOperation(op -> true, given().auth().oauth2(token), Set.of(401)));
    }

    @Test
    void readsEverySeededRecordInItsOwnCounty() {
        // a new kind of record addressed by id needs a seed, or its refusals would be those of a missing id
        List<String> unseeded = operations().stream().filter(op -> !unseededIds().contains(op.key()))
                .filter(op -> op.operation().getParameters() != null && op.operation().getParameters().stream()
                        .anyMatch(p -> "path".equals(p.getIn()) && p.getSchema() != null
                                && "uuid".equals(p.getSchema().getFormat()) && !recordOf(op.path()).containsKey(p.getName())))
                .map(Op::key).toList();
        assertThat(unseeded).as("operations addressing a record by id that seed() creates none of").isEmpty();
        assertSeededRecordsExist();
    }

    /**
     * Each record of {@link #seed()} is read by the own county (2xx) through the GET the document
     * names, so that the foreign county's refusals of the same ids prove the region check.
     */
    private void assertSeededRecordsExist() {
        Map<String, Op> gets = new TreeMap<>();
        operations().stream().filter(op -> op.method() == PathItem.HttpMethod.GET).forEach(op -> gets.put(op.path(), op));
        List<String> failures = new ArrayList<>();
        seeded().forEach((path, values) -> {
            Op get = gets.get(path);
            if (get == null) {
                failures.add(path + ": no GET of that path in the document");
                return;
            }
            Response response = call(given().auth().oauth2(Tokens.of(ownReader(), ownCounty())), get);
            if (response.statusCode() / 100 != 2) {
                String body = response.asString();
                failures.add(path + " " + values + " -> " + response.statusCode() + " "
                        + body.substring(0, Math.min(body.length(), 300)));
            }
        });
        assertThat(failures).as("seeded records the own county's " + ownReader() + " cannot read").isEmpty();
    }

    @Test
    void refusesAForeignCountyEverywhereAndChangesNothing() throws SQLException {
        // the ids below are real: else a 404 would prove nothing about the region check
        assertSeededRecordsExist();
        Map<String, String> before = tables();
        assertEveryOperation(op -> !(op.method() == PathItem.HttpMethod.GET && nationalReads().contains(op.key())),
                given().auth().oauth2(Tokens.of(Api.COUNTY_EDITOR, foreignCounty())), Set.of(403, 404));
        assertThat(tables()).as("tables after a foreign county's calls").isEqualTo(before);
    }

    @Test
    void refusesAViewerEveryWrite() throws SQLException {
        Map<String, String> before = tables();
        assertEveryOperation(op -> WRITES.contains(op.method()) && !computations().contains(op.key()),
                given().auth().oauth2(Tokens.of(Api.VIEWER, ownCounty())), Set.of(403));
        assertThat(tables()).as("tables after a viewer's writes").isEqualTo(before);
    }

    @Test
    void refusesAForeignCountyBeforeLookingAtTheBody() throws SQLException {
        Map<String, String> before = tables();
        emptyBodies = true;
        try {
            // where the path names the region, the region decides before the body; where the body
            // or a stored record does, a 400 about the caller's own body is all it can learn
            assertEveryOperation(op -> op.operation().getRequestBody() != null && regionAddressed(op),
                    given().auth().oauth2(Tokens.of(Api.COUNTY_EDITOR, foreignCounty())), Set.of(403, 404));
            assertEveryOperation(op -> op.operation().getRequestBody() != null && !regionAddressed(op),
                    given().auth().oauth2(Tokens.of(Api.COUNTY_EDITOR, foreignCounty())), Set.of(400, 403, 404));
        } finally {
            emptyBodies = false;
        }
        assertThat(tables()).as("tables after a foreign county's calls").isEqualTo(before);
    }

    private boolean emptyBodies;

    private static boolean regionAddressed(Op op) {
        return op.path().matches(".*/(counties|regions)/\\{[^}]+}.*");
    }

    /** One operation of the document. */
    protected record Op(PathItem.HttpMethod method, String path, Operation operation) {
        String key() {
            return method + " " + path;
        }
    }

    private void assertEveryOperation(Predicate<Op> which, RequestSpecification caller,
            Set<Integer> expected) {
        List<Op> ops = operations();
        assertThat(ops).as("operations in the document").isNotEmpty();
        List<String> failures = new ArrayList<>();
        int called = 0;
        for (Op op : ops) {
            if (!which.test(op)) {
                continue;
            }
            called++;
            Response response = call(caller, op);
            if (!expected.contains(response.statusCode())) {
                String body = response.asString();
                failures.add(op.key() + " -> " + response.statusCode() + " "
                        + body.substring(0, Math.min(body.length(), 300)));
            }
        }
        if (called == 0) {
            return; // e.g. no operation of this kind in this service
        }
        assertThat(failures).as("operations not answering " + expected).isEmpty();
    }

    private Response call(RequestSpecification caller, Op op) {
        RequestSpecification request = given().spec(caller).accept(ContentType.ANY).redirects().follow(false);
        String path = op.path();
        List<Parameter> parameters = op.operation().getParameters() == null ? List.of()
                : op.operation().getParameters();
        Map<String, String> record = recordOf(op.path());
        for (Parameter p : parameters) {
            String value = record.containsKey(p.getName()) ? record.get(p.getName())
                    : value(p.getName(), p.getSchema(), p.getExample());
            switch (p.getIn()) {
                case "path" -> {
                    String placeholder = "{" + p.getName() + "}";
                    // a parameter right after /regions/ or /counties/ is a region, whatever its name
                    boolean region = path.contains("/regions/" + placeholder) || path.contains("/counties/" + placeholder);
                    path = path.replace(placeholder, region ? ownCounty() : value);
                }
                case "query" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        request = request.queryParam(p.getName(), value);
                    }
                }
                case "header" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        request = request.header(p.getName(), p.getName().equalsIgnoreCase("If-Match") ? "\"0\"" : value);
                    }
                }
                default -> {
                }
            }
        }
        path = path.replaceAll("\\{[^}]+}", "1");
        if (op.operation().getRequestBody() != null && op.operation().getRequestBody().getContent() != null) {
            var content = op.operation().getRequestBody().getContent();
            if (content.containsKey("application/json")) {
                MediaType media = content.get("application/json");
                request = request.contentType(ContentType.JSON)
                        .body(emptyBodies ? Map.of() : body(media.getSchema(), 0));
            } else {
                String type = content.keySet().iterator().next();
                request = request.contentType(type).body(new byte[] { 'a', ',', 'b', '\n' });
            }
        }
        return request.request(op.method().name(), path);
    }

    /** The values of the seeded record whose GET path is {@code path} or the longest one above it. */
    private Map<String, String> recordOf(String path) {
        String best = null;
        for (String seededPath : seeded().keySet()) {
            if ((path.equals(seededPath) || path.startsWith(seededPath + "/"))
                    && (best == null || seededPath.length() > best.length())) {
                best = seededPath;
            }
        }
        return best == null ? Map.of() : seeded().get(best);
    }

    private String value(String name, Schema<?> schema, Object example) {
        String given = parameterValues().get(name);
        if (given != null) {
            return given;
        }
        String lower = name.toLowerCase();
        if (lower.contains("region") || lower.contains("county")) {
            return ownCounty();
        }
        if (example != null) {
            return example.toString();
        }
        Object fromSchema = schema == null ? null : scalar(schema);
        return fromSchema == null ? "1" : fromSchema.toString();
    }

    /** A minimal valid-looking value of {@code schema}: its example, else one that fits its type. */
    private Object body(Schema<?> schema, int depth) {
        if (schema == null || depth > 6) {
            return Map.of();
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return body(schema.getAllOf().get(0), depth + 1);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return body(schema.getOneOf().get(0), depth + 1);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return body(schema.getAnyOf().get(0), depth + 1);
        }
        String type = type(schema);
        if ("array".equals(type)) {
            return List.of(body(schema.getItems(), depth + 1));
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Object v = body(property, depth + 1);
                    if (name.toLowerCase().contains("region") || name.toLowerCase().contains("county")) {
                        v = ownCounty();
                    }
                    object.put(name, v);
                });
            }
            return object;
        }
        Object scalar = scalar(schema);
        return scalar == null ? "1" : scalar;
    }

    private static Object scalar(Schema<?> schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        String format = schema.getFormat();
        String type = type(schema);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 2025;
            case "number" -> schema.getMinimum() != null ? schema.getMinimum() : 1;
            case "boolean" -> false;
            case "string" -> "uuid".equals(format) ? UUID.randomUUID().toString()
                    : "date".equals(format) ? "2025-09-01"
                    : "date-time".equals(format) ? "2025-09-01T00:00:00Z" : "1";
            default -> null;
        };
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return null;
    }

    private List<Op> operations() {
        String document = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        List<Op> ops = new ArrayList<>();
        new TreeMap<>(api.getPaths()).forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> ops.add(new Op(method, path, operation)));
            }
        });
        return ops;
    }

    /** Every table's row count, and for the stable ones a digest of their content. */
    private Map<String, String> tables() throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), PostgresServer.SUPERUSER, "");
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT table_schema || '.' || table_name FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                      AND table_name NOT IN ('audit_event', 'flyway_schema_history')""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                String bare = table.substring(table.indexOf('.') + 1);
                String sql = volatileTables().contains(bare) ? "SELECT count(*)::text FROM " + table
                        : "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                                + table + " t";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    state.put(table, rs.getString(1));
                }
            }
        }
        return state;
    }
}
