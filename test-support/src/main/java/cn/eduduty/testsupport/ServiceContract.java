package cn.eduduty.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;

/**
 * What every service must do, written once: extend it in a {@code @QuarkusTest}, and name one
 * endpoint that takes a JSON body and the append-only tables in {@link Service @Service}. Health
 * and metrics on the management port (and not on the public one), OpenAPI, Swagger UI, and problem
 * details for a malformed body, an unknown path, a missing token and a malformed one; and a
 * database connection as a role that owns nothing and may only insert into and read the
 * append-only tables.
 */
public abstract class ServiceContract {

    /** The service a subclass checks: one test class per service, annotated with it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Service {

        /** Path of an endpoint that takes a JSON body by {@link #bodyMethod()}. */
        String bodyPath();

        String bodyMethod() default "PUT";

        /** A role and region allowed to call {@link #bodyPath()}. */
        String writerRole();

        String writerRegion();

        /**
         * The tables the service's migrations mark append-only (a comment beginning with
         * "append-only"), on which its application role has SELECT and INSERT only. Tables of shared
         * migrations marked so are checked too.
         */
        String[] appendOnlyTables();

        /**
         * The topics the service consumes, created before its metrics are read so that its consumer
         * holds partitions and reports their lag.
         */
        String[] topicsConsumed() default {};
    }

    private Service service() {
        Service service = getClass().getAnnotation(Service.class);
        if (service == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " names no @ServiceContract.Service");
        }
        return service;
    }

    private String bodyPath() {
        return service().bodyPath();
    }

    private String bodyMethod() {
        return service().bodyMethod();
    }

    private String writerRole() {
        return service().writerRole();
    }

    private String writerRegion() {
        return service().writerRegion();
    }

    private Set<String> appendOnlyTables() {
        return Set.of(service().appendOnlyTables());
    }

    /** The management interface (health, metrics), on a port of its own. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The URL of {@code path} (e.g. {@code /q/health/ready}) on the management interface. */
    private String management(String path) {
        return URI.create(management.toString()).resolve(path).toString();
    }

    @Test
    void connectsAsARoleThatOwnsNothing() throws SQLException {
        ApplicationRoleAssertions.assertOwnsNothing();
    }

    @Test
    void theApplicationRoleMayOnlyInsertIntoAndReadAppendOnlyTables() throws SQLException {
        Set<String> marked = ApplicationRoleAssertions.appendOnlyTables();
        assertThat(marked).containsAll(appendOnlyTables());
        for (String table : marked) {
            ApplicationRoleAssertions.assertInsertAndSelectOnly(table);
        }
    }

    @Test
    void isReadyWithDatabaseAndOutboxChecksAndWellWithKafkaOnTheManagementPort() {
        given().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "outbox"))
                // the broker being away must not take the service out of rotation: the outbox keeps the events
                .body("checks.name", not(hasItems("kafka")))
                .body(not(containsString("lastError")))
                .body(not(containsString("Exception")));
        given().get(management("/q/health/well")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka"));
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesNeitherHealthNorMetricsOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/health/well",
                "/q/metrics", "/q/info", "/q/dev-ui")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        // the API's documents stay public
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void servesACompleteOpenApiDocument() {
        String document = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertThat(OpenApiContract.defects(document)).isEmpty();
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void exposesOutboxLagAsAMetricOnTheManagementPort() {
        given().get(management("/q/metrics")).then().statusCode(200)
                .body(containsString("eduduty_outbox_unsent"))
                .body(containsString("eduduty_outbox_oldest_unsent_age_seconds"));
    }

    /**
     * Every series that deploy/observability's alert rules and dashboard read is attributed to a
     * service in its metrics.txt, and this service's /q/metrics exposes those attributed to it or to
     * all (after one request, so that the request timer has a series; gauges that need a moment, such
     * as the consumer's lag, are waited for).
     */
    @Test
    void exposesTheMetricsTheAlertRulesAndTheDashboardRead() throws InterruptedException {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        Map<String, String> exposedBy = ObservabilityFiles.exposedBy();
        assertThat(ObservabilityFiles.referencedSeries())
                .as("series of deploy/observability/rules.yml and dashboard.json that metrics.txt attributes to no service")
                .isSubsetOf(exposedBy.keySet());
        Set<String> expected = new TreeSet<>();
        exposedBy.forEach((series, by) -> {
            if (by.equals(ObservabilityFiles.ALL) || by.equals(name)) {
                expected.add(series);
            }
        });
        for (String topic : service().topicsConsumed()) {
            TopicReader.createIfMissing(System.getProperty("eduduty.kafka.bootstrap"), topic);
        }
        Api.anonymous().body("{}").request(bodyMethod(), bodyPath()).then().statusCode(401);

        Set<String> missing = new TreeSet<>(expected);
        for (long until = System.currentTimeMillis() + 30_000; !missing.isEmpty() && System.currentTimeMillis() < until;) {
            missing.removeAll(ObservabilityFiles.exposed(given().get(management("/q/metrics")).then().statusCode(200)
                    .extract().asString()));
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertThat(missing).as("series metrics.txt says %s exposes, missing from its /q/metrics", name).isEmpty();
    }

    @Test
    void answersAMalformedBodyWithProblemDetails() {
        Api.as(writerRole(), writerRegion()).body("{\"broken\": ").request(bodyMethod(), bodyPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:malformed-body"))
                .body("status", equalTo(400))
                .body("instance", equalTo(bodyPath()))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void answersAnUnknownPathWithProblemDetails() {
        Api.as(writerRole(), writerRegion()).accept(ContentType.ANY).get("/api/v1/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-resource"));
        given().get("/no/such/page").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAnApiCallWithoutTokenWithProblemDetails() {
        Api.anonymous().body("{}").request(bodyMethod(), bodyPath())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:eduduty:problem:unauthenticated"));
    }

    @Test
    void refusesEveryMalformedTokenWith401BeforeAnyRoleCheck() {
        // the writer's own role, so that only the token's claims can be the reason
        Tokens.malformed(writerRole(), writerRegion()).forEach((what, token) -> given().auth().oauth2(token)
                .contentType(ContentType.JSON).accept(ContentType.JSON).body("{}").request(bodyMethod(), bodyPath())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:eduduty:problem:unauthenticated"))
                .body(not(containsString("Exception"))));
        // and a token of the wrong level for its role is 403: a county editor of a prefecture or province
        Api.as(Api.COUNTY_EDITOR, writerRegion().substring(0, 4) + "00").body("{}").request(bodyMethod(), bodyPath())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:forbidden"));
        // while the writer's well-formed token passes authentication (its malformed body is then 400)
        Api.as(writerRole(), writerRegion()).body("{\"broken\": ").request(bodyMethod(), bodyPath())
                .then().statusCode(400);
    }

    @Test
    void servesItsDocumentsWhateverTokenComesAlong() {
        given().auth().oauth2(Tokens.numericRegion(writerRole(), writerRegion())).accept(ContentType.JSON)
                .get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void auditsRefusalsWithTheirRequestIdForTheSystemRoleOnly() {
        String anonymous = "contract-" + UUID.randomUUID();
        Api.anonymous().header("X-Request-Id", anonymous).body("{}").request(bodyMethod(), bodyPath())
                .then().statusCode(401).header("X-Request-Id", anonymous);
        String viewer = "contract-" + UUID.randomUUID();
        Api.as(Api.VIEWER, writerRegion()).header("X-Request-Id", viewer).body("{}").request(bodyMethod(), bodyPath())
                .then().statusCode(403).header("X-Request-Id", viewer);
        String province = writerRegion().substring(0, 2) + "0000";
        Map<String, Object> refused = auditRecord(province, "anonymous", anonymous);
        assertThat(refused).containsEntry("status", 401).containsEntry("method", bodyMethod())
                .containsEntry("path", bodyPath()).containsEntry("roles", List.of());
        Map<String, Object> forbidden = auditRecord(province, "viewer@" + writerRegion(), viewer);
        assertThat(forbidden).containsEntry("status", 403).containsEntry("roles", List.of(Api.VIEWER))
                .containsEntry("subjectRegion", writerRegion());
        Api.as(Api.VIEWER, province).get("/api/v1/audit").then().statusCode(403);
        Api.anonymous().get("/api/v1/audit").then().statusCode(401);
    }

    /** The audit record of {@code requestId}, as a system token of {@code region} finds it (written asynchronously). */
    protected static Map<String, Object> auditRecord(String region, String subject, String requestId) {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<Map<String, Object>> items = Api.as(Api.SYSTEM, region)
                    .queryParam("subject", subject).queryParam("size", 500).get("/api/v1/audit")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            var found = items.stream().filter(i -> requestId.equals(i.get("requestId"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no audit record of request " + requestId + " by " + subject);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
