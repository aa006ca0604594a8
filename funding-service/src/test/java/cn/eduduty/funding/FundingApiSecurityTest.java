package cn.eduduty.funding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ApiSecurityAcceptance;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of this service's OpenAPI document, attacked as {@link ApiSecurityAcceptance} says. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FundingApiSecurityTest extends ApiSecurityAcceptance {

    @Override
    protected String ownCounty() {
        return "930101";
    }

    /** A posting booked in the county (public funds paid), addressed by its id. */
    @Override
    protected Map<String, Map<String, String>> seed() {
        Map<String, Object> body = new HashMap<>();
        body.put("fiscalYear", 2025);
        body.put("bookingDate", "2025-04-10");
        body.put("voucherNumber", "SEC-1");
        body.put("memo", "拨付小学生均公用经费");
        body.put("schoolCode", "2193010101");
        body.put("stage", "PRIMARY");
        body.put("lines", List.of(Map.of("account", "5002", "debit", "1000"), Map.of("account", "1002", "credit", "1000")));
        String posting = Api.as(Api.COUNTY_EDITOR, ownCounty()).header("Idempotency-Key", "api-security-seed").body(body)
                .post("/api/v1/counties/" + ownCounty() + "/postings").then().statusCode(201).extract().path("id");
        return Map.of("/api/v1/counties/{regionCode}/postings/{id}", Map.of("id", posting));
    }
}
