package cn.eduduty.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * What every service must do, written once: extend it in a {@code @QuarkusTest} and name one
 * endpoint that takes a JSON body. Health, OpenAPI, Swagger UI, metrics, and problem details for
 * a malformed body, an unknown path and a missing token; and a database connection as a role
 * that owns nothing and may only insert into and read the append-only tables.
 */
public abstract class ServiceContract {

    /** Path of an endpoint that takes a JSON body by {@link #bodyMethod()}. */
    protected abstract String bodyPath();

    protected String bodyMethod() {
        return "PUT";
    }

    /** A role and region allowed to call {@link #bodyPath()}. */
    protected abstract String writerRole();

    protected abstract String writerRegion();

    /**
     * The tables the service's migrations mark append-only (a comment beginning with
     * "append-only"), on which its application role has SELECT and INSERT only. Tables of shared
     * migrations marked so are checked too.
     */
    protected abstract Set<String> appendOnlyTables();

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
    void isReadyWithDatabaseKafkaAndOutboxChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check", "outbox"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
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
    void exposesOutboxLagAsAMetric() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("eduduty_outbox_unsent"))
                .body(containsString("eduduty_outbox_oldest_unsent_age_seconds"));
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
}
