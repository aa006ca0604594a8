package cn.eduduty.registry;

import java.util.Map;

import cn.eduduty.testsupport.ApiSecurityAcceptance;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, attacked as {@link ApiSecurityAcceptance} says. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RegistryApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /** A school identification code (primary school, province 93) and an import kind. */
    @Override
    protected Map<String, String> parameterValues() {
        return Map.of("code", "2193010001", "kind", "schools");
    }
}
