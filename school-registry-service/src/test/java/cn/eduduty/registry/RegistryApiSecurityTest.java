package cn.eduduty.registry;

import java.util.List;
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
class RegistryApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /** An import kind. */
    @Override
    protected Map<String, String> parameterValues() {
        return Map.of("kind", "schools");
    }

    private static final String SCHOOL = "2193010101";

    /** An import template holds no region's data: whoever may import (any region) may download it. */
    @Override
    protected Set<String> nationalReads() {
        return Set.of("GET /api/v1/imports/{kind}/template");
    }

    /** A school of the county's first township, and its school year 2025. */
    @Override
    protected Map<String, Map<String, String>> seed() {
        RegistryFixtures.county(ownCounty(), 1);
        Api.as(Api.COUNTY_EDITOR, ownCounty())
                .body(RegistryFixtures.school("安全小学", "PRIMARY", "PUBLIC", ownCounty() + "001"))
                .put("/api/v1/schools/" + SCHOOL).then().statusCode(201);
        Api.as(Api.COUNTY_EDITOR, ownCounty())
                .body(RegistryFixtures.year(List.of(RegistryFixtures.classRoom("PRIMARY", 1, 45)),
                        List.of(RegistryFixtures.flow("PRIMARY", 1, 45, 0, 0, 0))))
                .put("/api/v1/schools/" + SCHOOL + "/years/2025").then().statusCode(201);
        return Map.of("/api/v1/schools/{code}", Map.of("code", SCHOOL),
                "/api/v1/schools/{code}/years/{schoolYear}", Map.of("code", SCHOOL, "schoolYear", "2025"));
    }
}
