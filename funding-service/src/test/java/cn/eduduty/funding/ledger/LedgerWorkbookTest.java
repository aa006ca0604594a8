package cn.eduduty.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook's sums without a database: exact to the fen where doubles are not. */
class LedgerWorkbookTest {

    private static LedgerWorkbook.Line line(String voucher, String account, String debit, String credit) {
        return new LedgerWorkbook.Line(voucher, LocalDate.of(2025, 3, 1), "摘要", account, "科目" + account,
                new BigDecimal(debit), new BigDecimal(credit), null, null, null, null);
    }

    /** Summed as doubles, these debits make 1650000.6700000002. */
    private static final List<LedgerWorkbook.Line> LINES = List.of(
            line("记-1", "1001", "1000000.10", "0.00"), line("记-1", "4001", "0.00", "1000000.10"),
            line("记-2", "5002", "325000.20", "0.00"), line("记-2", "1002", "0.00", "325000.20"),
            line("记-3", "5005", "0.10", "0.00"), line("记-3", "5005", "0.07", "0.00"), line("记-3", "1002", "0.00", "0.17"),
            line("记-4", "5002", "0.00", "325000.20"), line("记-4", "1002", "325000.20", "0.00"));

    private static byte[] write(List<LedgerWorkbook.Line> lines) throws Exception {
        try (LedgerWorkbook book = LedgerWorkbook.of("990101", 2025, lines.stream());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.writeTo(out);
            return out.toByteArray();
        }
    }

    @Test
    void totalsAreSummedToTheFenNotInDoubles() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(LINES)))) {
            Row total = book.getSheet(LedgerWorkbook.POSTINGS).getRow(2 + LINES.size());
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(1650000.67);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1650000.67);
        }
    }

    @Test
    void theTrialBalanceBalancesPerAccountAndInTotal() {
        List<LedgerWorkbook.AccountTotal> accounts = LedgerWorkbook.trialBalance(LINES);
        assertThat(accounts).extracting(LedgerWorkbook.AccountTotal::code).containsExactly("1001", "1002", "4001", "5002", "5005");
        assertThat(accounts.get(1).balance()).isEqualByComparingTo("-0.17");
        assertThat(accounts.get(3).balance()).isEqualByComparingTo("0");
        assertThat(accounts.stream().map(LedgerWorkbook.AccountTotal::balance).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
    }
}
