package cn.eduduty.registry.statistics;

import static cn.eduduty.registry.RegistryFixtures.classRoom;
import static cn.eduduty.registry.RegistryFixtures.flow;
import static cn.eduduty.registry.RegistryFixtures.school;
import static cn.eduduty.registry.RegistryFixtures.year;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A county built by hand through the API, its statistics checked against arithmetic done by hand. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class StatisticsResourceTest {

    private static final String COUNTY = "950201";
    private static final String T1 = "950201001";
    private static final String T2 = "950201002";

    private static void put(String code, Map<String, Object> registration) {
        Api.as(COUNTY_EDITOR, COUNTY).body(registration).put("/api/v1/schools/" + code).then().statusCode(201);
    }

    private static void putYear(String code, int year, Map<String, Object> body) {
        Api.as(COUNTY_EDITOR, COUNTY).body(body).put("/api/v1/schools/" + code + "/years/" + year).then().statusCode(201);
    }

    private static ValidatableResponse figure(ValidatableResponse response, String key, String value) {
        return response.body("figures.find { it.key == '" + key + "' }.value", equalTo(value));
    }

    @Test
    void computesTheCountysFiguresFromItsSchoolsFigureByFigure() {
        RegistryFixtures.county(COUNTY, 2);
        Map<String, Object> central = school("中心幼儿园", "KINDERGARTEN", "PUBLIC", T1);
        central.put("townshipCentral", true);
        put("1195020101", central);
        Map<String, Object> inclusive = school("普惠民办园", "KINDERGARTEN", "PRIVATE", T1);
        inclusive.put("inclusive", true);
        put("1195020102", inclusive);
        put("1195020103", school("民办园", "KINDERGARTEN", "PRIVATE", T2));
        put("2195020104", school("一小", "PRIMARY", "PUBLIC", T1));
        put("3195020105", school("一中", "JUNIOR_MIDDLE", "PUBLIC", T2));

        putYear("1195020101", 2025, year(List.of(classRoom("PRESCHOOL", 1, 30), classRoom("PRESCHOOL", 3, 30)), List.of()));
        putYear("1195020102", 2025, year(List.of(classRoom("PRESCHOOL", 2, 25)), List.of()));
        putYear("1195020103", 2025, year(List.of(classRoom("PRESCHOOL", 1, 15)), List.of()));
        putYear("2195020104", 2025, year(List.of(classRoom("PRIMARY", 1, 56), classRoom("PRIMARY", 1, 45),
                classRoom("PRIMARY", 6, 66), classRoom("PRIMARY", 6, 40)), List.of()));
        putYear("3195020105", 2023, year(List.of(), List.of(flow("JUNIOR", 7, 100, 0, 2, 0))));
        putYear("3195020105", 2024, year(List.of(), List.of(flow("JUNIOR", 8, 0, 0, 0, 3))));
        putYear("3195020105", 2025, year(List.of(classRoom("JUNIOR", 7, 50), classRoom("JUNIOR", 9, 60)),
                List.of(flow("JUNIOR", 9, 0, 95, 1, 0))));
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("residentsByAge", Map.of("3", 40, "4", 40, "5", 45)))
                .put("/api/v1/regions/" + COUNTY + "/population/2025").then().statusCode(201);

        ValidatableResponse stats = Api.as(VIEWER, COUNTY).queryParam("schoolYear", 2025)
                .get("/api/v1/regions/" + COUNTY + "/statistics").then().statusCode(200).body("schools", equalTo(5));
        // compulsory classes: 4 primary + 2 junior = 6; 56 and 60 are large (2 of 6), 66 is super-large (1 of 6)
        figure(stats, "registry.compulsory.large_class_share", "33.33")
                .body("figures.find { it.key == 'registry.compulsory.large_class_share' }.numerator", equalTo("2"))
                .body("figures.find { it.key == 'registry.compulsory.large_class_share' }.denominator", equalTo("6"));
        figure(stats, "registry.compulsory.super_large_class_share", "16.67");
        // children in public and inclusive private kindergartens: (60 + 25) / 100
        figure(stats, "registry.preschool.inclusive_coverage", "85.00");
        // one of two townships has a public central kindergarten
        figure(stats, "registry.preschool.township_central_kindergarten_coverage", "50.00");
        // 100 preschool children / (40 + 40 + 45) residents aged 3–5
        figure(stats, "registry.preschool.gross_enrolment_rate", "80.00");
        // 95 graduates / (100 entrants in 2023 + 2 in − 3 out + 1 in) = 95 / 100
        figure(stats, "registry.junior.consolidation_rate", "95.00");
        stats.body("figures.find { it.key == 'registry.primary.consolidation_rate' }.value", nullValue())
                .body("figures.find { it.key == 'registry.primary.consolidation_rate' }.absentReason",
                        equalTo("2020—2021、2021—2022、2022—2023学年无学校填报数据（巩固率需要该届学生入学以来各学年的数据）"))
                .body("figures.find { it.key == 'registry.special.disabled_children_enrolment_rate' }.value", nullValue());

        Api.as(VIEWER, COUNTY).queryParam("schoolYear", 2024).get("/api/v1/regions/" + COUNTY + "/statistics").then()
                .statusCode(200)
                .body("figures.find { it.key == 'registry.preschool.gross_enrolment_rate' }.absentReason",
                        equalTo("无2024年常住人口数据"));
        Api.as(VIEWER, "950200").queryParam("schoolYear", 2025).get("/api/v1/regions/950200/statistics").then()
                .statusCode(200).body("schools", equalTo(5));
    }
}
