package cn.eduduty.report.resync;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * Who may ask for a resync, and how an unreachable owner is answered. The resync itself, against
 * the four running services, is checked end to end in the launcher's SuiteEndToEndIT.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ResyncResourceTest {

    private static final String PATH = "/api/v1/read-model/resync";

    @Test
    void onlyASystemTokenOfTheRegionMayResync() {
        Map<String, String> body = Map.of("region", "990101");
        Api.anonymous().contentType("application/json").body(body).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        Api.as(Api.COUNTY_EDITOR, "990101").contentType("application/json").body(body).post(PATH).then()
                .statusCode(403);
        Api.as(Api.SYSTEM, "990201").contentType("application/json").body(body).post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Inject
    ResyncService resync;

    @Test
    void anUnreachableOwnerIsABadGatewayNamingIt() {
        Api.as(Api.SYSTEM, "990100").contentType("application/json").body(Map.of("region", "990101")).post(PATH).then()
                .statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:bad-gateway"))
                .body("detail", containsString("school-registry-service"));
        // a failed resync is not recorded as done, so a start-up rebuild would try again
        Assertions.assertThat(resync.completed("990101")).isFalse();
    }

    @Test
    void theRegionIsRequiredAndMustBeACode() {
        Api.as(Api.SYSTEM, "990100").contentType("application/json").body(Map.of("region", "99")).post(PATH).then()
                .statusCode(400).body("violations.field", hasItem(containsString("region")));
    }
}
