package cn.eduduty.registry.region;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RegionResourceTest {

    private static final String PROVINCE = "910000";
    private static final String PREFECTURE = "910100";

    @BeforeEach
    void province() {
        if (Api.as(SYSTEM, PROVINCE).get("/api/v1/regions/" + PROVINCE).statusCode() == 404) {
            Api.as(SYSTEM, PROVINCE).body(region("测试省", null)).put("/api/v1/regions/" + PROVINCE)
                    .then().statusCode(201);
            Api.as(SYSTEM, PROVINCE).body(region("测试州", PROVINCE)).put("/api/v1/regions/" + PREFECTURE)
                    .then().statusCode(201);
        }
    }

    static Map<String, Object> region(String name, String parent) {
        HashMap<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parentCode", parent);
        body.put("validFrom", "2000-01-01");
        return body;
    }

    @Test
    void registersARegionWithLocationAndEtag() {
        Api.as(SYSTEM, PREFECTURE).body(region("一县", PREFECTURE)).put("/api/v1/regions/910101")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/regions/910101"))
                .header("ETag", "\"0\"")
                .body("code", equalTo("910101"))
                .body("level", equalTo("COUNTY"))
                .body("parentCode", equalTo(PREFECTURE))
                .body("validTo", nullValue());

        Api.as(VIEWER, "910101").get("/api/v1/regions/910101")
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("一县"));
    }

    @Test
    void replacesWithCurrentIfMatchAndRefusesAStaleOne() {
        Api.as(SYSTEM, PREFECTURE).body(region("二县", PREFECTURE)).put("/api/v1/regions/910102")
                .then().statusCode(201);
        Api.as(SYSTEM, PREFECTURE).header("If-Match", "\"0\"").body(region("二县（新）", PREFECTURE))
                .put("/api/v1/regions/910102")
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("二县（新）"));

        Api.as(SYSTEM, PREFECTURE).header("If-Match", "\"0\"").body(region("二县（旧）", PREFECTURE))
                .put("/api/v1/regions/910102")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:precondition-failed"))
                .body("instance", equalTo("/api/v1/regions/910102"));
        Api.as(VIEWER, "910102").get("/api/v1/regions/910102").then().body("name", equalTo("二县（新）"))
                .header("ETag", "\"1\"");
    }

    @Test
    void replacingWithoutIfMatchIsRefusedWith428() {
        Api.as(SYSTEM, PREFECTURE).body(region("三县", PREFECTURE)).put("/api/v1/regions/910103")
                .then().statusCode(201);
        Api.as(SYSTEM, PREFECTURE).body(region("三县改", PREFECTURE)).put("/api/v1/regions/910103")
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void rejectsAMalformedCodeNamingTheField() {
        Api.as(SYSTEM, PROVINCE).body(region("坏", PREFECTURE)).put("/api/v1/regions/91010")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("code"));
    }

    @Test
    void rejectsAMissingNameAndDateNamingTheFields() {
        Api.as(SYSTEM, PREFECTURE).body(Map.of("parentCode", PREFECTURE)).put("/api/v1/regions/910104")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:invalid-request"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("validFrom"));
    }

    @Test
    void rejectsAParentThatDoesNotEncloseTheCode() {
        Api.as(SYSTEM, PROVINCE).body(region("错", "910200")).put("/api/v1/regions/910105")
                .then().statusCode(400).body("violations[0].field", equalTo("parentCode"));
    }

    @Test
    void refusesAnUnregisteredParentAsADomainRule() {
        Api.as(SYSTEM, PROVINCE).body(region("孤", "910900")).put("/api/v1/regions/910901")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("detail", containsString("910900"));
    }

    @Test
    void listsChildrenPageByPage() {
        Api.as(SYSTEM, PREFECTURE).body(region("四县", PREFECTURE)).put("/api/v1/regions/910106").then().statusCode(201);
        for (int i = 1; i <= 3; i++) {
            Api.as(SYSTEM, PREFECTURE).body(region("乡" + i, "910106"))
                    .put("/api/v1/regions/91010600" + i).then().statusCode(201);
        }
        Api.as(VIEWER, "910106").queryParam("size", 2).get("/api/v1/regions/910106/children")
                .then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.size()", equalTo(2))
                .body("items[0].code", equalTo("910106001")).body("items[0].level", equalTo("TOWNSHIP"));
        Api.as(VIEWER, "910106").queryParam("size", 2).queryParam("page", 1).get("/api/v1/regions/910106/children")
                .then().body("items.size()", equalTo(1)).body("items[0].code", equalTo("910106003"));
        Api.as(VIEWER, "910106001").get("/api/v1/regions/910106/children")
                .then().statusCode(403);
        Api.as(VIEWER, "910106").queryParam("page", 5_000_000).get("/api/v1/regions/910106/children")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        Api.as(PREFECTURE_REVIEWER, PREFECTURE).get("/api/v1/regions/910106001/ancestors")
                .then().statusCode(200).body("code", Matchers.contains("910106", PREFECTURE, PROVINCE));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        Api.anonymous().get("/api/v1/regions/" + PROVINCE)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:eduduty:problem:unauthenticated"));
        Api.anonymous().body(region("无", PREFECTURE)).put("/api/v1/regions/910107").then().statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.expired(SYSTEM, PROVINCE))
                .get("/api/v1/regions/" + PROVINCE).then().statusCode(401);
        RestAssured.given().auth().oauth2("not-a-jwt")
                .get("/api/v1/regions/" + PROVINCE).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void refusesARegionOutsideTheTokenAndARoleThatMayNotWrite() {
        Api.as(COUNTY_EDITOR, "910199").body(region("五县", PREFECTURE)).put("/api/v1/regions/910108")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:forbidden"));
        Api.as(VIEWER, PREFECTURE).body(region("五县", PREFECTURE)).put("/api/v1/regions/910108")
                .then().statusCode(403);
        Api.as(PREFECTURE_REVIEWER, PREFECTURE).body(region("五县", PREFECTURE)).put("/api/v1/regions/910108")
                .then().statusCode(403);
        Api.as(VIEWER, "920000").get("/api/v1/regions/" + PROVINCE).then().statusCode(403);
        Api.as(VIEWER, PREFECTURE).get("/api/v1/regions/910108").then().statusCode(404);
    }

    @Test
    void onlyTheSystemRoleWritesRegionRecordsSoACountyCannotRenameOrReparentItself() {
        String etag = Api.as(SYSTEM, PREFECTURE).body(region("六县", PREFECTURE)).put("/api/v1/regions/910110")
                .then().statusCode(201).extract().header("ETag");
        Api.as(COUNTY_EDITOR, "910110").header("If-Match", etag).body(region("六县（自封）", PREFECTURE))
                .put("/api/v1/regions/910110").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:forbidden"));
        if (Api.as(SYSTEM, PROVINCE).get("/api/v1/regions/910200").statusCode() == 404) {
            Api.as(SYSTEM, PROVINCE).body(region("他州", PROVINCE)).put("/api/v1/regions/910200").then().statusCode(201);
        }
        Api.as(COUNTY_EDITOR, "910110").header("If-Match", etag).body(region("六县", "910200"))
                .put("/api/v1/regions/910110").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "910110").body(region("六县一镇", "910110")).put("/api/v1/regions/910110001")
                .then().statusCode(403);
        Api.as(PREFECTURE_REVIEWER, PREFECTURE).header("If-Match", etag).body(region("六县（州改）", PREFECTURE))
                .put("/api/v1/regions/910110").then().statusCode(403);
        Api.as(VIEWER, "910110").get("/api/v1/regions/910110").then().statusCode(200).header("ETag", etag)
                .body("name", equalTo("六县")).body("parentCode", equalTo(PREFECTURE));
        Api.as(VIEWER, "910110").get("/api/v1/regions/910110001").then().statusCode(404);
        // the system role renames it, as the national code table says
        Api.as(SYSTEM, PROVINCE).header("If-Match", etag).body(region("六区", PREFECTURE)).put("/api/v1/regions/910110")
                .then().statusCode(200).body("name", equalTo("六区"));
    }

    @Test
    void anIfMatchOnARegionNotYetRegisteredIs412AndRegistersNothing() {
        Api.as(SYSTEM, PREFECTURE).header("If-Match", "\"0\"").body(region("七县", PREFECTURE))
                .put("/api/v1/regions/910111").then().statusCode(412)
                .body("type", equalTo("urn:eduduty:problem:precondition-failed"));
        Api.as(SYSTEM, PREFECTURE).header("If-Match", "*").body(region("七县", PREFECTURE))
                .put("/api/v1/regions/910111").then().statusCode(412);
        Api.as(VIEWER, PREFECTURE).get("/api/v1/regions/910111").then().statusCode(404);
    }

    @Test
    void answersMalformedJsonWithProblemDetailsAndNoStackTrace() {
        Api.as(SYSTEM, PROVINCE).body("{\"name\": ").put("/api/v1/regions/910109")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:malformed-body"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at com.")));
        Api.as(SYSTEM, PROVINCE).body("{\"name\": \"x\", \"validFrom\": \"not-a-date\"}")
                .put("/api/v1/regions/910109")
                .then().statusCode(400).body("violations[0].field", equalTo("validFrom"))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersAnUnknownPathWithProblemDetails() {
        Api.as(SYSTEM, PROVINCE).accept(ContentType.ANY).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        Api.anonymous().accept(ContentType.ANY).get("/nowhere/at/all")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
