package cn.eduduty.console.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Production sign-in: the console as an OIDC web application of the province's identity provider
 * (a stand-in, {@link FakeIdentityProvider}). Going to {@code /oidc-sign-in} runs the authorization
 * code flow: to the provider, back with a code, the code traded for tokens, a session cookie,
 * home. The access token the provider issued is what the services then receive as the bearer token;
 * the local sign-in page offers no account.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeIdentityProvider.class, restrictToAnnotatedClass = true)
class OidcSignInTest {

    @Test
    void theCodeFlowSignsInAndTheProvidersAccessTokenGoesToTheServices() {
        Map<String, String> cookies = new HashMap<>();

        // 1. the console sends the browser to the provider
        Response toProvider = get("/oidc-sign-in", cookies);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI auth = URI.create(toProvider.header("Location"));
        assertThat(auth.getPath()).isEqualTo("/realms/province/auth");
        assertThat(auth.getRawQuery()).contains("client_id=" + FakeIdentityProvider.CLIENT_ID).contains("response_type=code");

        // 2. the provider signs the user in and sends the browser back with a code
        Response back = given().urlEncodingEnabled(false).redirects().follow(false).when().get(auth);
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = URI.create(back.header("Location"));
        assertThat(callback.getRawQuery()).contains("code=").contains("state=");

        // 3. the console trades the code and keeps the session in its cookie
        Response signedIn = get(callback.getRawPath() + "?" + callback.getRawQuery(), cookies);
        assertThat(signedIn.statusCode()).isBetween(302, 303);
        assertThat(cookies).containsKey("q_session");
        Response home = follow(signedIn, cookies);
        // /oidc-sign-in again, now signed in: home
        while (home.statusCode() == 302 || home.statusCode() == 303) {
            String location = home.header("Location");
            if (location.contains("/counties/")) {
                break;
            }
            home = follow(home, cookies);
        }
        assertThat(home.header("Location")).as("an editor of 990101 goes to the county's year").contains("/counties/990101/");

        // 4. a page calls the services with the provider's access token
        FakeIdentityProvider.serviceAuthorizations.clear();
        Response page = get(URI.create(home.header("Location")).getRawPath(), cookies);
        assertThat(page.statusCode()).as("the stand-in services refuse: the page shows their problem").isEqualTo(403);
        assertThat(page.asString()).contains("您没有执行此操作的权限");
        assertThat(FakeIdentityProvider.serviceAuthorizations).isNotEmpty()
                .allMatch(h -> h.equals("Bearer " + FakeIdentityProvider.lastAccessToken));

        // the local sign-in offers nothing here
        assertThat(given().when().get("/sign-in").asString()).contains("通过统一身份认证登录").doesNotContain("仅供本机使用");
    }

    @Test
    void withoutASessionAPageSendsToSignIn() {
        given().redirects().follow(false).when().get("/counties/990101/2025").then().statusCode(303);
    }

    private static Response get(String path, Map<String, String> cookies) {
        Response r = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).when().get(path);
        cookies.putAll(r.getCookies());
        r.getDetailedCookies().asList().stream().filter(c -> c.getMaxAge() == 0 || c.getValue().isEmpty())
                .forEach(c -> cookies.remove(c.getName()));
        return r;
    }

    private static Response follow(Response r, Map<String, String> cookies) {
        URI next = URI.create(r.header("Location"));
        return get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()), cookies);
    }
}
