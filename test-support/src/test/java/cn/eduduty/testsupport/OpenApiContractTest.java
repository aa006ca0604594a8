package cn.eduduty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The OpenAPI contract judges what a person writes on a resource. Both documents below carry the
 * answers {@code ProblemResponsesFilter} adds to every operation (400, 401, 403 as problem
 * details), so only the written parts tell them apart.
 */
class OpenApiContractTest {

    private static final String PROBLEMS = """
            "400": {"description": "Invalid input", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
            "401": {"description": "No valid bearer token", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
            "403": {"description": "Not allowed", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            """;

    private static String document(String tags, String thingDescription, String getThing, String putThing) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "tags": [%s],
                 "paths": {
                  "/api/v1/things/{id}": {
                   "get": %s,
                   "put": %s
                  }
                 },
                 "components": {"schemas": {
                  "Problem": {"type": "object", "description": "RFC 9457 problem details"},
                  "Thing": {"type": "object", %s "properties": {"name": {"type": "string"}}}
                 }}}
                """.formatted(tags, getThing, putThing, thingDescription);
    }

    private static final String COMPLETE = document("""
            {"name": "Things", "description": "What the county owns"}""", "\"description\": \"A thing\",", """
            {"operationId": "getThing", "summary": "Read a thing", "tags": ["Things"],
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                            {"name": "view", "in": "query", "description": "short or full", "schema": {"type": "string"}}],
             "responses": {"200": {"description": "The thing, with its version as ETag",
                                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                           "404": {"description": "No such thing"}, %s}}""".formatted(PROBLEMS), """
            {"operationId": "putThing", "summary": "Replace a thing", "tags": ["Things"],
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                            {"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
             "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
             "responses": {"200": {"description": "Replaced", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                           "412": {"description": "Stale"}, "428": {"description": "If-Match required"}, %s}}"""
            .formatted(PROBLEMS));

    /** The same operations as a person forgets to write them: every problem answer is still there. */
    private static final String UNWRITTEN = document("", "", """
            {"operationId": "getThing", "summary": "Read a thing",
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                            {"name": "view", "in": "query", "schema": {"type": "string"}}],
             "responses": {"200": {"description": "OK",
                                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}, %s}}"""
            .formatted(PROBLEMS), """
            {"operationId": "putThing", "summary": "Replace a thing", "tags": ["Things"],
             "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                            {"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
             "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
             "responses": {"200": {"description": "Replaced", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                           %s}}""".formatted(PROBLEMS));

    @Test
    void acceptsADocumentWhoseOperationsSayWhatTheyDo() {
        assertThat(OpenApiContract.defects(COMPLETE)).isEmpty();
    }

    @Test
    void namesEveryPartAPersonLeftUnwritten() {
        assertThat(OpenApiContract.defects(UNWRITTEN)).containsExactlyInAnyOrder(
                "GET /api/v1/things/{id}: no tag",
                "GET /api/v1/things/{id}: query parameter view has no description",
                "GET /api/v1/things/{id}: 200 is not described (\"OK\")",
                "GET /api/v1/things/{id}: 200: its schema is not a described component",
                "GET /api/v1/things/{id}: reads one resource by its path but declares no 404",
                "PUT /api/v1/things/{id}: tag Things is not described in the document",
                "PUT /api/v1/things/{id}: the request body's schema is not a described component",
                "PUT /api/v1/things/{id}: 200: its schema is not a described component",
                "PUT /api/v1/things/{id}: takes If-Match but declares no 412",
                "PUT /api/v1/things/{id}: takes If-Match but declares no 428");
    }

    @Test
    void namesABodyAClientGeneratorCouldNotType() {
        String looseProperty = COMPLETE.replace("\"properties\": {\"name\": {\"type\": \"string\"}}",
                "\"properties\": {\"name\": {\"type\": \"string\"}, \"extra\": {\"type\": \"object\"}}");
        assertThat(OpenApiContract.defects(looseProperty)).containsExactlyInAnyOrder(
                "GET /api/v1/things/{id}: 200: its Thing.extra is an object without properties",
                "PUT /api/v1/things/{id}: the request body's Thing.extra is an object without properties",
                "PUT /api/v1/things/{id}: 200: its Thing.extra is an object without properties");

        String bareAnswer = COMPLETE.replaceFirst("\\{\"\\$ref\": \"#/components/schemas/Thing\"\\}",
                "{\"type\": \"object\", \"description\": \"The thing\"}");
        assertThat(OpenApiContract.defects(bareAnswer))
                .containsExactly("GET /api/v1/things/{id}: 200: its body is an object without properties");
    }
}
