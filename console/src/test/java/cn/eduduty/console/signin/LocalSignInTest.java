package cn.eduduty.console.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.LocalKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The local sign-in, as deploy/run offers it: the page says it is for local use only, signs a
 * token for one of the configured accounts with the launcher's key, keeps it in an HttpOnly,
 * SameSite=Strict cookie, and refuses anything else: another account, a form posted from another
 * site, a page asked for without signing in.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalKeys.class, restrictToAnnotatedClass = true)
class LocalSignInTest {

    @Test
    void thePageOffersTheDemoAccountsAndSaysItIsLocalOnly() {
        given().when().get("/sign-in").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("仅供本机使用"))
                .body(containsString("value=\"county-editor|990101\""))
                .body(containsString("value=\"prefecture-reviewer|990100\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieWithATokenOfThatAccount() throws Exception {
        Response r = given().redirects().follow(false).header("Origin", "http://localhost:" + RestAssured.port)
                .formParam("account", "county-editor|990101").when().post("/sign-in");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/");
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleUser.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        String token = r.cookie(ConsoleUser.COOKIE);
        JsonNode claims = verified(token);
        assertThat(claims.path("iss").asText()).isEqualTo("https://eduduty.local/issuer");
        assertThat(claims.path("aud").toString()).contains("eduduty");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"county-editor\"]");
        assertThat(claims.path("region").asText()).isEqualTo("990101");
        assertThat(claims.path("upn").asText()).isEqualTo("demo-editor");
        long life = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertThat(life).isEqualTo(8 * 3600);

        // signed in, home is the county's year; signed out, the cookie is cleared
        given().redirects().follow(false).cookie(ConsoleUser.COOKIE, token).when().get("/").then().statusCode(303)
                .header("Location", containsString("/counties/990101/2025"));
        given().redirects().follow(false).header("Origin", "http://localhost:" + RestAssured.port).cookie(ConsoleUser.COOKIE, token)
                .when().post("/sign-out").then().statusCode(303)
                .header("Location", containsString("/sign-in"))
                .header("Set-Cookie", containsString(ConsoleUser.COOKIE + "=;"));
    }

    @Test
    void aTokenTheServicesRefusedIsDroppedAndTheUserToldWhy() {
        given().redirects().follow(false).cookie(ConsoleUser.COOKIE, "stale").when().get("/sign-in?expired=1").then()
                .statusCode(200).body(containsString("登录已失效，请重新登录"))
                .header("Set-Cookie", containsString(ConsoleUser.COOKIE + "=;"));
        given().when().get("/sign-in").then().statusCode(200).body(not(containsString("登录已失效")))
                .body(containsString("县级填报 · 行政区划 990101"));
    }

    @Test
    void aReviewerGoesToThePrefecture() {
        String token = given().redirects().follow(false).formParam("account", "prefecture-reviewer|990100")
                .when().post("/sign-in").cookie(ConsoleUser.COOKIE);
        given().redirects().follow(false).cookie(ConsoleUser.COOKIE, token).when().get("/").then().statusCode(303)
                .header("Location", containsString("/prefectures/990100/2025"));
    }

    @Test
    void onlyTheConfiguredAccountsCanBeChosen() {
        given().redirects().follow(false).formParam("account", "system|990100").when().post("/sign-in").then()
                .statusCode(400).body(containsString("请选择下列账号之一")).header("Set-Cookie", (String) null);
        given().redirects().follow(false).formParam("account", "county-editor|990102").when().post("/sign-in").then()
                .statusCode(400);
        given().redirects().follow(false).when().post("/sign-in").then().statusCode(400);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("account", "county-editor|990101").when().post("/sign-in").then()
                .statusCode(403).header("Set-Cookie", (String) null);
        // a sandboxed frame's form, or one sent on after a cross-site redirect, has the origin "null"
        given().redirects().follow(false).header("Origin", "null")
                .formParam("account", "county-editor|990101").when().post("/sign-in").then()
                .statusCode(403).header("Set-Cookie", (String) null);
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("account", "county-editor|990101").when().post("/sign-in").then()
                .statusCode(403).header("Set-Cookie", (String) null);
    }

    @Test
    void withoutSigningInEveryPageSendsToTheSignInPage() {
        for (String page : new String[] { "/", "/counties/990101/2025", "/prefectures/990100/2025" }) {
            given().redirects().follow(false).when().get(page).then().statusCode(303)
                    .header("Location", containsString("/sign-in"));
        }
        // a cookie that is not a token is nobody
        given().redirects().follow(false).cookie(ConsoleUser.COOKIE, "not-a-token").when().get("/").then()
                .statusCode(303).header("Location", containsString("/sign-in"));
    }

    private static JsonNode verified(String token) throws Exception {
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(LocalKeys.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the launcher's key").isTrue();
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
