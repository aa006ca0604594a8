package cn.eduduty.report.snapshot;

import static cn.eduduty.report.snapshot.SnapshotJson.period;
import static cn.eduduty.report.snapshot.SnapshotJson.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.report.YunlingCounty;
import cn.eduduty.report.render.PdfInspection;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/**
 * The 2019 report of a county written the way real counties write ({@link YunlingCounty}), read
 * through the public API as the county and its reviewer would: the periods and figures, the
 * per-stage funding outcome, both misstated numbers of a narrative, 存在的问题 listing every failure,
 * the county's own date and choices, and a document that is Chinese throughout, prints "—" for a
 * value without data and never breaks a term across lines.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CountyYearReportTest {

    private static final String COUNTY = YunlingCounty.COUNTY;
    private static boolean loaded;
    private static String reportId;

    @Inject
    ReadModelEvents events;

    @BeforeEach
    void county() throws Exception {
        if (!loaded) {
            new YunlingCounty(events).load();
            loaded = true;
            reportId = Api.as(Api.COUNTY_EDITOR, COUNTY).contentType("application/json")
                    .body(Map.of("region", COUNTY, "year", 2019)).post("/api/v1/reports")
                    .then().statusCode(201).extract().path("id");
            // kept for a person to open: target/reports/yunling-2019.{html,docx,pdf,xlsx,markdown}
            Path dir = Files.createDirectories(Path.of("target", "reports"));
            for (String format : List.of("html", "docx", "pdf", "xlsx", "markdown")) {
                Files.write(dir.resolve("yunling-2019." + format), fetch(format));
            }
        }
    }

    private static byte[] fetch(String format) {
        return Api.as(Api.VIEWER, COUNTY).queryParam("format", format).get("/api/v1/reports/" + reportId)
                .then().statusCode(200).extract().asByteArray();
    }

    private static JsonPath json() {
        return new JsonPath(new String(fetch("json"), StandardCharsets.UTF_8));
    }



    /** The document's words as a reader sees them in each format. */
    private static Map<String, String> texts() throws Exception {
        String html = new String(fetch("html"), StandardCharsets.UTF_8);
        String body = html.substring(html.indexOf("<body")).replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replace("&quot;", "\"").replace("&#39;", "'");
        String docx;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(fetch("docx")));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            docx = extractor.getText();
        }
        String pdf;
        try (PDDocument document = Loader.loadPDF(fetch("pdf"))) {
            pdf = new PDFTextStripper().getText(document);
        }
        return Map.of("html", body, "docx", docx, "pdf", pdf);
    }

    @Test
    void evaluatesEachFigureOnItsLatestCompletePeriod() {
        JsonPath json = json();
        assertThat(json.getInt("periods.schoolYear")).isEqualTo(2019);
        assertThat(json.getInt("periods.completedSchoolYear")).isEqualTo(2018);
        assertThat(json.getInt("periods.entranceYear")).isEqualTo(2019);
        assertThat(json.getInt("periods.fiscalYear")).isEqualTo(2018);
        // stock: school year 2019
        assertThat(value(json, "registry.compulsory.large_classes")).isEqualTo("5");
        assertThat(value(json, "registry.compulsory.large_class_share")).isEqualTo("13.89");
        assertThat(value(json, "registry.compulsory.super_large_classes")).isEqualTo("1");
        assertThat(value(json, "registry.preschool.gross_enrolment_rate")).isEqualTo("80.00");
        assertThat(period(json, "registry.compulsory.large_class_share")).isEqualTo("2019—2020学年");
        // completion: the cohorts that left in the summer of 2019
        assertThat(value(json, "registry.primary.consolidation_rate")).isEqualTo("99.44");
        assertThat(value(json, "registry.junior.consolidation_rate")).isEqualTo("96.94");
        assertThat(period(json, "registry.primary.consolidation_rate")).isEqualTo("2018—2019学年");
        // entrance: the autumn 2019 intake, with the entrants to vocational schools outside the county
        assertThat(value(json, "registry.senior.general_vocational_ratio")).isEqualTo("1.64");
        assertThat(value(json, "registry.senior.vocational_entrant_share")).isEqualTo("37.93");
        assertThat(value(json, "registry.entrance.vocational_entrants")).isEqualTo("110");
        assertThat(period(json, "registry.senior.general_vocational_ratio")).isEqualTo("2019年秋季");
        // the county's own facts of the year, and the recruitment since 2017
        assertThat(value(json, "registry.recruitment.teachers")).isEqualTo("30");
        assertThat(value(json, "registry.recruitment.teachers_cumulative")).isEqualTo("75");
        assertThat(period(json, "registry.recruitment.teachers_cumulative")).isEqualTo("2017—2019年");
        assertThat(value(json, "registry.training.institutions.subject")).isEqualTo("4");
        // funding: fiscal 2018 against 2017
        assertThat(value(json, "funding.amount.education_expenditure")).isEqualTo("19584000.00");
        assertThat(value(json, "funding.education_share")).isEqualTo("9.74");
        assertThat(value(json, "funding.three_growths.appropriation_vs_revenue")).isEqualTo("1");
        assertThat(period(json, "funding.education_share")).isEqualTo("2018年");
        // 2019 so far: a labelled part year, never a rule
        assertThat(value(json, "funding.year_to_date.education_expenditure")).isEqualTo("5400000.00");
        assertThat(period(json, "funding.year_to_date.education_expenditure")).isEqualTo("2019年1—6月");
        assertThat(json.getList("earlierYears.year")).containsExactly(2018, 2017);
    }

    @Test
    void aPerStageRuleFailsForPrimaryAndHoldsForJunior() {
        JsonPath json = json();
        assertThat(value(json, "funding.three_growths.per_student_expenditure.primary")).isEqualTo("0");
        assertThat(value(json, "funding.three_growths.per_student_expenditure.junior")).isEqualTo("1");
        assertThat(value(json, "funding.three_growths.per_student_expenditure")).isEqualTo("0");
        assertThat(json.getList("figures.find { it.key == 'funding.three_growths.per_student_expenditure.primary' }.inputs.value"))
                .containsExactly("10694.44", "10550.00", "-1.35");
        assertThat(value(json, "funding.three_growths.per_student_public_funds")).isEqualTo("1");
        List<Map<String, String>> checks = json.getList("checks");
        assertThat(checks).filteredOn(c -> c.get("code").equals("funding-rule-failed")).extracting(c -> c.get("subject"))
                .containsExactlyInAnyOrder("funding.three_growths.per_student_expenditure.primary",
                        "funding.never_decrease.per_student_general_budget_expenditure.primary");
    }

    @Test
    void bothMisstatedNumbersAreFlaggedWithTheirSentenceAndTheRestAgree() {
        JsonPath json = json();
        List<Map<String, String>> mismatches = json.<Map<String, String>>getList("checks").stream()
                .filter(c -> c.get("code").equals("narrative-figure-mismatch")).toList();
        assertThat(mismatches).extracting(c -> c.get("severity")).containsOnly("ERROR");
        assertThat(mismatches).extracting(c -> c.get("subject")).containsExactly("4.2.2", "4.2.2");
        assertThat(mismatches).extracting(c -> c.get("message")).anySatisfy(m -> assertThat(m)
                .contains("占比12.5%", "文中为12.5%", "13.89%")).anySatisfy(m -> assertThat(m)
                .contains("超大班额2个", "文中为2个", "计算值为1"));
        // every other number the county states and the system computes agrees
        List<Map<String, Object>> stated = json.getList("statedFigures");
        assertThat(stated).filteredOn(s -> ((Map<?, ?>) s.get("figure")).get("verdict").equals("MISMATCH")).hasSize(2);
        List<String> matched = stated.stream().map(s -> (Map<?, ?>) s.get("figure"))
                .filter(f -> f.get("verdict").equals("MATCH")).map(f -> (String) f.get("stated")).toList();
        assertThat(matched).contains("5个", "80%", "96.94%", "1.64:1", "1958.4万元", "9.74%")
                .anySatisfy(m -> assertThat(m).contains("99%"));
        // the appendix says what was checked and never certifies a text with a mismatch
        String markdown = new String(fetch("markdown"), StandardCharsets.UTF_8);
        assertThat(markdown).containsPattern("\\d+处数据已自动核对，其中2处与系统数据不一致，\\d+处未能自动核对")
                .contains("附表3 叙述中不一致或未能自动核对的数据").doesNotContain("未发现数据、评价结论和叙述之间的不一致");
    }

    @Test
    void aNarrativeCanBeCheckedBeforeItIsSaved() {
        Api.as(Api.COUNTY_EDITOR, COUNTY).contentType("application/json")
                .body(Map.of("region", COUNTY, "year", 2019, "text", YunlingCounty.MISSTATED))
                .post("/api/v1/narrative-checks").then().statusCode(200)
                .body("figures.findAll { it.verdict == 'MISMATCH' }.stated", Matchers.contains("12.5%", "2个"));
    }

    @Test
    void problemsListEveryFailureAndTheCountySignsWithItsOwnChoices() throws Exception {
        String markdown = new String(fetch("markdown"), StandardCharsets.UTF_8);
        String problems = markdown.substring(markdown.indexOf("（一）存在的问题"), markdown.indexOf("（二）改进措施"));
        assertThat(problems).contains("学前三年毛入园率（基本落实）", "消除大班额（基本落实）",
                "2018年未满足“生均教育费用逐步增长（小学）”：2017年10694.44元，2018年10550.00元，下降1.35%",
                "2018年未满足“生均一般公共预算教育支出只增不减（小学）”",
                "指标6.1.1自评为“完全落实”");
        // every ERROR check is a problem
        for (Map<String, String> check : json().<Map<String, String>>getList("checks")) {
            if (check.get("severity").equals("ERROR")) {
                assertThat(problems).as(check.get("code")).contains(check.get("message"));
            }
        }
        String measures = markdown.substring(markdown.indexOf("（二）改进措施"));
        assertThat(measures).contains("1. 消除大班额：2020年建成城南小学，新增学位1350个，全部消除大班额。",
                "2. 调整经费支出结构，确保小学生均一般公共预算教育支出逐年只增不减。", "3. 健全教育督导问责机制");
        String practices = markdown.substring(markdown.indexOf("三、经典做法"), markdown.indexOf("四、存在的问题"));
        assertThat(practices).contains("（一）控辍保学“双线四级”责任制。" + YunlingCounty.DROPOUT,
                "（二）集团化办学促进城乡均衡。以第一小学为龙头组建教育集团");
        JsonPath json = json();
        assertThat(json.getString("signing.authority")).isEqualTo("云岭县人民政府");
        assertThat(json.getString("signing.date")).isEqualTo("2019-10-18");
        assertThat(json.getList("checks.code")).doesNotContain("signing-default");
        for (Map.Entry<String, String> text : texts().entrySet()) {
            assertThat(text.getValue().replaceAll("\\s+", "")).as(text.getKey())
                    .contains("云岭县人民政府2019年10月18日");
        }
    }

    @Test
    void theDocumentIsChineseThroughoutAndSaysDashForAbsentValues() throws Exception {
        for (Map.Entry<String, String> text : texts().entrySet()) {
            Matcher latin = Pattern.compile(".{0,20}[A-Za-z]+.{0,20}").matcher(text.getValue());
            assertThat(latin.find() ? latin.group() : null).as(text.getKey() + ": Latin letters in the document").isNull();
            assertThat(text.getValue()).as(text.getKey()).contains("—");
        }
        // the comparison of school year 2017 has no population, so its gross enrolment rate is "—" with a note
        String markdown = new String(fetch("markdown"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("注：“—”表示无数据。").contains("无2017年常住人口数据");
    }

    @Test
    void noTermIsBrokenAcrossLinesInThePdfTables() {
        PdfInspection pdf = PdfInspection.of(fetch("pdf"));
        List<PdfInspection.CellText> cells = pdf.cellTexts();
        // every cell of the document's tables that holds a term holds it whole on one of its lines
        JsonPath json = json();
        List<String> tableCells = json.<Object>getList("document.blocks.findAll { it.type == 'table' }.rows.flatten()")
                .stream().map(String::valueOf).toList();
        for (String term : List.of("无法判断", "完全落实", "基本落实", "尚未落实", "未满足")) {
            long inTables = tableCells.stream().filter(c -> c.contains(term)).count();
            List<PdfInspection.CellText> holding = cells.stream()
                    .filter(c -> c.text().contains(term)).toList();
            assertThat(holding).as(term + " in the PDF's table cells").hasSizeGreaterThanOrEqualTo((int) inTables)
                    .allSatisfy(c -> assertThat(c.lines()).as(term + " whole in " + c.lines())
                            .anySatisfy(line -> assertThat(line).contains(term)));
        }
        assertThat(pdf.outsideTextBlock()).as("nothing runs outside the text block").isEmpty();
    }

    private static int count(String text, String term) {
        int n = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            n++;
        }
        return n;
    }
}
