package cn.eduduty.registry.school;

import static cn.eduduty.registry.RegistryFixtures.classRoom;
import static cn.eduduty.registry.RegistryFixtures.flow;
import static cn.eduduty.registry.RegistryFixtures.school;
import static cn.eduduty.registry.RegistryFixtures.year;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.registry.SchoolYearDataReplaced;
import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Schools and their school-year data through the API, with the events they publish. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SchoolResourceTest {

    private static final String COUNTY = "950101";
    private static final String T1 = "950101001";
    private static final String SOURCE = "/school-registry-service";

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 2);
    }

    static String register(String code, Map<String, Object> body) {
        return Api.as(COUNTY_EDITOR, COUNTY).body(body).put("/api/v1/schools/" + code)
                .then().statusCode(201).extract().header("ETag");
    }

    @Test
    void registersUpdatesAndClosesASchoolPublishingEachChange() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            String etag = register("2195010101", school("一小", "PRIMARY", "PUBLIC", T1));
            Map<String, Object> renamed = school("实验小学", "PRIMARY", "PUBLIC", T1);
            etag = Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(renamed).put("/api/v1/schools/2195010101")
                    .then().statusCode(200).body("name", equalTo("实验小学")).extract().header("ETag");
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(Map.of("closedOn", "2026-07-15"))
                    .post("/api/v1/schools/2195010101/closure").then().statusCode(200).body("closedOn", equalTo("2026-07-15"));
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", "\"9\"").body(Map.of("closedOn", "2026-07-16"))
                    .post("/api/v1/schools/2195010101/closure").then().statusCode(409);

            List<TopicReader.Received> events = reader.await(TopicReader.subject("2195010101"), 3, Duration.ofSeconds(30));
            assertThat(events).extracting(r -> r.event().type()).containsExactly("registry.school.registered",
                    "registry.school.updated", "registry.school.closed");
            EventAssertions.assertMatchesGoldenSample(events.get(0), EventTypes.SCHOOL_REGISTERED, SOURCE);
            EventAssertions.assertMatchesGoldenSample(events.get(1), EventTypes.SCHOOL_UPDATED, SOURCE);
            EventAssertions.assertMatchesGoldenSample(events.get(2), EventTypes.SCHOOL_CLOSED, SOURCE);
            assertThat(events.get(0).key()).isEqualTo(COUNTY);
            assertThat(reader.settle(TopicReader.subject("2195010101"), Duration.ofSeconds(1))).hasSize(3);
        }
    }

    @Test
    void rejectsInvalidRegistrationsNamingTheField() {
        Map<String, Object> flags = school("一小", "PRIMARY", "PUBLIC", T1);
        flags.put("inclusive", true);
        flags.put("townshipCentral", true);
        Api.as(COUNTY_EDITOR, COUNTY).body(flags).put("/api/v1/schools/2195010102").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("inclusive", "townshipCentral"));
        Api.as(COUNTY_EDITOR, COUNTY).body(school("一小", "UNIVERSITY", "STATE", T1)).put("/api/v1/schools/123")
                .then().statusCode(400).body("violations.field", hasItems("code", "type", "ownership"));
        Api.as(COUNTY_EDITOR, COUNTY).body(school("一小", "PRIMARY", "PUBLIC", "950101009")).put("/api/v1/schools/2195010102")
                .then().statusCode(422).body("detail", Matchers.containsString("950101009"));
    }

    @Test
    void replacesASchoolYearAsAWholeUnderIfMatchAndPublishesItsAggregates() {
        register("2195010103", school("二小", "PRIMARY", "PUBLIC", T1));
        // classes, a flow, students with disabilities and staff, as in the golden sample
        Map<String, Object> whole = year(List.of(classRoom("PRIMARY", 1, 45), classRoom("PRIMARY", 1, 57)),
                List.of(flow("PRIMARY", 1, 102, 0, 2, 1)));
        whole.put("disability", Map.of("regularClass", 3, "specialClass", 0, "specialSchool", 0, "homeDelivered", 1));
        whole.put("staff", Map.of("teachers", 48, "newHires", 4, "ruralNewHires", 1, "eligibleForRotation", 30,
                "rotated", 4, "rotatedBackbone", 1, "newHiresPutonghua2B", 4));
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            String etag = Api.as(COUNTY_EDITOR, COUNTY)
                    .body(whole)
                    .put("/api/v1/schools/2195010103/years/2025").then().statusCode(201).header("ETag", "\"0\"")
                    .extract().header("ETag");
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag)
                    .body(year(List.of(classRoom("PRIMARY", 1, 50)), List.of()))
                    .put("/api/v1/schools/2195010103/years/2025").then().statusCode(200).header("ETag", "\"1\"");
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag)
                    .body(year(List.of(classRoom("PRIMARY", 1, 99)), List.of()))
                    .put("/api/v1/schools/2195010103/years/2025").then().statusCode(412);
            Api.as(COUNTY_EDITOR, COUNTY).body(year(List.of(classRoom("PRIMARY", 1, 99)), List.of()))
                    .put("/api/v1/schools/2195010103/years/2025").then().statusCode(428);
            Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010103/years/2025").then().statusCode(200)
                    .body("classes.size()", equalTo(1)).body("classes[0].students", equalTo(50)).body("flows.size()", equalTo(0));

            List<TopicReader.Received> events = reader.await(TopicReader.subject("2195010103/2025"), 2, Duration.ofSeconds(30));
            EventAssertions.assertMatchesGoldenSample(events.get(0), EventTypes.SCHOOL_YEAR_DATA_REPLACED, SOURCE);
            SchoolYearDataReplaced first = EventJson.payload(events.get(0).event(), EventTypes.SCHOOL_YEAR_DATA_REPLACED);
            assertThat(first.classes()).extracting(SchoolYearDataReplaced.ClassRoom::students).containsExactly(45, 57);
            assertThat(first.flows().get(0).transfersIn()).isEqualTo(2);
            assertThat(EventJson.payload(events.get(1).event(), EventTypes.SCHOOL_YEAR_DATA_REPLACED).version()).isEqualTo(1);
        }
    }

    @Test
    void rejectsImplausibleSchoolYearDataNamingTheField() {
        register("2195010104", school("三小", "PRIMARY", "PUBLIC", T1));
        Map<String, Object> body = year(List.of(classRoom("PRIMARY", 7, 40), classRoom("PRIMARY", 2, 130),
                classRoom("SENIOR", 10, 40), Map.of("stage", "PRIMARY", "grade", 3, "students", -1)),
                List.of(flow("PRIMARY", 3, 0, 5, 0, 0)));
        body.put("staff", Map.of("teachers", 10, "newHires", 3, "ruralNewHires", 5, "eligibleForRotation", 4,
                "rotated", 5, "rotatedBackbone", 1, "newHiresPutonghua2B", 3));
        Api.as(COUNTY_EDITOR, COUNTY).body(body).put("/api/v1/schools/2195010104/years/2025").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("classes[3].students"));
        body.put("classes", List.of(classRoom("PRIMARY", 7, 40), classRoom("PRIMARY", 2, 130), classRoom("SENIOR", 10, 40)));
        Api.as(COUNTY_EDITOR, COUNTY).body(body).put("/api/v1/schools/2195010104/years/2025").then().statusCode(400)
                .body("violations.field", hasItems("classes[0].grade", "classes[1].students", "classes[2].stage",
                        "flows[0].graduates", "staff.ruralNewHires", "staff.rotated"));
        Api.as(COUNTY_EDITOR, COUNTY).body(year(List.of(), List.of())).put("/api/v1/schools/2195010104/years/1999")
                .then().statusCode(422);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010104/years/2025").then().statusCode(404);
    }

    @Test
    void recordsPopulationUnderIfMatchAndPublishesIt() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            String etag = Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("residentsByAge", Map.of("3", 410, "4", 402),
                    "identifiedDisabledChildren", 21)).put("/api/v1/regions/" + COUNTY + "/population/2025")
                    .then().statusCode(201).extract().header("ETag");
            Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("residentsByAge", Map.of("3", 1)))
                    .put("/api/v1/regions/" + COUNTY + "/population/2025").then().statusCode(428);
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(Map.of("residentsByAge", Map.of("3", -1, "40", 5)))
                    .put("/api/v1/regions/" + COUNTY + "/population/2025").then().statusCode(400)
                    .body("violations.field", hasItems("residentsByAge[3]", "residentsByAge[40]"));
            Api.as(VIEWER, COUNTY).get("/api/v1/regions/" + COUNTY + "/population/2025").then()
                    .body("residentsByAge.4", equalTo(402)).body("identifiedDisabledChildren", equalTo(21));
            TopicReader.Received event = reader.await(TopicReader.subject(COUNTY + "/2025"), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.POPULATION_RECORDED, SOURCE);
            assertThat(reader.settle(TopicReader.subject(COUNTY + "/2025"), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void refusesMissingTokensForeignCountiesAndReadOnlyRoles() {
        register("2195010105", school("四小", "PRIMARY", "PUBLIC", T1));
        for (String path : List.of("/api/v1/schools/2195010105", "/api/v1/schools?region=" + COUNTY,
                "/api/v1/school-years?region=" + COUNTY + "&schoolYear=2025",
                "/api/v1/regions/" + COUNTY + "/statistics?schoolYear=2025",
                "/api/v1/regions/" + COUNTY + "/population/2030")) {
            Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
            // a school by its code looks missing to another county; a region-addressed path is refused
            boolean byCode = path.endsWith("2195010105");
            Api.as(VIEWER, "950102").get(path).then().statusCode(byCode ? 404 : 403)
                    .contentType("application/problem+json").body("detail", byCode
                            ? equalTo("School 2195010105 does not exist")
                            : equalTo("The region asked for is outside the token's region"));
            Api.as(PREFECTURE_REVIEWER, "950100").get(path).then().statusCode(path.contains("2030") ? 404 : 200);
        }
        Api.as(VIEWER, COUNTY).body(Map.of("residentsByAge", Map.of("3", 1)))
                .put("/api/v1/regions/" + COUNTY + "/population/2031").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "950102").body(Map.of("residentsByAge", Map.of("3", 1)))
                .put("/api/v1/regions/" + COUNTY + "/population/2031").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "950102").body(school("外县", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195010106")
                .then().statusCode(403);
        Api.as(VIEWER, COUNTY).body(school("只读", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195010106")
                .then().statusCode(403);
        Api.as(COUNTY_EDITOR, "950102").body(year(List.of(), List.of())).put("/api/v1/schools/2195010105/years/2025")
                .then().statusCode(404);
        Api.anonymous().body(year(List.of(), List.of())).put("/api/v1/schools/2195010105/years/2025").then().statusCode(401);
    }

    @Test
    void refusesACodeOfAnotherProvinceOrOfAnotherCategoryNamingTheField() {
        // 21 primary, 95 the province, 010107 the sequence
        Api.as(COUNTY_EDITOR, COUNTY).body(school("七小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2196010107")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:eduduty:problem:rule-violated"))
                .body("violations.field", hasItem("code")).body("detail", containsString("province 96"));
        Api.as(COUNTY_EDITOR, COUNTY).body(school("七小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/1195010107")
                .then().statusCode(422).body("violations.field", hasItem("code"))
                .body("detail", containsString("category 11"));
        Api.as(COUNTY_EDITOR, COUNTY).body(school("七小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/9999010107")
                .then().statusCode(422).body("violations.size()", equalTo(2));
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2196010107").then().statusCode(404);
        register("2195010107", school("七小", "PRIMARY", "PUBLIC", T1));
        register("1195010108", school("七幼", "KINDERGARTEN", "PUBLIC", T1));
        register("3195010109", school("九年制", "NINE_YEAR", "PUBLIC", T1));
        register("3495010110", school("十二年制", "TWELVE_YEAR", "PRIVATE", T1));
        register("5195010111", school("特校", "SPECIAL_EDUCATION", "PUBLIC", T1));
        // a type change that no longer fits the code is refused like a new registration
        String etag = Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010107").then().extract().header("ETag");
        Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(school("七中", "JUNIOR_MIDDLE", "PUBLIC", T1))
                .put("/api/v1/schools/2195010107").then().statusCode(422).body("violations.field", hasItem("code"));
    }

    @Test
    void aCodeOfAnotherCountyIsAConflictThatNamesNothingOfItAndOnlyTheSystemMovesIt() {
        RegistryFixtures.county("950103", 1);
        String etag = register("2195010112", school("八小", "PRIMARY", "PUBLIC", T1));
        Map<String, Object> there = school("抢注", "PRIMARY", "PUBLIC", "950103001");
        Api.as(COUNTY_EDITOR, "950103").body(there).put("/api/v1/schools/2195010112").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:eduduty:problem:conflict"))
                .body("detail", equalTo("School code 2195010112 is already registered to another county"))
                .body(not(containsString(T1))).body(not(containsString("八小")));
        Api.as(COUNTY_EDITOR, "950103").header("If-Match", etag).body(there).put("/api/v1/schools/2195010112")
                .then().statusCode(409).body("detail", equalTo("School code 2195010112 is already registered to another county"));
        // the owning county is not disturbed: it reads and replaces its school as before
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010112").then().statusCode(200).body("name", equalTo("八小"));
        etag = Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(school("八小（新）", "PRIMARY", "PUBLIC", T1))
                .put("/api/v1/schools/2195010112").then().statusCode(200).extract().header("ETag");
        // a system client of one county only may not take it either; one over both counties moves it
        Api.as(Api.SYSTEM, "950103").header("If-Match", etag).body(there).put("/api/v1/schools/2195010112")
                .then().statusCode(409);
        Api.as(Api.SYSTEM, "950100").body(there).put("/api/v1/schools/2195010112").then().statusCode(428);
        Api.as(Api.SYSTEM, "950100").header("If-Match", etag).body(there).put("/api/v1/schools/2195010112")
                .then().statusCode(200).body("countyCode", equalTo("950103")).body("townshipCode", equalTo("950103001"));
        Api.as(VIEWER, "950103").get("/api/v1/schools/2195010112").then().statusCode(200);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010112").then().statusCode(404);
    }

    @Test
    void anotherCountysSchoolAnswersExactlyAsAMissingOne() {
        register("2195010113", school("九小", "PRIMARY", "PUBLIC", T1));
        RegistryFixtures.county("950104", 1);
        JsonPath hidden = Api.as(COUNTY_EDITOR, "950104").get("/api/v1/schools/2195010113")
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        JsonPath missing = Api.as(COUNTY_EDITOR, "950104").get("/api/v1/schools/2195010199")
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        assertThat(hidden.getString("type")).isEqualTo(missing.getString("type"));
        assertThat(hidden.getString("title")).isEqualTo(missing.getString("title"));
        assertThat(hidden.getString("detail")).isEqualTo(missing.getString("detail").replace("2195010199", "2195010113"));
        assertThat(hidden.getMap("")).containsOnlyKeys(missing.getMap("").keySet());
        for (String path : List.of("/api/v1/schools/2195010113/years/2025", "/api/v1/schools/2195010199/years/2025")) {
            Api.as(COUNTY_EDITOR, "950104").get(path).then().statusCode(404)
                    .body("detail", equalTo("School " + path.substring(16, 26) + " does not exist"));
            Api.as(COUNTY_EDITOR, "950104").body(year(List.of(), List.of())).put(path).then().statusCode(404);
        }
        for (String code : List.of("2195010113", "2195010199")) {
            Api.as(COUNTY_EDITOR, "950104").header("If-Match", "\"0\"").body(Map.of("closedOn", "2026-07-15"))
                    .post("/api/v1/schools/" + code + "/closure").then().statusCode(404)
                    .body("detail", equalTo("School " + code + " does not exist"));
        }
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010113").then().statusCode(200).body("closedOn", Matchers.nullValue());
    }

    @Test
    void anIfMatchOnASchoolOrSchoolYearNotYetStoredIs412AndCreatesNothing() {
        Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", "\"0\"").body(school("十小", "PRIMARY", "PUBLIC", T1))
                .put("/api/v1/schools/2195010114").then().statusCode(412);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010114").then().statusCode(404);
        register("2195010114", school("十小", "PRIMARY", "PUBLIC", T1));
        Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", "*").body(year(List.of(classRoom("PRIMARY", 1, 30)), List.of()))
                .put("/api/v1/schools/2195010114/years/2025").then().statusCode(412);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195010114/years/2025").then().statusCode(404);
    }
}
