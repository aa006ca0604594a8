package cn.eduduty.indicator;

import java.util.Set;

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

    /** The metric catalogue and the national templates are the same for every region. */
    @Override
    protected Set<String> nationalReads() {
        return Set.of("GET /api/v1/metrics", "GET /api/v1/templates");
    }
}
