package cn.eduduty.report.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code eduduty.inbox.enabled=false}: the instance joins no consumer group (a scratch read model
 * filled by resync alone, as bench/chaos starts one, must not take partitions from the real
 * consumer), and its readiness stays UP.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestProfile(InboxDisabledTest.NoConsumer.class)
class InboxDisabledTest {

    public static class NoConsumer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eduduty.inbox.enabled", "false");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void consumesNothingAndStaysReady() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("inbox-consumer");
        given().get(URI.create(management.toString()).resolve("/q/health/ready").toString()).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("inbox"));
    }
}
