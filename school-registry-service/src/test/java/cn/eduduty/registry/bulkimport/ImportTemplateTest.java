package cn.eduduty.registry.bulkimport;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.SYSTEM;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellCopyPolicy;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.registry.RegistryFixtures;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The XLSX template of every import kind, downloaded, opened in POI, filled in as a clerk would
 * (Chinese headers, values from the drop-downs) and posted back to the import.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ImportTemplateTest {

    /** The county and school the templates' example rows name (the demo county's). */
    private static final String COUNTY = "990101";
    private static final String EXAMPLE_SCHOOL = "2199010199";

    @BeforeEach
    void county() {
        RegistryFixtures.county(COUNTY, 1);
    }

    /** The request a spreadsheet download makes: a token of {@code role}, accepting XLSX. */
    static RequestSpecification as(String role, String region) {
        return Api.as(role, region).accept(BulkImportResource.XLSX);
    }

    static byte[] download(String kind) {
        ExtractableResponse<Response> response = as(COUNTY_EDITOR, COUNTY).get("/api/v1/imports/" + kind + "/template")
                .then().extract();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(BulkImportResource.XLSX);
        return response.asByteArray();
    }

    static ExtractableResponse<Response> upload(String kind, String key, byte[] workbook) {
        return Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", key).contentType(BulkImportResource.XLSX)
                .body(workbook).post("/api/v1/counties/" + COUNTY + "/imports/" + kind).then().extract();
    }

    @Test
    void theSchoolsTemplateHasChineseHeadersDropDownsOfChineseLabelsFormatsAndInstructions() throws IOException {
        ExtractableResponse<Response> response = as(COUNTY_EDITOR, COUNTY).get("/api/v1/imports/schools/template")
                .then().extract();
        assertThat(response.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename=\"schools-template.xlsx\"")
                // 学校基本情况导入模板.xlsx, RFC 5987
                .contains("filename*=UTF-8''%E5%AD%A6%E6%A0%A1%E5%9F%BA%E6%9C%AC%E6%83%85%E5%86%B5"
                        + "%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            XSSFSheet data = book.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("学校基本情况");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
            assertThat(texts(data.getRow(0))).containsExactly("*学校标识码", "*学校名称", "*办学类型", "*办学性质",
                    "是否普惠性幼儿园", "是否乡镇中心幼儿园", "*城乡分类", "*所在乡镇代码", "*建校日期");
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(dropDown(data, 2)).containsExactly("幼儿园", "小学", "教学点", "九年一贯制学校", "初级中学", "完全中学",
                    "高级中学", "十二年一贯制学校", "中等职业学校", "特殊教育学校");
            assertThat(dropDown(data, 3)).containsExactly("公办", "民办");
            assertThat(dropDown(data, 4)).containsExactly("是", "否");
            assertThat(dropDown(data, 5)).containsExactly("是", "否");
            assertThat(dropDown(data, 6)).containsExactly("城区", "镇区", "乡村");
            assertThat(data.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            assertThat(data.getColumnStyle(8).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(validation(data, 8).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
            for (int c = 0; c < 9; c++) {
                String header = data.getRow(0).getCell(c).getStringCellValue();
                assertThat(data.getColumnWidth(c)).as(header).isGreaterThanOrEqualTo(header.length() * 2 * 256);
            }
            assertThat(data.getRow(0).getCell(2).getCellComment().getString().getString()).startsWith("必填。")
                    .contains("办学类型");
            String instructions = allText(book.getSheetAt(1));
            assertThat(instructions).contains("办学类型", "必填", "选填", "公办、民办（或 PUBLIC、PRIVATE）", "城区、镇区、乡村",
                    "yyyy-mm-dd", "示例行", EXAMPLE_SCHOOL);
            // a clerk uploads through the system's 数据导入, not by calling the API
            assertThat(instructions).contains("数据导入", "上传本文件").doesNotContain("/api/", "POST", "Idempotency-Key");
        }
    }

    @Test
    void everyKindsTemplateOpensWithItsHeadersValidationsAndFormats() throws IOException {
        for (ImportKind kind : ImportKind.values()) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(kind.path())))) {
                XSSFSheet data = book.getSheetAt(0);
                assertThat(data.getSheetName()).as(kind.path()).isEqualTo(kind.title);
                assertThat(book.getSheetName(1)).isEqualTo("填写说明");
                assertThat(texts(data.getRow(0))).as(kind.path())
                        .containsExactlyElementsOf(kind.layout.stream().map(ImportColumn::header).toList());
                assertThat(data.getPaneInformation().isFreezePane()).isTrue();
                for (int c = 0; c < kind.layout.size(); c++) {
                    ImportColumn column = kind.layout.get(c);
                    String format = data.getColumnStyle(c).getDataFormatString();
                    switch (column.cell()) {
                        case CHOICE -> assertThat(dropDown(data, c)).as(kind.path() + " " + column.key())
                                .containsExactlyElementsOf(column.choices().labels());
                        case COUNT, YEAR -> {
                            assertThat(format).as(kind.path() + " " + column.key()).isEqualTo("0");
                            assertThat(validation(data, c).getValidationConstraint().getValidationType())
                                    .isEqualTo(ValidationType.INTEGER);
                        }
                        case DATE -> assertThat(format).isEqualTo("yyyy-mm-dd");
                        default -> assertThat(format).as(kind.path() + " " + column.key()).isEqualTo("@");
                    }
                }
                String instructions = allText(book.getSheetAt(1));
                kind.layout.forEach(column -> assertThat(instructions).contains(column.label(), column.meaning()));
            }
        }
        // the stages' and grades' drop-downs, spelled out once
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("classes")))) {
            assertThat(texts(book.getSheetAt(0).getRow(0))).containsExactly("*学校标识码", "*学年", "*学段", "*年级",
                    "*班级学生数", "是否使用国家通用语言文字教学");
            assertThat(dropDown(book.getSheetAt(0), 2)).containsExactly("学前教育", "小学", "初中", "普通高中", "中等职业教育",
                    "特殊教育");
            assertThat(dropDown(book.getSheetAt(0), 3)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
                    "11", "12");
        }
    }

    @Test
    void everyKindsFilledTemplateImportsWithChineseHeadersAndDropDownValues() throws IOException {
        // sent back as downloaded: the example row is on the instructions sheet, so nothing is imported
        ExtractableResponse<Response> untouched = upload("schools", "template-empty", download("schools"));
        assertThat(untouched.statusCode()).isEqualTo(201);
        assertThat((Integer) untouched.path("rows")).isZero();
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/" + EXAMPLE_SCHOOL).then().statusCode(404);
        // each kind's example row copied onto its data sheet, as a clerk starts: the school first
        for (ImportKind kind : ImportKind.values()) {
            ExtractableResponse<Response> imported = upload(kind.path(), "template-" + kind.path(),
                    filled(download(kind.path()), sheet -> {
                    }));
            assertThat(imported.statusCode()).as(kind.path() + ": " + imported.asString()).isEqualTo(201);
            assertThat((Integer) imported.path("rows")).isEqualTo(1);
        }
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/" + EXAMPLE_SCHOOL).then().statusCode(200)
                .body("name", equalTo("示例县示例小学")).body("type", equalTo("PRIMARY"))
                .body("ownership", equalTo("PUBLIC")).body("area", equalTo("URBAN")).body("inclusive", equalTo(false))
                .body("openedOn", equalTo("2020-09-01"));
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/" + EXAMPLE_SCHOOL + "/years/2025").then().statusCode(200)
                .body("classes[0].stage", equalTo("PRIMARY")).body("classes[0].grade", equalTo(1))
                .body("classes[0].students", equalTo(45)).body("classes[0].commonLanguage", equalTo(true))
                .body("flows[0].entrants", equalTo(45)).body("flows[0].transfersIn", equalTo(1))
                .body("staff.teachers", equalTo(40)).body("staff.newHiresPutonghua2B", equalTo(4));
        String base = "/api/v1/counties/" + COUNTY;
        Api.as(VIEWER, COUNTY).get(base + "/senior-entrance/2025").then().statusCode(200)
                .body("generalEntrants", equalTo(1620)).body("generalEnrolmentPlan", equalTo(1650));
        Api.as(VIEWER, COUNTY).get(base + "/teacher-recruitment/2025").then().statusCode(200)
                .body("recruited", equalTo(126)).body("ruralRecruited", equalTo(88));
        Api.as(VIEWER, COUNTY).get(base + "/training-institutions/2025").then().statusCode(200)
                .body("kinds.kind", contains("SUBJECT")).body("kinds[0].closed", equalTo(9))
                .body("inspections", equalTo(24));
    }

    @Test
    void aValueNotInTheDropDownIsAnErrorNamingTheColumnTheRowAndTheAllowedValues() throws IOException {
        byte[] bad = filled(download("schools"), sheet -> {
            XSSFRow second = sheet.createRow(2);
            XSSFRow first = sheet.getRow(1);
            for (int c = 0; c < first.getLastCellNum(); c++) {
                XSSFCell cell = second.createCell(c);
                cell.copyCellFrom(first.getCell(c), new CellCopyPolicy());
            }
            second.getCell(0).setCellValue("2199010198");
            second.getCell(2).setCellValue("大学");
            second.getCell(6).setCellValue("郊区");
        });
        ExtractableResponse<Response> refused = upload("schools", "template-bad", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<List<String>>path("violations.field")).containsExactly("rows[3].type", "rows[3].area");
        assertThat(refused.<String>path("violations[0].message")).contains("办学类型", "大学", "小学", "幼儿园",
                "十二年一贯制学校");
        assertThat(refused.<String>path("violations[1].message")).contains("城乡分类", "郊区", "城区、镇区、乡村");
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/2199010198").then().statusCode(404);
    }

    @Test
    void acceptsChineseHeadersWithoutTheMarkAndCodesAndLabelsMixedInACsv() {
        ExtractableResponse<Response> imported = Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", "template-csv")
                .contentType("text/csv").body("""
                        学校标识码,学校名称,办学类型,办学性质,城乡分类,所在乡镇代码,建校日期,是否普惠性幼儿园
                        1199010197,示例县示例幼儿园,幼儿园,PRIVATE,镇区,990101001,2015-09-01,是
                        """.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/counties/" + COUNTY + "/imports/schools").then().extract();
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
        Api.as(VIEWER, COUNTY).get("/api/v1/schools/1199010197").then().statusCode(200)
                .body("type", equalTo("KINDERGARTEN")).body("ownership", equalTo("PRIVATE")).body("area", equalTo("TOWN"))
                .body("inclusive", equalTo(true));
    }

    @Test
    void refusesTheTemplateWithoutATokenToRolesThatMayNotImportAndForAnUnknownKind() {
        Api.anonymous().accept(BulkImportResource.XLSX).get("/api/v1/imports/schools/template").then().statusCode(401);
        as(VIEWER, COUNTY).get("/api/v1/imports/schools/template").then().statusCode(403);
        as(PREFECTURE_REVIEWER, "990100").get("/api/v1/imports/schools/template").then().statusCode(403);
        // a template holds no region's data: whoever may import anywhere may download it
        as(SYSTEM, "880101").get("/api/v1/imports/staff/template").then().statusCode(200);
        as(COUNTY_EDITOR, COUNTY).get("/api/v1/imports/pupils/template").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("pupils"));
    }

    @Test
    void theDocumentListsTheKindsAndTheXlsxAnswer() {
        ExtractableResponse<Response> document = Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .extract();
        String get = "paths.'/api/v1/imports/{kind}/template'.get.";
        assertThat(document.<Map<String, Object>>path(get.substring(0, get.length() - 1))).containsKeys("summary", "tags");
        assertThat(document.<List<String>>path(get + "parameters.find { it.name == 'kind' }.schema.enum"))
                .containsExactlyElementsOf(Arrays.stream(ImportKind.values()).map(ImportKind::path).toList());
        assertThat(document.<String>path(get + "responses.'200'.content.'" + BulkImportResource.XLSX + "'.schema.format"))
                .isEqualTo("binary");
        assertThat(document.<Object>path(get + "responses.'404'")).isNotNull();
    }

    /**
     * The template with its example row (from the instructions sheet) copied into the data sheet's
     * second row, keeping each column's format as Excel does, then changed by {@code edit}.
     */
    static byte[] filled(byte[] template, Consumer<XSSFSheet> edit) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet data = book.getSheetAt(0);
            XSSFSheet instructions = book.getSheet("填写说明");
            XSSFRow example = instructions.getRow(instructions.getLastRowNum());
            XSSFRow row = data.createRow(1);
            for (int c = 0; c < example.getLastCellNum(); c++) {
                XSSFCell from = example.getCell(c);
                XSSFCell to = row.createCell(c);
                to.setCellStyle(data.getColumnStyle(c));
                switch (from.getCellType()) {
                    case NUMERIC -> to.setCellValue(from.getNumericCellValue());
                    case STRING -> to.setCellValue(from.getStringCellValue());
                    default -> {
                    }
                }
            }
            edit.accept(data);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static String allText(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\n')));
        return text.toString();
    }

    /** The validation covering the data cells of column {@code c} (rows 2 to 5001). */
    private static XSSFDataValidation validation(XSSFSheet sheet, int c) {
        return sheet.getDataValidations().stream().filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses())
                .anyMatch(r -> covers(r, c))).findFirst().orElseThrow(() -> new AssertionError("no validation on column " + c));
    }

    private static boolean covers(CellRangeAddress range, int c) {
        return range.getFirstColumn() <= c && range.getLastColumn() >= c && range.getFirstRow() == 1
                && range.getLastRow() >= 1000;
    }

    /** The values of column {@code c}'s list validation, checked to show its drop-down arrow. */
    private static List<String> dropDown(XSSFSheet sheet, int c) {
        XSSFDataValidation validation = validation(sheet, c);
        assertThat(validation.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
        assertThat(validation.getShowErrorBox()).isTrue();
        // Excel hides the arrow when the list validation's showDropDown is set
        assertThat(Arrays.stream(sheet.getCTWorksheet().getDataValidations().getDataValidationArray())
                .filter(v -> v.getShowDropDown())).as("validations hiding their drop-down").isEmpty();
        return List.of(validation.getValidationConstraint().getExplicitListValues());
    }
}
