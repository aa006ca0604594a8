package cn.eduduty.indicator.security;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.indicator.IndicatorFixtures;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The token rules (region a string GB/T 2260 code, roles fitting its level, lifetime bounded) as a
 * caller meets them: once, before any role check or resource method, as RFC 9457 problems.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TokenClaimsTest {

    private static final String PREFECTURE = "931200";
    private static final String COUNTY = "931201";

    private static ValidatableResponse get(String token, String path) {
        return RestAssured.given().auth().oauth2(token).accept(ContentType.JSON).get(path).then();
    }

    private static ValidatableResponse createFramework(String token, String region, String code) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(IndicatorFixtures.framework(code, 2025, region)).post("/api/v1/frameworks").then();
    }

    private static void unauthenticated(ValidatableResponse response, String detail) {
        response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:eduduty:problem:unauthenticated"))
                .body("detail", containsString(detail))
                .body(not(containsString("Exception")));
    }

    @Test
    void aNumericOrArrayRegionIs401NotAServerError() {
        // a numeric region once reached Access.region() and answered 500
        unauthenticated(get(Tokens.numericRegion(VIEWER, COUNTY), "/api/v1/frameworks?region=" + COUNTY),
                "not a string");
        unauthenticated(get(Tokens.arrayRegion(VIEWER, COUNTY), "/api/v1/frameworks?region=" + COUNTY),
                "not a string");
        unauthenticated(get(Tokens.objectRegion(SYSTEM, COUNTY), "/api/v1/metrics"), "not a string");
        unauthenticated(get(Tokens.with(VIEWER, COUNTY, "region", "9312"), "/api/v1/metrics"), "GB/T 2260");
        // the same reader with a string region
        get(Tokens.of(VIEWER, COUNTY), "/api/v1/frameworks?region=" + COUNTY).statusCode(200);
    }

    @Test
    void aTokenWithoutRegionReadsNothing() {
        // it once read the metric catalogue, which asks no region of the caller
        for (String path : List.of("/api/v1/metrics", "/api/v1/frameworks?region=" + COUNTY)) {
            unauthenticated(get(Tokens.withoutRegion(VIEWER), path), "no region");
            unauthenticated(get(Tokens.withoutRegion(SYSTEM), path), "no region");
        }
        get(Tokens.of(VIEWER, COUNTY), "/api/v1/metrics").statusCode(200);
    }

    @Test
    void boundsTheTokensLifetime() {
        unauthenticated(get(Tokens.longLived(VIEWER, COUNTY), "/api/v1/metrics"), "lifetime");
        unauthenticated(get(Tokens.lifetime(VIEWER, COUNTY, Duration.ofHours(12).plusSeconds(1)), "/api/v1/metrics"),
                "lifetime");
        // SmallRye JWT already refuses a token without iat (TokenRules would too), with its own words
        unauthenticated(get(Tokens.withoutIssuedAt(VIEWER, COUNTY), "/api/v1/metrics"), "token");
        get(Tokens.lifetime(VIEWER, COUNTY, Duration.ofHours(12)), "/api/v1/metrics").statusCode(200);
        get(Tokens.lifetime(VIEWER, COUNTY, Duration.ofMinutes(5)), "/api/v1/metrics").statusCode(200);
    }

    @Test
    void aMalformedTokenIs401EvenWhereItsRoleWouldBeRefused() {
        // authentication comes before the role check: a viewer may not create, but its broken token is what is said
        unauthenticated(createFramework(Tokens.numericRegion(VIEWER, PREFECTURE), PREFECTURE, "T-MAL-1"),
                "not a string");
        unauthenticated(createFramework(Tokens.longLived(PREFECTURE_REVIEWER, PREFECTURE), PREFECTURE, "T-MAL-2"),
                "lifetime");
        createFramework(Tokens.of(VIEWER, PREFECTURE), PREFECTURE, "T-MAL-3").statusCode(403);
    }

    @Test
    void aRoleThatDoesNotFitItsRegionsLevelIs403() {
        // a county editor of a prefecture, of a province, of a township
        for (String region : List.of(PREFECTURE, "930000", COUNTY + "001")) {
            get(Tokens.of(COUNTY_EDITOR, region), "/api/v1/metrics").statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:eduduty:problem:forbidden"));
        }
        // a prefecture reviewer of a county may not even create what a reviewer of its prefecture creates
        createFramework(Tokens.misfit(PREFECTURE_REVIEWER, COUNTY), COUNTY, "T-MIS-1").statusCode(403)
                .body("type", equalTo("urn:eduduty:problem:forbidden"));
        createFramework(Tokens.of(PREFECTURE_REVIEWER, PREFECTURE), PREFECTURE, "T-MIS-2").statusCode(201);
        // and province reviewers evaluate their counties too
        createFramework(Tokens.of(PREFECTURE_REVIEWER, "930000"), "930000", "T-MIS-3").statusCode(201);
        // a county editor of its county, viewers and system clients of any level read
        get(Tokens.of(COUNTY_EDITOR, COUNTY), "/api/v1/metrics").statusCode(200);
        for (String region : List.of("930000", PREFECTURE, COUNTY, COUNTY + "001")) {
            get(Tokens.of(VIEWER, region), "/api/v1/metrics").statusCode(200);
            get(Tokens.of(SYSTEM, region), "/api/v1/metrics").statusCode(200);
        }
    }

    @Test
    void aClaimOfAnotherTypeNeverReachesAResourceMethod() {
        // every malformed kind on a read and a write: never a 5xx, always the same 401 problem
        Map<String, String> malformed = Tokens.malformed(PREFECTURE_REVIEWER, PREFECTURE);
        malformed.forEach((what, token) -> {
            get(token, "/api/v1/frameworks?region=" + PREFECTURE).statusCode(401);
            createFramework(token, PREFECTURE, "T-ALL").statusCode(401);
        });
    }

    @Test
    void theApisDocumentsNeedNoTokenAndIgnoreABrokenOne() {
        RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.withoutRegion(VIEWER)).get("/q/swagger-ui/").then().statusCode(200);
    }
}
