package cn.eduduty.registry.bulkimport;

import static cn.eduduty.registry.RegistryFixtures.school;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.Topics;
import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class BulkImportTest {

    private static final String COUNTY = "950301";
    private static final String T1 = "950301001";

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 1);
    }

    static ExtractableResponse<Response> upload(String kind, String key, String contentType, byte[] body) {
        return Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", key).contentType(contentType).body(body)
                .post("/api/v1/counties/" + COUNTY + "/imports/" + kind).then().extract();
    }

    static ExtractableResponse<Response> csv(String kind, String key, String text) {
        return upload(kind, key, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsSchoolsOncePerKey() {
        String sheet = """
                code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn
                1195030101,中心幼儿园,KINDERGARTEN,PUBLIC,否,是,TOWN,950301001,2001-09-01
                2195030102,一小,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                """;
        ExtractableResponse<Response> first = csv("schools", "schools-1", sheet);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat((Integer) first.path("schoolsRegistered")).isEqualTo(2);
        ExtractableResponse<Response> again = csv("schools", "schools-1", sheet);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((Boolean) again.path("replayed")).isTrue();
        assertThat(csv("schools", "schools-1", sheet.replace("一小", "二小")).statusCode()).isEqualTo(409);
        // 小学 is the type's Chinese label, which imports as PRIMARY (the template's drop-down); 大学 is no type
        ExtractableResponse<Response> badType = csv("schools", "schools-2", sheet.replace("PRIMARY", "大学"));
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.<List<String>>path("violations.field")).containsExactly("rows[3].type");
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/1195030101").then().body("townshipCentral", equalTo(true));
    }

    @Test
    void aSchoolRowWithACodeOfAnotherProvinceCategoryOrCountyIsARowErrorNamingNothingOfThatCounty() {
        RegistryFixtures.county("950302", 1);
        Api.as(COUNTY_EDITOR, "950302").body(school("邻县小学", "PRIMARY", "PUBLIC", "950302001"))
                .put("/api/v1/schools/2195030207").then().statusCode(201);
        ExtractableResponse<Response> refused = csv("schools", "schools-codes", """
                code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn
                2195030108,八小,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                2196030109,九小,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                1195030110,十小,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                2195030207,抢注,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<List<String>>path("violations.field")).containsExactly("rows[3].code", "rows[4].code");
        assertThat(refused.body().asString()).doesNotContain("950302").doesNotContain("邻县");
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030108").then().statusCode(404);
        // the code of the other county alone: a row error too, not a failure of the import
        ExtractableResponse<Response> taken = csv("schools", "schools-taken", """
                code,name,type,ownership,inclusive,townshipCentral,area,townshipCode,openedOn
                2195030207,抢注,PRIMARY,PUBLIC,,,URBAN,950301001,1990-09-01
                """);
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.<List<String>>path("violations.field")).containsExactly("rows[2].code");
        assertThat(taken.<List<String>>path("violations.message")).containsExactly("该学校标识码已登记在其他县");
        assertThat(taken.body().asString()).doesNotContain("950302").doesNotContain("邻县");
        Api.as(VIEWER, "950302").get("/api/v1/schools/2195030207").then().body("name", equalTo("邻县小学"));
    }

    @Test
    void aSheetWithSomeBadRowsReportsEveryErrorAndStoresNothing() {
        Api.as(COUNTY_EDITOR, COUNTY).body(school("三小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195030103");
        String sheet = """
                schoolCode,schoolYear,stage,grade,students,commonLanguage
                2195030103,2025,PRIMARY,1,45,true
                2195030103,2025,PRIMARY,9,40,true
                2195030103,2025,PRIMARY,2,500,true
                2195039999,2025,PRIMARY,1,40,true
                2195030103,2025,SENIOR,10,40,true
                2195030103,2025,PRIMARY,3,forty,true
                2195030103,2025,PRIMARY,4,44,maybe
                """;
        ExtractableResponse<Response> refused = csv("classes", "classes-bad", sheet);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<List<String>>path("violations.field")).contains("rows[3].grade", "rows[4].students",
                "rows[5].schoolCode", "rows[6].stage", "rows[7].students", "rows[8].commonLanguage");
        assertThat(refused.<List<String>>path("violations.field")).doesNotContain("rows[2].grade");
        // the sheet's own messages are Chinese for the clerk, quoting the cell
        assertThat(refused.<String>path("violations.find { it.field == 'rows[7].students' }.message")).isEqualTo("“forty”应为数字");
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030103/years/2025").then().statusCode(404);
    }

    @Test
    void importsClassRostersFromCsvReplacingEachSchoolYearAndPublishingIt() {
        Api.as(COUNTY_EDITOR, COUNTY).body(school("四小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195030104");
        Api.as(COUNTY_EDITOR, COUNTY).body(school("五小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195030105");
        try (TopicReader reader = TopicReader.fromNow(Topics.REGISTRY)) {
            ExtractableResponse<Response> imported = csv("classes", "classes-ok", """
                    schoolCode,schoolYear,stage,grade,students
                    2195030104,2025,PRIMARY,1,45
                    2195030104,2025,PRIMARY,1,58
                    2195030105,2025,PRIMARY,2,39
                    """);
            assertThat(imported.statusCode()).isEqualTo(201);
            assertThat((Integer) imported.path("rows")).isEqualTo(3);
            assertThat((Integer) imported.path("schoolYearsReplaced")).isEqualTo(2);
            Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030104/years/2025").then()
                    .body("classes.students", Matchers.contains(45, 58));
            reader.await(r -> r.event().type().equals("registry.school-year.replaced")
                    && r.event().subject().startsWith("21950301"), 2, Duration.ofSeconds(30));
        }
        csv("classes", "classes-ok-2", """
                schoolCode,schoolYear,stage,grade,students
                2195030104,2025,PRIMARY,1,30
                """);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030104/years/2025").then()
                .body("classes.students", Matchers.contains(30)).body("version", equalTo(1));
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030105/years/2025").then().body("classes.size()", equalTo(1));
    }

    @Test
    void importsEnrolmentAndStaffFromAStreamedXlsxWorkbook() throws IOException {
        Api.as(COUNTY_EDITOR, COUNTY).body(school("六小", "PRIMARY", "PUBLIC", T1)).put("/api/v1/schools/2195030106");
        byte[] enrolment = workbook(List.of(
                List.of("schoolCode", "schoolYear", "stage", "grade", "entrants", "graduates", "transfersIn", "transfersOut", "dropouts"),
                List.of("2195030106", 2025, "PRIMARY", 1, 88, 0, 2, 1, 0),
                List.of("2195030106", 2025, "PRIMARY", 6, 0, 80, 0, 0, 1)));
        assertThat(upload("enrolment", "xlsx-1", BulkImportResource.XLSX, enrolment).statusCode()).isEqualTo(201);
        byte[] staff = workbook(List.of(
                List.of("schoolCode", "schoolYear", "teachers", "newHires", "ruralNewHires", "eligibleForRotation", "rotated",
                        "rotatedBackbone", "newHiresPutonghua2B"),
                List.of("2195030106", 2025, 40, 4, 1, 30, 3, 1, 4)));
        assertThat(upload("staff", "xlsx-2", BulkImportResource.XLSX, staff).statusCode()).isEqualTo(201);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2195030106/years/2025").then().statusCode(200)
                .body("flows.size()", equalTo(2)).body("flows[0].entrants", equalTo(88))
                .body("staff.teachers", equalTo(40)).body("staff.rotated", equalTo(3));
        byte[] bad = workbook(List.of(List.of("schoolCode", "schoolYear", "teachers", "newHires", "ruralNewHires",
                "eligibleForRotation", "rotated", "rotatedBackbone", "newHiresPutonghua2B"),
                List.of("2195030106", 2025, 40, 4, 9, 30, 3, 1, 4)));
        ExtractableResponse<Response> refused = upload("staff", "xlsx-3", BulkImportResource.XLSX, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.<List<String>>path("violations.field")).contains("rows[2].ruralNewHires");
    }

    @Test
    void refusesImportsWithoutKeyTokenOrRight() {
        Api.as(COUNTY_EDITOR, COUNTY).contentType("text/csv").body("code\n")
                .post("/api/v1/counties/" + COUNTY + "/imports/schools").then().statusCode(400)
                .body("violations.field", hasItems("Idempotency-Key"));
        Api.anonymous().header("Idempotency-Key", "x").contentType("text/csv").body("code\n")
                .post("/api/v1/counties/" + COUNTY + "/imports/schools").then().statusCode(401);
        Api.as(VIEWER, COUNTY).header("Idempotency-Key", "x").contentType("text/csv").body("code\n")
                .post("/api/v1/counties/" + COUNTY + "/imports/schools").then().statusCode(403);
        Api.as(COUNTY_EDITOR, "950302").header("Idempotency-Key", "x").contentType("text/csv").body("code\n")
                .post("/api/v1/counties/" + COUNTY + "/imports/schools").then().statusCode(403);
        Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", "x").contentType("text/csv").body("code\n")
                .post("/api/v1/counties/" + COUNTY + "/imports/pupils").then().statusCode(400);
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("表1");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
