package cn.eduduty.report.snapshot;

import static cn.eduduty.report.snapshot.SnapshotJson.period;
import static cn.eduduty.report.snapshot.SnapshotJson.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.render.OoxmlTimes;
import cn.eduduty.report.render.PdfInspection;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;

/** Reports of a hand-built county: figures, checks, formats, immutability, events and access. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportResourceTest {

    private static final String PREFECTURE = "990600";
    private static final String COUNTY = "990601";

    @Inject
    ReadModelEvents events;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void county() throws Exception {
        events.loadOnce(PREFECTURE, COUNTY);
    }

    private static String generate(String region, String role) {
        return Api.as(role, region).contentType("application/json")
                .body(Map.of("region", region, "year", 2025)).post("/api/v1/reports")
                .then().statusCode(201).header("Location", Matchers.containsString("/api/v1/reports/"))
                .body("kind", equalTo("FINAL")).body("trigger", equalTo("ON_DEMAND"))
                .extract().path("id");
    }

    private static byte[] fetch(String id, String format) {
        return fetch(id, format, COUNTY);
    }

    private static byte[] fetch(String id, String format, String region) {
        return Api.as(Api.VIEWER, region).queryParam("format", format).get("/api/v1/reports/" + id)
                .then().statusCode(200).extract().asByteArray();
    }


    @Test
    void everyFigureMatchesHandArithmetic() {
        JsonPath json = new JsonPath(new String(fetch(generate(COUNTY, Api.COUNTY_EDITOR), "json"),
                StandardCharsets.UTF_8));
        // ratings: 1.1.1 and 1.1.2 FULLY, 2.1.1 NOT, 2.1.2 NOT_APPLICABLE → 3 applicable
        assertThat(value(json, "rating.indicators")).isEqualTo("4");
        assertThat(value(json, "rating.rated")).isEqualTo("4");
        assertThat(value(json, "rating.applicable")).isEqualTo("3");
        assertThat(value(json, "rating.completeness")).isEqualTo("100.00");
        assertThat(value(json, "rating.fully")).isEqualTo("2");
        assertThat(value(json, "rating.fully_share")).isEqualTo("66.67");
        assertThat(value(json, "rating.basically_share")).isEqualTo("0.00");
        assertThat(value(json, "rating.not_share")).isEqualTo("33.33");
        assertThat(value(json, "rating.not_applicable")).isEqualTo("1");
        // registry: P, K1, K2 open (J closed on 1 July); 10 primary + 1 junior classes, one of 60
        assertThat(value(json, "registry.schools.total")).isEqualTo("3");
        assertThat(value(json, "registry.classes.primary")).isEqualTo("10");
        assertThat(value(json, "registry.students.primary")).isEqualTo("465");
        assertThat(value(json, "registry.compulsory.large_classes")).isEqualTo("1");
        assertThat(value(json, "registry.compulsory.large_class_share")).isEqualTo("9.09");
        assertThat(value(json, "registry.preschool.inclusive_coverage")).isEqualTo("80.00");
        // funding: 200,000 / 465 pupils; appropriation +8% vs revenue +6%; 200,000 / 1,100,000,000
        assertThat(value(json, "funding.per_student.public_funds.primary")).isEqualTo("430.11");
        assertThat(value(json, "funding.three_growths.appropriation_vs_revenue")).isEqualTo("1");
        assertThat(value(json, "funding.three_growths.per_student_public_funds")).isEqualTo("0");
        assertThat(value(json, "funding.education_share")).isEqualTo("0.02");
        assertThat(value(json, "funding.teacher_pay.not_below_civil_servants")).isEqualTo("1");
        assertThat(value(json, "funding.amount.appropriation")).isEqualTo("108000000.00");
        // provenance: every figure has a formula and either sources or the reason it is absent
        List<Map<String, Object>> figures = json.getList("figures");
        assertThat(figures).allSatisfy(f -> {
            assertThat((String) f.get("formula")).as((String) f.get("key")).isNotBlank();
            if (f.get("value") != null) {
                assertThat((List<?>) f.get("sources")).as((String) f.get("key")).isNotEmpty();
            } else {
                assertThat((String) f.get("absentReason")).as((String) f.get("key")).isNotBlank();
            }
        });
        assertThat(json.getList("figures.find { it.key == 'registry.compulsory.large_class_share' }.inputs.value"))
                .containsExactly("1", "11");
        assertThat(json.getString("framework.code")).isEqualTo("TEST-2025");
        assertThat(json.getString("evaluation.status")).isEqualTo("APPROVED");
        assertThat(json.getList("earlierYears.year")).containsExactly(2024, 2023);
    }

    @Test
    void eachFigureIsEvaluatedOnItsLatestCompletePeriod() {
        JsonPath json = new JsonPath(new String(fetch(generate(COUNTY, Api.COUNTY_EDITOR), "json"),
                StandardCharsets.UTF_8));
        // a 2025 report: stock figures of school year 2025, completion of 2024 (ended summer 2025),
        // entrance of autumn 2025, funding rules of fiscal 2024 against 2023
        assertThat(json.getInt("periods.schoolYear")).isEqualTo(2025);
        assertThat(json.getBoolean("periods.schoolYearFallback")).isFalse();
        assertThat(json.getInt("periods.completedSchoolYear")).isEqualTo(2024);
        assertThat(json.getInt("periods.entranceYear")).isEqualTo(2025);
        assertThat(json.getInt("periods.fiscalYear")).isEqualTo(2024);
        assertThat(period(json, "registry.compulsory.large_class_share")).isEqualTo("2025—2026学年");
        assertThat(period(json, "registry.primary.consolidation_rate")).isEqualTo("2024—2025学年");
        assertThat(period(json, "registry.senior.vocational_entrant_share")).isEqualTo("2025年秋季");
        assertThat(period(json, "funding.three_growths.per_student_public_funds")).isEqualTo("2024年");
        assertThat(period(json, "rating.fully_share")).isEqualTo("2025年度");
        // the money of 2025 booked so far is a labelled part year, never a rule
        assertThat(value(json, "funding.year_to_date.education_expenditure")).isEqualTo("120000.00");
        assertThat(period(json, "funding.year_to_date.education_expenditure")).isEqualTo("2025年1—6月");
        // per-stage outcomes: the primary stage fails each per-student rule
        assertThat(value(json, "funding.three_growths.per_student_public_funds.primary")).isEqualTo("0");
        assertThat(json.getList("figures.find { it.key == 'funding.three_growths.per_student_public_funds.primary' }.inputs.value"))
                .containsExactly("650.00", "430.11", "-33.83");
        String text = new String(fetch(generate(COUNTY, Api.COUNTY_EDITOR), "markdown"), StandardCharsets.UTF_8);
        assertThat(text).contains("教育经费法定增长要求按2024年度数据评价，与2023年比较", "2024—2025学年（2025年夏季毕业）",
                "2024年度教育经费法定增长要求落实情况（与2023年比较）", "| 生均公用经费逐步增长（小学） | 未满足 | 2023年650.00元，2024年430.11元，下降33.83% |",
                "2025年1—6月，已支出一般公共预算教育经费12万元，其中小学12万元。以上为年度执行中数据，仅作列示，不与全年比较。");
    }

    @Test
    void aRequestMayChooseThePeriodsAndARollUpsSignature() {
        String id = Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).contentType("application/json")
                .body(Map.of("region", PREFECTURE, "year", 2025, "periods", Map.of("fiscalYear", 2025),
                        "signingAuthority", "测试市教育督导室", "signingDate", "2025-10-28"))
                .post("/api/v1/reports").then().statusCode(201).extract().path("id");
        JsonPath json = new JsonPath(new String(fetch(id, "json", PREFECTURE), StandardCharsets.UTF_8));
        assertThat(json.getInt("periods.fiscalYear")).isEqualTo(2025);
        assertThat(period(json, "funding.education_share")).isEqualTo("2025年");
        // fiscal 2025 has only the part year's posting and no fiscal context: the rule cannot be decided
        assertThat(json.getString("figures.find { it.key == 'funding.education_share.rises' }.absentReason"))
                .isEqualTo("2025年无教育支出占一般公共预算支出比例数据，无法比较");
        String html = new String(fetch(id, "html", PREFECTURE), StandardCharsets.UTF_8);
        assertThat(html).contains("\">测试市教育督导室</p>", "2025年10月28日");
        Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).contentType("application/json")
                .body(Map.of("region", PREFECTURE, "year", 2025, "periods", Map.of("fiscalYear", 1990)))
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(Matchers.containsString("fiscalYear")));
    }


    @Test
    void checksFireOnTheCraftedFaults() {
        JsonPath json = new JsonPath(new String(fetch(generate(COUNTY, Api.COUNTY_EDITOR), "json"),
                StandardCharsets.UTF_8));
        List<Map<String, String>> checks = json.getList("checks");
        Map<String, List<String>> subjects = checks.stream().collect(Collectors.groupingBy(c -> c.get("code"),
                TreeMap::new, Collectors.mapping(c -> c.get("subject") + "/" + c.get("severity"),
                        Collectors.toList())));
        assertThat(subjects).containsOnlyKeys("funding-rule-failed", "rating-contradicts-metric",
                "narrative-figure-mismatch", "closed-school-with-students", "signing-default");
        // each failing stage of a per-stage rule is its own error, with its figures
        assertThat(subjects.get("funding-rule-failed")).containsExactlyInAnyOrder(
                "funding.three_growths.per_student_expenditure.primary/ERROR",
                "funding.three_growths.per_student_public_funds.primary/ERROR",
                "funding.never_decrease.general_budget_education_expenditure/ERROR",
                "funding.never_decrease.per_student_general_budget_expenditure.primary/ERROR",
                "funding.education_share.rises/ERROR");
        assertThat(checks).filteredOn(c -> c.get("subject").equals("funding.three_growths.per_student_public_funds.primary"))
                .extracting(c -> c.get("message"))
                .containsExactly("2024年未满足“生均公用经费逐步增长（小学）”：2023年650.00元，2024年430.11元，下降33.83%");
        // the county set no signature of its own: each default is said
        assertThat(subjects.get("signing-default")).hasSize(4).allMatch(s -> s.endsWith("/WARNING"));
        assertThat(subjects.get("rating-contradicts-metric")).containsExactly("1.1.1/ERROR", "2.1.1/WARNING");
        assertThat(subjects.get("narrative-figure-mismatch")).containsExactly("1.1.2/ERROR");
        assertThat(subjects.get("closed-school-with-students")).containsExactly("3199060104/ERROR");
        // failed checks feed the problems section
        String markdown = new String(fetch(generate(COUNTY, Api.COUNTY_EDITOR), "markdown"),
                StandardCharsets.UTF_8);
        String problems = markdown.substring(markdown.indexOf("四、存在的问题及改进措施"));
        assertThat(problems).contains("教师工资（尚未落实）：部分乡村教师绩效工资发放滞后。")
                .contains("学校3199060104")
                .contains("2024年未满足“生均公用经费逐步增长（小学）”：2023年650.00元，2024年430.11元，下降33.83%。")
                .contains("2024年未满足“教育支出占一般公共预算支出比例逐年提高”：2023年0.65%，2024年0.02%。");
    }

    @Test
    void aSnapshotRendersToTheSameBytesEveryTime() {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        for (String format : List.of("json", "html", "markdown", "docx", "pdf", "xlsx")) {
            assertThat(fetch(id, format)).as(format).isEqualTo(fetch(id, format));
        }
        // fetched within milliseconds, the bytes would match even with "now" in them: the Office files' times are the snapshot's
        Instant generatedAt = Instant.parse(new JsonPath(new String(fetch(id, "json"), StandardCharsets.UTF_8))
                .getString("generatedAt"));
        OoxmlTimes.assertDatedWith(fetch(id, "docx"), generatedAt);
        OoxmlTimes.assertDatedWith(fetch(id, "xlsx"), generatedAt);
        Api.as(Api.VIEWER, COUNTY).accept("application/pdf").get("/api/v1/reports/" + id).then().statusCode(200)
                .contentType("application/pdf").header("Vary", "Accept");
        Api.as(Api.VIEWER, COUNTY).accept("application/pdf;q=0.1, text/html").get("/api/v1/reports/" + id).then()
                .statusCode(200).contentType(Matchers.startsWith("text/html"));
        Api.as(Api.VIEWER, COUNTY).accept("text/html").get("/api/v1/reports/" + id).then().statusCode(200)
                .contentType(Matchers.startsWith("text/html"));
        Api.as(Api.VIEWER, COUNTY).get("/api/v1/reports/" + id).then().statusCode(200)
                .contentType("application/json").body("regionName", equalTo("测试县"));
    }

    @Test
    void theExcelAnnexCarriesTheFiguresAsNumbersAndIsNegotiated() throws Exception {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        byte[] xlsx = fetch(id, "xlsx");
        assertThat(fetch(id, "xlsx")).isEqualTo(xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("数据");
            Row funds = bodyRow(book.getSheet("数据"), "funding.per_student.public_funds.primary", 4, "2024年");
            assertThat(funds.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(funds.getCell(2).getNumericCellValue()).isEqualTo(430.11);
            assertThat(new DataFormatter().formatCellValue(funds.getCell(2))).isEqualTo("430.11");
            assertThat(funds.getCell(3).getStringCellValue()).isEqualTo("元");
            assertThat(funds.getCell(6).getStringCellValue()).startsWith("教育经费·记账凭证");
            Row share = bodyRow(book.getSheet("数据"), "registry.compulsory.large_class_share", 4, "2025—2026学年");
            assertThat(share.getCell(2).getNumericCellValue()).isEqualTo(0.0909);
            assertThat(new DataFormatter().formatCellValue(share.getCell(2))).isEqualTo("9.09%");
            // a per-stage rule: one row per stage, with its outcome
            Row stage = bodyRow(book.getSheet("规则"), "funding.three_growths.per_student_public_funds.primary", 3, "2024年");
            assertThat(stage.getCell(2).getStringCellValue()).isEqualTo("小学");
            assertThat(stage.getCell(4).getStringCellValue()).isEqualTo("未满足");
            assertThat(stage.getCell(5).getStringCellValue()).isEqualTo("2023年650.00元，2024年430.11元，下降33.83%");
            assertThat(StreamSupport.stream(book.getSheet("核查").spliterator(), false).skip(2)
                    .map(r -> r.getCell(3).getStringCellValue())).contains("3199060104");
        }
        String xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] negotiated = Api.as(Api.VIEWER, COUNTY).accept(xlsxType).get("/api/v1/reports/" + id).then()
                .statusCode(200).contentType(xlsxType).header("Vary", "Accept")
                .header("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment;"),
                        Matchers.containsString("filename*=UTF-8''%E6%B5%8B%E8%AF%95%E5%8E%BF-2025-FINAL.xlsx")))
                .extract().asByteArray();
        assertThat(negotiated).isEqualTo(xlsx);
        Api.as(Api.VIEWER, COUNTY).accept("application/pdf;q=0.5, " + xlsxType).get("/api/v1/reports/" + id).then()
                .statusCode(200).contentType(xlsxType);
        // the preview, composed now and not stored, renders as a workbook too
        byte[] preview = Api.as(Api.VIEWER, COUNTY).queryParam("region", COUNTY).queryParam("year", 2025)
                .queryParam("format", "xlsx").get("/api/v1/reports/preview").then().statusCode(200)
                .contentType(xlsxType).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(preview))) {
            assertThat(book.getSheet("规则")).isNotNull();
        }
    }

    private static Row bodyRow(XSSFSheet sheet, String key, int periodColumn, String period) {
        return StreamSupport.stream(sheet.spliterator(), false).skip(2)
                .filter(r -> r.getCell(0).getStringCellValue().equals(key)
                        && r.getCell(periodColumn).getStringCellValue().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " " + period));
    }

    @Test
    void wordAndPdfCarryTheChineseTextAndFigures() throws Exception {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(fetch(id, "docx")));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText();
            assertThat(text).contains("测试县人民政府履行教育职责情况自评报告", "一、自查情况", "二、主要做法及成效",
                    "三、经典做法", "四、存在的问题及改进措施", "66.67%", "9.09%", "测试县人民政府");
            assertThat(docx.getParagraphs()).anySatisfy(p -> assertThat(p.getStyle()).isEqualTo("Heading1"));
            assertThat(docx.getTables()).isNotEmpty();
        }
        try (PDDocument pdf = Loader.loadPDF(fetch(id, "pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("测试县人民政府履行教育职责情况自评报告", "一、自查情况", "66.67%", "9.09%");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
        // as a reader sees it: nothing outside the text block, no rating term broken inside a table cell
        PdfInspection inspection = PdfInspection.of(fetch(id, "pdf"));
        assertThat(inspection.outsideTextBlock()).isEmpty();
        assertThat(inspection.cellTexts()).isNotEmpty().allSatisfy(cell -> List.of("无法判断", "完全落实", "基本落实", "尚未落实")
                .stream().filter(cell.text()::contains)
                .forEach(term -> assertThat(cell.lines()).as(cell.text()).anySatisfy(line -> assertThat(line).contains(term))));
    }

    @Test
    void htmlAndMarkdownFollowTheReportStructure() {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        String html = new String(fetch(id, "html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1 class=\"title\">测试县人民政府履行教育职责情况自评报告</h1>")
                .contains("<h2>一、自查情况</h2>", "<h2>二、主要做法及成效</h2>", "<h2>三、经典做法</h2>",
                        "<h2>四、存在的问题及改进措施</h2>", "\">测试县人民政府</p>", "附表1");
        // the figure bound to 1.1.1 is woven into its narrative
        assertThat(html).contains("义务教育大班额比例9.09%，标准≤5%，未达标");
        String markdown = new String(fetch(id, "markdown"), StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# 测试县人民政府履行教育职责情况自评报告").contains("## 一、自查情况", "| 合计 |");
    }

    @Test
    void snapshotsCannotBeChangedOrDeleted() throws Exception {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        // the application's own connection may not even try (no UPDATE or DELETE privilege) ...
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE report_snapshot SET content = '{}' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table report_snapshot");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM report_snapshot WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table report_snapshot");
        }
        // ... and the trigger stops anyone who may
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE report_snapshot SET content = '{}' WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM report_snapshot WHERE id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
    }

    @Test
    void listsSnapshotsAndPreviewsWithoutStoring() {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        int before = Api.as(Api.VIEWER, COUNTY).queryParam("region", COUNTY).get("/api/v1/reports")
                .then().statusCode(200).body("items.id", hasItem(id)).extract().path("totalItems");
        Api.as(Api.VIEWER, COUNTY).queryParam("region", COUNTY).queryParam("year", 2025).queryParam("format", "html")
                .get("/api/v1/reports/preview").then().statusCode(200)
                .body(Matchers.containsString("（草稿）"));
        Api.as(Api.VIEWER, COUNTY).queryParam("region", COUNTY).get("/api/v1/reports").then().statusCode(200)
                .body("totalItems", equalTo(before));
        // a prefecture lists its counties' snapshots
        Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).queryParam("region", PREFECTURE).get("/api/v1/reports")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void announcesEachGeneratedReport() {
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            String id = generate(COUNTY, Api.COUNTY_EDITOR);
            List<TopicReader.Received> events = reader.await(
                    r -> r.event().type().equals("report.report.generated") && id.equals(
                            r.event().data().path("reportId").asText()), 1, Duration.ofSeconds(20));
            // generated on demand, so no deadline: the sample of that shape
            EventAssertions.assertMatchesGoldenSample(events.get(0), EventTypes.REPORT_GENERATED, "/report-service",
                    "on-demand");
            assertThat(events.get(0).event().subject()).isEqualTo(COUNTY + "/2025");
        }
    }

    @Test
    void aPrefectureRollsUpItsCounties() {
        String id = generate(PREFECTURE, Api.PREFECTURE_REVIEWER);
        JsonPath json = new JsonPath(new String(fetch(id, "json", PREFECTURE), StandardCharsets.UTF_8));
        assertThat(json.getList("counties.regionCode")).containsExactly(COUNTY);
        assertThat(json.getString("counties[0].figures.find { it.key == 'rating.fully_share' }.value")).isEqualTo("66.67");
        // 5 funding rules, the FULLY rating against its metric, the closed school, the misstated share
        assertThat(json.getInt("counties[0].checksFailed")).isEqualTo(8);
        // the prefecture's own figures are summed over its counties' schools
        assertThat(value(json, "registry.compulsory.large_class_share")).isEqualTo("9.09");
        String html = new String(fetch(id, "html", PREFECTURE), StandardCharsets.UTF_8);
        assertThat(html).contains("测试市县级人民政府履行教育职责自评情况汇总报告", "<td class=\"nw\">测试县</td>");
    }

    @Test
    void refusesBadInput() {
        Api.as(Api.COUNTY_EDITOR, COUNTY).contentType("application/json").body(Map.of("region", COUNTY, "year", 1999))
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(Matchers.containsString("year")));
        // a township has no report of its own (a county, a prefecture and a province have)
        Api.as(Api.SYSTEM, "990000").contentType("application/json").body(Map.of("region", COUNTY + "001", "year", 2025))
                .post("/api/v1/reports").then().statusCode(400).body("violations.field", hasItem("region"));
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        Api.as(Api.VIEWER, COUNTY).queryParam("format", "xls").get("/api/v1/reports/" + id).then().statusCode(400)
                .body("violations.field", hasItem("format"));
        Api.as(Api.VIEWER, COUNTY).get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        // a county the read model does not know gets no (empty) snapshot
        Api.as(Api.COUNTY_EDITOR, "990699").contentType("application/json").body(Map.of("region", "990699", "year", 2025))
                .post("/api/v1/reports").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesMissingTokensAndOtherRegions() {
        String id = generate(COUNTY, Api.COUNTY_EDITOR);
        Map<String, Object> body = Map.of("region", COUNTY, "year", 2025);
        Api.anonymous().contentType("application/json").body(body).post("/api/v1/reports").then().statusCode(401);
        Api.anonymous().queryParam("region", COUNTY).get("/api/v1/reports").then().statusCode(401);
        Api.anonymous().get("/api/v1/reports/" + id).then().statusCode(401);
        Api.anonymous().queryParam("region", COUNTY).queryParam("year", 2025).get("/api/v1/reports/preview").then()
                .statusCode(401);
        Api.as(Api.COUNTY_EDITOR, "990602").contentType("application/json").body(body).post("/api/v1/reports").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as(Api.VIEWER, COUNTY).contentType("application/json").body(body).post("/api/v1/reports").then()
                .statusCode(403);
        Api.as(Api.VIEWER, "990602").queryParam("region", COUNTY).get("/api/v1/reports").then().statusCode(403);
        // another county's report by id looks missing, in every format; its region-addressed paths stay 403
        String unknown = UUID.randomUUID().toString();
        for (String format : List.of("json", "html", "pdf")) {
            JsonPath hidden = Api.as(Api.VIEWER, "990602").queryParam("format", format)
                    .get("/api/v1/reports/" + id).then().statusCode(404).contentType("application/problem+json")
                    .extract().jsonPath();
            JsonPath missing = Api.as(Api.VIEWER, "990602").queryParam("format", format)
                    .get("/api/v1/reports/" + unknown).then().statusCode(404).extract().jsonPath();
            assertThat(hidden.getString("detail")).isEqualTo(missing.getString("detail").replace(unknown, id))
                    .doesNotContain(COUNTY);
            assertThat(hidden.getMap("")).containsOnlyKeys(missing.getMap("").keySet());
        }
        Api.as(Api.VIEWER, "990602").queryParam("region", COUNTY).queryParam("year", 2025)
                .get("/api/v1/reports/preview").then().statusCode(403);
        Api.as(Api.PREFECTURE_REVIEWER, PREFECTURE).get("/api/v1/reports/" + id).then().statusCode(200);
    }
}
