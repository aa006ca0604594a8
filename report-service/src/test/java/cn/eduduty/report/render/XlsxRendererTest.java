package cn.eduduty.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.eduduty.report.snapshot.GoldenReports;
import cn.eduduty.report.snapshot.ReportContent;

/** The Excel annex as Excel reads it: numbers as numbers in their unit's format, "—" for no data, rules, checks. */
class XlsxRendererTest {

    private static final ReportContent REPORT = GoldenReports.county();
    private static final DataFormatter SHOWN = new DataFormatter();
    private static byte[] xlsx;

    @BeforeAll
    static void render() throws IOException {
        xlsx = XlsxRenderer.render(REPORT);
        Path dir = Path.of("target", "render-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve("sample.xlsx"), xlsx);
    }

    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The body row of a sheet whose first column (or {@code keyColumn}) is {@code key} and period column {@code period}. */
    private static XSSFRow row(XSSFSheet sheet, int keyColumn, String key, int periodColumn, String period) {
        return StreamSupport.stream(sheet.spliterator(), false).skip(2).map(r -> (XSSFRow) r)
                .filter(r -> r.getCell(keyColumn).getStringCellValue().equals(key)
                        && r.getCell(periodColumn).getStringCellValue().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " " + period));
    }

    @Test
    void sheetsAreNamedInChineseWithAFrozenHeader() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("数据", "规则", "核查");
            XSSFSheet figures = book.getSheet("数据");
            assertThat(figures.getRow(0).getCell(0).getStringCellValue()).startsWith(REPORT.document().title());
            assertThat(StreamSupport.stream(figures.getRow(1).spliterator(), false).map(SHOWN::formatCellValue).toList())
                    .containsExactly("key", "指标", "数值", "单位", "统计期", "计算方法", "数据来源", "截至时间", "说明", "数据版本（系统内部）");
            assertThat(figures.getPaneInformation().isFreezePane()).isTrue();
            assertThat(figures.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
            assertThat(figures.getColumnWidth(5)).isGreaterThan(figures.getColumnWidth(3));
            // every figure of the year and of the two years before, one row each
            assertThat(figures.getLastRowNum() - 1).isEqualTo(REPORT.figures().size()
                    + REPORT.earlierYears().stream().mapToInt(y -> y.figures().size()).sum());
        }
    }

    @Test
    void figuresAreNumbersInTheirUnitsFormat() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet figures = book.getSheet("数据");
            XSSFRow money = row(figures, 0, "funding.amount.appropriation", 4, "2018年");
            assertThat(money.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(money.getCell(2).getNumericCellValue()).isEqualTo(9900145.0);
            assertThat(money.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(SHOWN.formatCellValue(money.getCell(2))).isEqualTo("9,900,145.00");
            assertThat(money.getCell(3).getStringCellValue()).isEqualTo("元");
            assertThat(money.getCell(6).getStringCellValue()).isEqualTo("教育经费·记账凭证 990101/2018");
            assertThat(money.getCell(9).getStringCellValue()).isEqualTo("funding.events 0:97");
            // a rate is the fraction it is, shown as a percentage: it sums and charts as a number
            XSSFRow rate = row(figures, 0, "rating.completeness", 4, "2019年度");
            assertThat(rate.getCell(2).getNumericCellValue()).isEqualTo(0.8);
            assertThat(rate.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(SHOWN.formatCellValue(rate.getCell(2))).isEqualTo("80.00%");
            assertThat(rate.getCell(3).getStringCellValue()).isEqualTo("%");
            XSSFRow schools = row(figures, 0, "registry.schools.total", 4, "2019—2020学年");
            assertThat(schools.getCell(2).getNumericCellValue()).isEqualTo(60.0);
            assertThat(schools.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(schools.getCell(3).getStringCellValue()).isEqualTo("所");
            // the time the data was read, as a date Excel can sort by, Beijing time
            assertThat(schools.getCell(7).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2019, 10, 15, 10, 0));
            XSSFRow rule = row(figures, 0, "funding.never_decrease.general_budget_education_expenditure", 4, "2018年");
            assertThat(rule.getCell(2).getStringCellValue()).isEqualTo("是");
        }
    }

    @Test
    void aFigureWithoutDataIsADashWithItsReasonNeverZero() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFRow missing = row(book.getSheet("数据"), 0, "registry.compulsory.large_class_share", 4, "2017—2018学年");
            XSSFCell value = missing.getCell(2);
            assertThat(value.getCellType()).isEqualTo(CellType.STRING);
            assertThat(value.getStringCellValue()).isEqualTo("—");
            assertThat(value.getCellComment().getString().getString()).isEqualTo("无数据：尚未录入2017—2018学年班级数据");
            assertThat(missing.getCell(8).getStringCellValue()).isEqualTo("无数据：尚未录入2017—2018学年班级数据");
        }
    }

    @Test
    void rulesArePerStageAndYearWithTheirOutcome() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet rules = book.getSheet("规则");
            assertThat(StreamSupport.stream(rules.getRow(1).spliterator(), false).map(SHOWN::formatCellValue).toList())
                    .containsExactly("key", "规则", "学段", "统计期", "结果", "依据", "计算方法");
            XSSFRow held = row(rules, 0, "funding.never_decrease.general_budget_education_expenditure", 3, "2018年");
            assertThat(held.getCell(4).getStringCellValue()).isEqualTo("满足");
            assertThat(row(rules, 0, "funding.teacher_pay.not_below_civil_servants", 3, "2018年").getCell(4)
                    .getStringCellValue()).isEqualTo("未满足");
            XSSFRow open = row(rules, 0, "funding.education_surcharge.collected", 3, "2017年");
            assertThat(open.getCell(4).getStringCellValue()).isEqualTo("无法判断");
            assertThat(open.getCell(5).getStringCellValue()).isEqualTo("尚未录入2017年度教育费附加征收数据，无法判断");
        }
    }

    @Test
    void checksSayLevelSubjectAndMessage() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet checks = book.getSheet("核查");
            XSSFRow pay = row(checks, 3, "funding.teacher_pay.not_below_civil_servants", 0, "错误");
            assertThat(pay.getCell(1).getStringCellValue()).isEqualTo("经费保障要求未满足");
            assertThat(pay.getCell(2).getStringCellValue()).isEqualTo("教师平均工资收入水平不低于当地公务员");
            assertThat(pay.getCell(4).getStringCellValue()).startsWith("2018年未满足“教师平均工资收入水平不低于当地公务员”");
            assertThat(checks.getLastRowNum() - 1).isEqualTo(REPORT.checks().size());
        }
    }

    @Test
    void aRollUpListsTheFiguresOfTheRegionsBelow() throws IOException {
        ReportContent prefecture = GoldenReports.prefecture();
        try (XSSFWorkbook book = open(XlsxRenderer.render(prefecture))) {
            XSSFSheet regions = book.getSheet("下级地区");
            assertThat(regions).isNotNull();
            assertThat(regions.getLastRowNum() - 1).isEqualTo(prefecture.counties().stream()
                    .mapToInt(c -> c.figures().size()).sum());
            Row first = regions.getRow(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(prefecture.counties().get(0).regionCode());
        }
    }

    @Test
    void theSameSnapshotGivesTheSameBytesDatedWithItsTime() throws IOException {
        assertThat(XlsxRenderer.render(GoldenReports.county())).isEqualTo(xlsx);
        try (XSSFWorkbook book = open(xlsx)) {
            assertThat(book.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(Date.from(REPORT.generatedAt()));
        }
        assertThat(Optional.of(xlsx.length)).get().isNotEqualTo(0);
        // rendering twice within a second cannot catch "now" in the file: every time in it is the snapshot's
        OoxmlTimes.assertDatedWith(xlsx, REPORT.generatedAt());
    }

    /** A render that read the server's zone anywhere (a date cell, a zip entry) would differ here. */
    @Test
    void theBytesDoNotDependOnTheServersTimeZone() {
        byte[] docx = DocxRenderer.render(REPORT.document(), REPORT.generatedAt());
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String other : List.of("America/Los_Angeles", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(other));
                assertThat(XlsxRenderer.render(GoldenReports.county())).as(other).isEqualTo(xlsx);
                assertThat(DocxRenderer.render(REPORT.document(), REPORT.generatedAt())).as(other).isEqualTo(docx);
            }
        } finally {
            TimeZone.setDefault(zone);
        }
        OoxmlTimes.assertDatedWith(docx, REPORT.generatedAt());
    }
}
