package cn.eduduty.console.county;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.ConsoleUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The county pages without the services: nobody signed in is sent to sign in, and the live
 * narrative check still answers a fragment (the text escaped, a note why nothing is marked) when
 * report-service cannot be reached. The pages against the live services are the browser test's.
 */
@QuarkusTest
@TestProfile(CountyPagesTest.NoServices.class)
class CountyPagesTest {

    /** Free ports for the console; every service at a port nothing listens on. */
    public static class NoServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", "0", "quarkus.management.test-port", "0",
                    "quarkus.rest-client.indicator.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.registry.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.funding.url", "http://127.0.0.1:9",
                    "quarkus.rest-client.report.url", "http://127.0.0.1:9");
        }
    }

    /** As a browser posts the console's (UTF-8) forms. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** A token as the console reads it (it never verifies one: the services do). */
    private static String editorToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"upn\":\"demo-editor\",\"groups\":[\"county-editor\"],\"region\":\"990101\"}";
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".x";
    }

    @Test
    void sendsSomebodyNotSignedInToSignIn() {
        given().redirects().follow(false).when().get("/counties/990101/2025")
                .then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().redirects().follow(false).when().get("/evaluations/7d29cd3d-38d3-44b1-9ece-c742c52cf571/indicators/1.1.1")
                .then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void narrativeCheckEscapesTheTextAndSaysWhyNothingIsMarkedWhenTheCheckerIsDown() {
        given().cookie(ConsoleUser.COOKIE, editorToken()).contentType(FORM)
                .formParam("narrative", "<script>alert(1)</script>学前三年毛入园率达到92.4%。")
                .when().post("/counties/990101/2025/narrative-check")
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;学前三年毛入园率达到92.4%。"),
                        not(containsString("<script>alert")), containsString("暂时无法自动核对数据"),
                        not(containsString("<html")));
    }

    @Test
    void narrativeCheckOfABlankNarrativeAsksForOne() {
        given().cookie(ConsoleUser.COOKIE, editorToken()).contentType(FORM).formParam("narrative", " ")
                .when().post("/counties/990101/2025/narrative-check")
                .then().statusCode(200).body(containsString("narrative-check-empty"));
    }
}
