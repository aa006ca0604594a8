package cn.eduduty.report;

import java.util.Set;

import cn.eduduty.testsupport.ApiSecurityAcceptance;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, attacked as {@link ApiSecurityAcceptance} says. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /** How far the read model has read the owners' topics: one position for the whole country. */
    @Override
    protected Set<String> nationalReads() {
        return Set.of("GET /api/v1/read-positions");
    }

    /** Checking a narrative's stated figures stores nothing. */
    @Override
    protected Set<String> computations() {
        return Set.of("POST /api/v1/narrative-checks");
    }
}
