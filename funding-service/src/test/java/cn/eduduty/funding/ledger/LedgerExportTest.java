package cn.eduduty.funding.ledger;

import static cn.eduduty.funding.ledger.LedgerResourceTest.book;
import static cn.eduduty.funding.ledger.LedgerResourceTest.line;
import static cn.eduduty.funding.ledger.LedgerResourceTest.posting;
import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;
import static cn.eduduty.testsupport.Api.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;

/** A fiscal year exported as the finance office's workbook, read back with Apache POI. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LedgerExportTest {

    private static final String COUNTY = "990221";
    private static final String BASE = "/api/v1/counties/" + COUNTY;
    private static final String EXPORT = BASE + "/fiscal-years/2025/export";
    private static final DataFormatter SHOWN = new DataFormatter();

    private static byte[] export(String role, String region) {
        return Api.as(role, region).accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(200)
                .contentType(LedgerWorkbook.MEDIA_TYPE).extract().asByteArray();
    }

    private static List<Row> body(Sheet sheet) {
        return StreamSupport.stream(sheet.spliterator(), false).filter(r -> r.getRowNum() >= 2).toList();
    }

    private static BigDecimal amount(Row row, int column) {
        assertThat(row.getCell(column).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.getCell(column).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue()).setScale(2);
    }

    @Test
    void exportsTheYearsPostingsAndABalancedTrialBalance() throws Exception {
        // amounts whose sum in doubles is 1650000.6700000002, not 1650000.67; an appropriation, public funds, a reversal
        book(COUNTY, "x-1", posting("记-1", "2025-01-15",
                List.of(line("1001", "debit", "1000000.10"), line("4001", "credit", "1000000.10")))).response().then().statusCode(201);
        String funds = book(COUNTY, "x-2", posting("记-2", "2025-03-01",
                List.of(line("5002", "debit", "325000.20"), line("1002", "credit", "325000.20")))).path("id");
        book(COUNTY, "x-3", posting("记-3", "2025-03-02",
                List.of(line("5005", "debit", "0.10"), line("5005", "debit", "0.07"), line("1002", "credit", "0.17"))))
                .response().then().statusCode(201);
        Api.as(COUNTY_EDITOR, COUNTY).header("Idempotency-Key", "x-4")
                .body(Map.of("reason", "学校代码录入错误", "voucherNumber", "记-4", "bookingDate", "2025-03-05"))
                .post(BASE + "/postings/" + funds + "/reversal").then().statusCode(201);

        byte[] xlsx = Api.as(VIEWER, COUNTY).accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(200)
                .contentType(LedgerWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", allOf(startsWith("attachment; filename=\"ledger-990221-2025.xlsx\""),
                        containsString("filename*=UTF-8''990221-2025%E5%B9%B4%E5%BA%A6%E8%AE%B0%E8%B4%A6%E5%87%AD%E8%AF%81"
                                + "%E5%8F%8A%E7%A7%91%E7%9B%AE%E4%BD%99%E9%A2%9D%E8%A1%A8.xlsx")))
                .extract().asByteArray();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("记账凭证");
            assertThat(book.getSheetName(1)).isEqualTo("科目余额表");
            Sheet postings = book.getSheet("记账凭证");
            assertThat(StreamSupport.stream(postings.getRow(1).spliterator(), false).map(SHOWN::formatCellValue).toList())
                    .containsExactly("凭证号", "日期", "摘要", "科目", "借方", "贷方", "学段", "学校代码", "冲销关系");
            assertThat(postings.getPaneInformation().isFreezePane()).isTrue();
            List<Row> rows = body(postings);
            assertThat(rows).hasSize(9 + 1); // 2 + 2 + 3 + 2 lines and the total
            Row first = rows.get(0);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("记-1");
            assertThat(first.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 1, 15, 0, 0));
            assertThat(SHOWN.formatCellValue(first.getCell(1))).isEqualTo("2025-01-15");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("拨付小学生均公用经费");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("1001 县级国库");
            assertThat(amount(first, 4)).isEqualByComparingTo("1000000.10");
            // the side a line does not touch is blank, as on a paper voucher, not 0.00
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(rows.get(1).getCell(4).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(SHOWN.formatCellValue(first.getCell(4))).isEqualTo("1,000,000.10");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("小学");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("2199010101");
            // the original says who reversed it; the reversal is its own voucher, on the opposite sides
            assertThat(rows.get(2).getCell(8).getStringCellValue()).isEqualTo("已被 记-4 冲销");
            Row reversal = rows.get(7);
            assertThat(reversal.getCell(0).getStringCellValue()).isEqualTo("记-4");
            assertThat(reversal.getCell(2).getStringCellValue()).isEqualTo("冲销 记-2：学校代码录入错误");
            assertThat(reversal.getCell(3).getStringCellValue()).isEqualTo("5002 生均公用经费");
            assertThat(amount(reversal, 5)).isEqualByComparingTo("325000.20");
            assertThat(reversal.getCell(8).getStringCellValue()).isEqualTo("冲销 记-2");
            Row total = rows.get(9);
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("合计");
            BigDecimal expected = new BigDecimal("1000000.10").add(new BigDecimal("325000.20")).add(new BigDecimal("0.17"))
                    .add(new BigDecimal("325000.20"));
            assertThat(expected).isEqualByComparingTo("1650000.67");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(expected.doubleValue());
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(expected.doubleValue());

            Sheet trial = book.getSheet("科目余额表");
            assertThat(StreamSupport.stream(trial.getRow(1).spliterator(), false).map(SHOWN::formatCellValue).toList())
                    .containsExactly("科目代码", "科目名称", "本期借方发生额", "本期贷方发生额", "期末借方余额", "期末贷方余额");
            List<Row> accounts = body(trial);
            Map<String, Row> byCode = new TreeMap<>();
            accounts.stream().filter(r -> r.getCell(0).getStringCellValue().matches("\\d+"))
                    .forEach(r -> byCode.put(r.getCell(0).getStringCellValue(), r));
            assertThat(byCode).containsOnlyKeys("1001", "1002", "4001", "5002", "5005");
            Row publicFunds = byCode.get("5002");
            assertThat(publicFunds.getCell(1).getStringCellValue()).isEqualTo("生均公用经费");
            assertThat(amount(publicFunds, 2)).isEqualByComparingTo("325000.20");
            assertThat(amount(publicFunds, 3)).isEqualByComparingTo("325000.20");
            assertThat(amount(publicFunds, 4)).isEqualByComparingTo("0");
            assertThat(amount(byCode.get("5005"), 4)).isEqualByComparingTo("0.17");
            assertThat(amount(byCode.get("4001"), 5)).isEqualByComparingTo("1000000.10");
            assertThat(amount(byCode.get("1002"), 5)).isEqualByComparingTo("0.17");
            Row totals = accounts.stream().filter(r -> r.getCell(1) != null && "合计".equals(r.getCell(1).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertThat(amount(totals, 2)).isEqualByComparingTo(expected).isEqualByComparingTo(amount(totals, 3));
            assertThat(amount(totals, 4)).isEqualByComparingTo("1000000.27").isEqualByComparingTo(amount(totals, 5));
            assertThat(accounts).anySatisfy(r -> assertThat(r.getCell(1).getStringCellValue()).startsWith("平衡"));
            // the same totals as the ledger's own trial balance
            String apiDebit = Api.as(VIEWER, COUNTY).get(BASE + "/fiscal-years/2025/trial-balance").then().statusCode(200)
                    .extract().path("totalDebit");
            assertThat(amount(totals, 2)).isEqualByComparingTo(apiDebit);
        }
        // a reviewer of the county's prefecture reads it too; a year without postings is an empty, balanced workbook
        assertThat(export(PREFECTURE_REVIEWER, "990200")).isNotEmpty();
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(Api.as(VIEWER, COUNTY)
                .accept(LedgerWorkbook.MEDIA_TYPE).get(BASE + "/fiscal-years/2024/export").then().statusCode(200)
                .extract().asByteArray()))) {
            assertThat(body(empty.getSheet("记账凭证"))).hasSize(1);
        }
    }

    @Test
    void refusesMissingTokensOtherRolesAndOtherRegions() {
        Api.anonymous().accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(401)
                .contentType("application/problem+json");
        Api.as("school-clerk", COUNTY).accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(VIEWER, "990299").accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(PREFECTURE_REVIEWER, "990300").accept(LedgerWorkbook.MEDIA_TYPE).get(EXPORT).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(VIEWER, COUNTY).accept(LedgerWorkbook.MEDIA_TYPE).get(BASE + "/fiscal-years/1800/export").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
