package cn.eduduty.console.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A console started with neither the identity provider nor the launcher's key (a deployment not yet
 * configured): nobody can sign in, and the page says what to configure.
 */
@QuarkusTest
class NoSignInConfiguredTest {

    @Test
    void nobodyCanSignIn() {
        given().when().get("/sign-in").then().statusCode(200)
                .body(containsString("尚未配置登录方式"))
                .body(not(containsString("仅供本机使用")))
                .body(not(containsString("name=\"account\"")));
        given().redirects().follow(false).formParam("account", "county-editor|990101").when().post("/sign-in").then()
                .statusCode(404).header("Set-Cookie", (String) null);
    }
}
