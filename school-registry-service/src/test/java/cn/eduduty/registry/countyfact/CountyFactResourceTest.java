package cn.eduduty.registry.countyfact;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventJson;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;
import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A county's own facts through the API: record, replace under If-Match, read, list, refuse, publish. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CountyFactResourceTest {

    private static final String COUNTY = "940101";
    private static final String BASE = "/api/v1/counties/" + COUNTY;
    private static final String SOURCE = "/school-registry-service";

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 1);
        RegistryFixtures.county("940102", 0);
    }

    static Map<String, Object> entrance(Integer graduates, int general, int vocationalIn, int vocationalOut) {
        Map<String, Object> body = new HashMap<>();
        body.put("juniorGraduates", graduates);
        body.put("examTakers", 3050);
        body.put("generalEntrants", general);
        body.put("vocationalEntrantsInCounty", vocationalIn);
        body.put("vocationalEntrantsOutOfCounty", vocationalOut);
        body.put("generalEnrolmentPlan", 1650);
        return body;
    }

    static Map<String, Object> kind(String kind, int atStart, int atEnd, int approved, int rectified, int closed) {
        return Map.of("kind", kind, "atStart", atStart, "atEnd", atEnd, "approved", approved, "rectified", rectified,
                "closed", closed);
    }

    @Test
    void anIfMatchOnAYearNotYetStoredIs412AndRecordsNothing() {
        String county = "940103";
        String base = "/api/v1/counties/" + county;
        RegistryFixtures.county(county, 0);
        for (String ifMatch : List.of("\"0\"", "*")) {
            Api.as(COUNTY_EDITOR, county).header("If-Match", ifMatch).body(entrance(3000, 1500, 700, 400))
                    .put(base + "/senior-entrance/2021").then().statusCode(412).contentType("application/problem+json")
                    .body("type", equalTo("urn:eduduty:problem:precondition-failed"));
            Api.as(COUNTY_EDITOR, county).header("If-Match", ifMatch).body(Map.of("recruited", 5, "ruralRecruited", 1))
                    .put(base + "/teacher-recruitment/2021").then().statusCode(412);
        }
        Api.as(VIEWER, county).get(base + "/senior-entrance/2021").then().statusCode(404);
        Api.as(VIEWER, county).get(base + "/teacher-recruitment/2021").then().statusCode(404);
        Api.as(COUNTY_EDITOR, county).body(entrance(3000, 1500, 700, 400)).put(base + "/senior-entrance/2021")
                .then().statusCode(201);
    }

    @Test
    void recordsReplacesAndListsTheSeniorEntrancePublishingEachVersion() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            String etag = Api.as(COUNTY_EDITOR, COUNTY).body(entrance(3120, 1620, 780, 410))
                    .put(BASE + "/senior-entrance/2025").then().statusCode(201)
                    .header("Location", Matchers.endsWith(BASE + "/senior-entrance/2025"))
                    .body("vocationalEntrantsOutOfCounty", equalTo(410)).body("version", equalTo(0))
                    .extract().header("ETag");
            Api.as(COUNTY_EDITOR, COUNTY).body(entrance(3120, 1600, 780, 430)).put(BASE + "/senior-entrance/2025")
                    .then().statusCode(428);
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", "\"7\"").body(entrance(3120, 1600, 780, 430))
                    .put(BASE + "/senior-entrance/2025").then().statusCode(412).contentType("application/problem+json");
            Api.as(COUNTY_EDITOR, COUNTY).header("If-Match", etag).body(entrance(null, 1600, 780, 430))
                    .put(BASE + "/senior-entrance/2025").then().statusCode(200).body("version", equalTo(1))
                    .body("juniorGraduates", nullValue());
            Api.as(SYSTEM, COUNTY).body(entrance(2900, 1500, 700, 400)).put(BASE + "/senior-entrance/2024")
                    .then().statusCode(201);

            Api.as(PREFECTURE_REVIEWER, "940100").get(BASE + "/senior-entrance/2025").then().statusCode(200)
                    .header("ETag", "\"1\"").body("generalEntrants", equalTo(1600))
                    .body("vocationalEntrantsOutOfCounty", equalTo(430)).body("generalEnrolmentPlan", equalTo(1650));
            Api.as(VIEWER, COUNTY).get(BASE + "/senior-entrance").then().statusCode(200)
                    .body("items.year", contains(2024, 2025)).body("totalItems", equalTo(2));
            Api.as(VIEWER, COUNTY).get(BASE + "/senior-entrance?size=1&page=1").then()
                    .body("items.year", contains(2025)).body("totalItems", equalTo(2));
            Api.as(VIEWER, COUNTY).get(BASE + "/senior-entrance/2019").then().statusCode(404);

            List<TopicReader.Received> events = reader.await(TopicReader.subject(COUNTY + "/2025"), 2, Duration.ofSeconds(30));
            EventAssertions.assertMatchesGoldenSample(events.get(0), EventTypes.SENIOR_ENTRANCE_RECORDED, SOURCE);
            assertThat(EventJson.payload(events.get(1).event(), EventTypes.SENIOR_ENTRANCE_RECORDED))
                    .isEqualTo(new SeniorEntranceRecorded(COUNTY, 2025, null, 3050, 1600, 780, 430, 1650, 1));
        }
    }

    @Test
    void refusesNegativeCountsAndEntrantsOutnumberingTheGraduatesNamingTheField() {
        Map<String, Object> negative = entrance(3000, -1, 780, 410);
        negative.put("examTakers", -5);
        negative.remove("vocationalEntrantsInCounty");
        Api.as(COUNTY_EDITOR, COUNTY).body(negative).put(BASE + "/senior-entrance/2023").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("generalEntrants", "examTakers", "vocationalEntrantsInCounty"));
        Api.as(COUNTY_EDITOR, COUNTY).body(entrance(2000, 1620, 780, 410)).put(BASE + "/senior-entrance/2023")
                .then().statusCode(400).body("violations.field", contains("juniorGraduates"));
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("recruited", 10, "ruralRecruited", 11))
                .put(BASE + "/teacher-recruitment/2023").then().statusCode(400)
                .body("violations.field", contains("ruralRecruited"));
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("kinds", List.of(kind("SUBJECT", 1, 1, 0, 0, 0),
                kind("SUBJECT", 1, 1, 0, 0, 0), kind("MUSIC", 1, 1, 0, 0, 0), kind("ARTS", 1, -1, 0, 0, 0))))
                .put(BASE + "/training-institutions/2023").then().statusCode(400)
                .body("violations.field", hasItems("kinds[3].atEnd"));
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("kinds", List.of(kind("SUBJECT", 1, 1, 0, 0, 0),
                kind("SUBJECT", 1, 1, 0, 0, 0), kind("MUSIC", 1, 1, 0, 0, 0))))
                .put(BASE + "/training-institutions/2023").then().statusCode(400)
                .body("violations.field", contains("kinds[1].kind", "kinds[2].kind"));
        Api.as(COUNTY_EDITOR, COUNTY).body(entrance(3000, 1, 1, 1)).put(BASE + "/senior-entrance/1989")
                .then().statusCode(400);
        // a prefecture is no county
        Api.as(SYSTEM, "940100").body(entrance(3000, 1, 1, 1)).put("/api/v1/counties/940100/senior-entrance/2023")
                .then().statusCode(400);
        Api.as(SYSTEM, "940000").body(entrance(3000, 1, 1, 1)).put("/api/v1/counties/940199/senior-entrance/2023")
                .then().statusCode(422);
    }

    @Test
    void recordsTeacherRecruitmentAndTrainingInstitutionsPublishingThem() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("recruited", 126, "ruralRecruited", 88))
                    .put(BASE + "/teacher-recruitment/2025").then().statusCode(201).header("ETag", "\"0\"");
            Api.as(VIEWER, COUNTY).get(BASE + "/teacher-recruitment/2025").then().body("recruited", equalTo(126));

            Map<String, Object> body = new HashMap<>();
            body.put("kinds", List.of(kind("ARTS", 18, 21, 4, 2, 1), kind("SUBJECT", 12, 3, 0, 4, 9)));
            body.put("inspections", 24);
            body.put("complaintsHandled", 7);
            Api.as(COUNTY_EDITOR, COUNTY).body(body).put(BASE + "/training-institutions/2025").then().statusCode(201)
                    .body("kinds.kind", contains("SUBJECT", "ARTS")).body("inspections", equalTo(24));
            Api.as(PREFECTURE_REVIEWER, "940100").get(BASE + "/training-institutions/2025").then().statusCode(200)
                    .body("kinds[0].closed", equalTo(9)).body("complaintsHandled", equalTo(7));

            List<TopicReader.Received> events = reader.await(TopicReader.subject(COUNTY + "/2025"), 2, Duration.ofSeconds(30));
            TopicReader.Received recruitment = events.stream()
                    .filter(e -> e.event().type().equals(EventTypes.TEACHER_RECRUITMENT_RECORDED.name())).findFirst().orElseThrow();
            TopicReader.Received institutions = events.stream()
                    .filter(e -> e.event().type().equals(EventTypes.TRAINING_INSTITUTIONS_RECORDED.name())).findFirst().orElseThrow();
            EventAssertions.assertMatchesGoldenSample(recruitment, EventTypes.TEACHER_RECRUITMENT_RECORDED, SOURCE);
            EventAssertions.assertMatchesGoldenSample(institutions, EventTypes.TRAINING_INSTITUTIONS_RECORDED, SOURCE);
            assertThat(EventJson.payload(recruitment.event(), EventTypes.TEACHER_RECRUITMENT_RECORDED))
                    .isEqualTo(new TeacherRecruitmentRecorded(COUNTY, 2025, 126, 88, 0));
            assertThat(EventJson.payload(institutions.event(), EventTypes.TRAINING_INSTITUTIONS_RECORDED).kinds())
                    .extracting(TrainingInstitutionsRecorded.Kind::kind).containsExactly("SUBJECT", "ARTS");
        }
    }

    @Test
    void refusesMissingTokensForeignCountiesAndReadOnlyRoles() {
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("recruited", 5, "ruralRecruited", 1))
                .put(BASE + "/teacher-recruitment/2022").then().statusCode(201);
        for (String path : List.of(BASE + "/teacher-recruitment/2022", BASE + "/teacher-recruitment",
                BASE + "/senior-entrance", BASE + "/training-institutions")) {
            Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
            Api.as(VIEWER, "940102").get(path).then().statusCode(403).contentType("application/problem+json");
            Api.as(PREFECTURE_REVIEWER, "940200").get(path).then().statusCode(403);
            Api.as(PREFECTURE_REVIEWER, "940100").get(path).then().statusCode(200);
        }
        Map<String, Object> recruitment = Map.of("recruited", 5, "ruralRecruited", 1);
        for (String path : List.of(BASE + "/teacher-recruitment/2021", BASE + "/senior-entrance/2021",
                BASE + "/training-institutions/2021")) {
            Object body = path.contains("teacher") ? recruitment
                    : path.contains("senior") ? entrance(10, 1, 1, 1) : Map.of("kinds", List.of());
            Api.anonymous().body(body).put(path).then().statusCode(401);
            Api.as(VIEWER, COUNTY).body(body).put(path).then().statusCode(403);
            Api.as(PREFECTURE_REVIEWER, "940100").body(body).put(path).then().statusCode(403);
            Api.as(COUNTY_EDITOR, "940102").body(body).put(path).then().statusCode(403);
        }
        Api.as(VIEWER, COUNTY).get(BASE + "/teacher-recruitment/2021").then().statusCode(404);
    }
}
