package cn.eduduty.registry.bulkimport;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The county's own facts imported from sheets, one row per year, through the same rules and events as the API. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CountyFactImportTest {

    private static final String COUNTY = "940201";
    private static final String BASE = "/api/v1/counties/" + COUNTY;

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 0);
    }

    static ExtractableResponse<Response> upload(String kind, String key, String contentType, byte[] body) {
        return Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", key).contentType(contentType).body(body)
                .post(BASE + "/imports/" + kind).then().extract();
    }

    static ExtractableResponse<Response> csv(String kind, String key, String text) {
        return upload(kind, key, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsTheSeniorEntranceOfSeveralYearsReplacingWhatWasRecordedAndPublishingEach() {
        Api.as(COUNTY_EDITOR, COUNTY).body(Map.of("generalEntrants", 1, "vocationalEntrantsInCounty", 1,
                "vocationalEntrantsOutOfCounty", 1)).put(BASE + "/senior-entrance/2019").then().statusCode(201);
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            ExtractableResponse<Response> imported = csv("senior-entrance", "entrance-1", """
                    year,juniorGraduates,examTakers,generalEntrants,vocationalEntrantsInCounty,vocationalEntrantsOutOfCounty,generalEnrolmentPlan
                    2018,2900,2870,1500,700,400,1520
                    2019,3120,,1620,780,410,
                    """);
            assertThat(imported.statusCode()).isEqualTo(201);
            assertThat((String) imported.path("kind")).isEqualTo("senior-entrance");
            assertThat((Integer) imported.path("countyYearsRecorded")).isEqualTo(2);
            assertThat(csv("senior-entrance", "entrance-1", "year,generalEntrants,vocationalEntrantsInCounty,"
                    + "vocationalEntrantsOutOfCounty\n2018,1,1,1\n").statusCode()).isEqualTo(409);

            Api.as(VIEWER, COUNTY).get(BASE + "/senior-entrance/2019").then().header("ETag", "\"1\"")
                    .body("vocationalEntrantsOutOfCounty", equalTo(410)).body("examTakers", equalTo(null));
            Api.as(VIEWER, COUNTY).get(BASE + "/senior-entrance").then().body("items.year", contains(2018, 2019));
            TopicReader.Received event = reader.await(TopicReader.subject(COUNTY + "/2018"), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.SENIOR_ENTRANCE_RECORDED, "/school-registry-service");
        }
    }

    @Test
    void importsTrainingInstitutionsAndRecruitmentFromXlsxAndCsv() throws Exception {
        byte[] sheet = BulkImportTest.workbook(List.of(
                List.of("year", "subjectAtStart", "subjectAtEnd", "subjectApproved", "subjectRectified", "subjectClosed",
                        "artsAtStart", "artsAtEnd", "artsApproved", "artsRectified", "artsClosed", "inspections"),
                List.of(2021, 40, 6, 0, 12, 34, 18, 21, 4, 2, 1, 24)));
        assertThat(upload("training-institutions", "training-1", BulkImportResource.XLSX, sheet).statusCode()).isEqualTo(201);
        Api.as(VIEWER, COUNTY).get(BASE + "/training-institutions/2021").then().statusCode(200)
                .body("kinds.kind", contains("SUBJECT", "ARTS")).body("kinds[0].closed", equalTo(34))
                .body("inspections", equalTo(24)).body("complaintsHandled", equalTo(null));

        assertThat(csv("teacher-recruitment", "recruitment-1", "year,recruited,ruralRecruited\n2017,120,80\n2018,95,70\n")
                .statusCode()).isEqualTo(201);
        Api.as(VIEWER, COUNTY).get(BASE + "/teacher-recruitment").then().body("items.recruited", contains(120, 95));
    }

    @Test
    void aSheetWithBadRowsReportsEveryErrorAndStoresNothing() {
        ExtractableResponse<Response> refused = csv("teacher-recruitment", "recruitment-bad", """
                year,recruited,ruralRecruited
                2010,50,40
                2011,10,11
                2010,5,1
                2012,-1,0
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<List<String>>path("violations.field"))
                .containsExactly("rows[3].ruralRecruited", "rows[4].year", "rows[5].recruited");
        Api.as(VIEWER, COUNTY).get(BASE + "/teacher-recruitment/2010").then().statusCode(404);

        ExtractableResponse<Response> partial = csv("training-institutions", "training-bad", """
                year,sportsAtStart,sportsAtEnd,sportsApproved,sportsRectified,sportsClosed,scienceAtStart
                2030,5,7,,0,0,
                2031,5,7,2,0,0,3
                """);
        assertThat(partial.statusCode()).isEqualTo(400);
        assertThat(partial.<List<String>>path("violations.field")).contains("rows[2].sportsApproved", "rows[3].scienceAtEnd");
        Api.as(VIEWER, COUNTY).get(BASE + "/training-institutions/2031").then().statusCode(404);

        assertThat(csv("senior-entrance", "entrance-bad", "year,juniorGraduates,generalEntrants,vocationalEntrantsInCounty,"
                + "vocationalEntrantsOutOfCounty\n2016,100,80,20,10\n").<List<String>>path("violations.field"))
                .containsExactly("rows[2].juniorGraduates");
    }
}
