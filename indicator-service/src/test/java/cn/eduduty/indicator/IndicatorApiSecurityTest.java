package cn.eduduty.indicator;

import java.util.Map;
import java.util.Set;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ApiSecurityAcceptance;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, attacked as {@link ApiSecurityAcceptance} says. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class IndicatorApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /** A framework published by the county's prefecture, and the county's self-evaluation against it. */
    @Override
    protected Map<String, Map<String, String>> seed() {
        String framework = IndicatorFixtures.publishedFramework("930100", "SEC-ACC");
        String selfEvaluation = Api.as(Api.COUNTY_EDITOR, ownCounty())
                .body(Map.of("frameworkId", framework, "regionCode", ownCounty()))
                .post("/api/v1/self-evaluations").then().statusCode(201).extract().path("id");
        return Map.of("/api/v1/frameworks/{id}", Map.of("id", framework),
                "/api/v1/self-evaluations/{id}", Map.of("id", selfEvaluation));
    }

    /** The metric catalogue and the national templates are the same for every region. */
    @Override
    protected Set<String> nationalReads() {
        return Set.of("GET /api/v1/metrics", "GET /api/v1/templates");
    }
}
