package cn.eduduty.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured starting points: a caller with a role and region, or nobody at all. */
public final class Api {

    public static final String COUNTY_EDITOR = "county-editor";
    public static final String PREFECTURE_REVIEWER = "prefecture-reviewer";
    public static final String VIEWER = "viewer";
    public static final String SYSTEM = "system";

    private Api() {
    }

    public static RequestSpecification as(String role, String region) {
        return given().auth().oauth2(Tokens.of(role, region)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
