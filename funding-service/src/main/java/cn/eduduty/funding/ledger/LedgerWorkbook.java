package cn.eduduty.funding.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A county's fiscal year as the finance office keeps it in Excel: sheet 记账凭证, every line of
 * every posting in booking order (凭证号, 日期, 摘要, 科目 as code and name, 借方, 贷方, with the stage,
 * the school and the reversal link), closed by a 合计 row; sheet 科目余额表, per account the year's
 * debits and credits and the closing balance on its side, with totals that balance (借方合计 = 贷方合计).
 *
 * <p>Amounts are numeric cells in yuan with {@code #,##0.00}; every total is a BigDecimal sum
 * written once, never a sum of doubles. The trial balance is summed from the same lines the first
 * sheet lists, as they are written, so the two sheets always agree. A reversal (反向冲销，借贷方向相反,
 * not 红字冲销's negative amounts on the same side) is booked as a mirror posting and shown as one:
 * its own voucher, its 摘要 "冲销 原凭证号：原因", its amounts on the opposite sides, and the link in
 * 冲销关系 on both postings; the year's debits and credits include both, as the ledger's
 * trial balance does. Each fiscal year is its own ledger (nothing is carried over), so there is no
 * opening balance to show: money carried in is a posting of the year. Lines are read one at a time
 * and rows are streamed ({@link SXSSFWorkbook}), so a large year is never held in memory.
 */
final class LedgerWorkbook implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String POSTINGS = "记账凭证";
    static final String TRIAL_BALANCE = "科目余额表";
    static final List<String> POSTING_HEADER = List.of("凭证号", "日期", "摘要", "科目", "借方", "贷方", "学段", "学校代码", "冲销关系");
    static final List<String> TRIAL_BALANCE_HEADER = List.of("科目代码", "科目名称", "本期借方发生额", "本期贷方发生额",
            "期末借方余额", "期末贷方余额");
    static final String MONEY = "#,##0.00";
    static final String TOTAL = "合计";

    private static final int[] POSTING_WIDTHS = { 16, 12, 56, 30, 16, 16, 12, 14, 26 };
    private static final int[] TRIAL_BALANCE_WIDTHS = { 12, 30, 18, 18, 18, 18 };
    private static final Map<String, String> STAGES = Map.of("PRESCHOOL", "学前教育", "PRIMARY", "小学", "JUNIOR", "初中",
            "SENIOR", "普通高中", "VOCATIONAL", "中等职业教育", "SPECIAL", "特殊教育");

    /** One line of a posting with what the sheet shows of its posting: the voucher, the reversal link. */
    record Line(String voucher, LocalDate date, String memo, String accountCode, String accountName, BigDecimal debit,
            BigDecimal credit, String stage, String school, String reverses, String reversedBy) {
    }

    /** An account's debits and credits of the year; its balance is debit − credit. */
    record AccountTotal(String code, String name, BigDecimal debit, BigDecimal credit) {

        BigDecimal balance() {
            return debit.subtract(credit);
        }
    }

    /** Per account, by code, the year's debits and credits summed line by line (a chart has few accounts). */
    static final class Accounts {
        private final Map<String, AccountTotal> byCode = new TreeMap<>();

        void add(Line l) {
            byCode.merge(l.accountCode(), new AccountTotal(l.accountCode(), l.accountName(), l.debit(), l.credit()),
                    (a, b) -> new AccountTotal(a.code(), a.name(), a.debit().add(b.debit()), a.credit().add(b.credit())));
        }

        List<AccountTotal> totals() {
            return List.copyOf(byCode.values());
        }
    }

    private final SXSSFWorkbook workbook;

    private LedgerWorkbook(SXSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /** Per account, by code, the sums of the lines' debits and credits. */
    static List<AccountTotal> trialBalance(Iterable<Line> lines) {
        Accounts accounts = new Accounts();
        lines.forEach(accounts::add);
        return accounts.totals();
    }

    /** The file name a download gets: 990101-2025年度记账凭证及科目余额表.xlsx. */
    static String fileName(String region, int year) {
        return region + "-" + year + "年度记账凭证及科目余额表.xlsx";
    }

    /**
     * Builds both sheets; the caller writes the result and closes it (which deletes its temporary
     * files). The lines are taken one at a time as they come (from a database cursor in the export)
     * into sheet 记账凭证, flushed to a temporary file every 200 rows, while each account's debits and
     * credits are summed; sheet 科目余额表 is then written from those sums, so both sheets show the same
     * lines and nothing holds the year in memory.
     */
    static LedgerWorkbook of(String region, int year, Stream<Line> lines) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(workbook);
            Accounts accounts = new Accounts();
            postings(workbook, styles, region, year, lines, accounts);
            trialBalance(workbook, styles, region, year, accounts.totals());
            return new LedgerWorkbook(workbook);
        } catch (RuntimeException e) {
            workbook.dispose();
            throw e;
        }
    }

    void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** Deletes the sheets' temporary files. */
    @Override
    public void close() {
        workbook.dispose();
    }

    private static void postings(Workbook workbook, Styles styles, String region, int year, Stream<Line> lines,
            Accounts accounts) {
        Sheet sheet = sheet(workbook, styles, POSTINGS, region + " " + year + "年度记账凭证（单位：元）", POSTING_HEADER,
                POSTING_WIDTHS);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        int r = 2;
        for (Iterator<Line> it = lines.iterator(); it.hasNext();) {
            Line l = it.next();
            accounts.add(l);
            Row row = sheet.createRow(r++);
            text(row, 0, l.voucher(), styles.text);
            Cell date = row.createCell(1);
            date.setCellValue(l.date());
            date.setCellStyle(styles.date);
            text(row, 2, l.memo(), styles.text);
            text(row, 3, l.accountCode() + " " + l.accountName(), styles.text);
            side(row, 4, l.debit(), styles);
            side(row, 5, l.credit(), styles);
            text(row, 6, l.stage() == null ? "" : STAGES.getOrDefault(l.stage(), l.stage()), styles.text);
            text(row, 7, l.school() == null ? "" : l.school(), styles.text);
            text(row, 8, l.reverses() != null ? "冲销 " + l.reverses()
                    : l.reversedBy() != null ? "已被 " + l.reversedBy() + " 冲销" : "", styles.text);
            debit = debit.add(l.debit());
            credit = credit.add(l.credit());
        }
        Row total = sheet.createRow(r);
        for (int c = 0; c < POSTING_HEADER.size(); c++) {
            text(total, c, "", styles.totalText);
        }
        total.getCell(2).setCellValue(TOTAL);
        money(total, 4, debit, styles.totalMoney);
        money(total, 5, credit, styles.totalMoney);
        finish(sheet, Math.max(r - 1, 2), POSTING_HEADER.size());
    }

    private static void trialBalance(Workbook workbook, Styles styles, String region, int year, List<AccountTotal> accounts) {
        Sheet sheet = sheet(workbook, styles, TRIAL_BALANCE, region + " " + year + "年度科目余额表（试算平衡表，单位：元）",
                TRIAL_BALANCE_HEADER, TRIAL_BALANCE_WIDTHS);
        BigDecimal[] totals = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        int r = 2;
        for (AccountTotal a : accounts) {
            Row row = sheet.createRow(r++);
            text(row, 0, a.code(), styles.text);
            text(row, 1, a.name(), styles.text);
            BigDecimal balance = a.balance();
            BigDecimal[] amounts = { a.debit(), a.credit(), balance.signum() > 0 ? balance : BigDecimal.ZERO.setScale(2),
                    balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO.setScale(2) };
            for (int i = 0; i < amounts.length; i++) {
                money(row, 2 + i, amounts[i], styles.money);
                totals[i] = totals[i].add(amounts[i]);
            }
        }
        Row total = sheet.createRow(r++);
        text(total, 0, "", styles.totalText);
        text(total, 1, TOTAL, styles.totalText);
        for (int i = 0; i < totals.length; i++) {
            money(total, 2 + i, totals[i], styles.totalMoney);
        }
        boolean balanced = totals[0].compareTo(totals[1]) == 0 && totals[2].compareTo(totals[3]) == 0;
        Row check = sheet.createRow(r++);
        check.createCell(0).setCellValue("试算结果");
        check.createCell(1).setCellValue(balanced ? "平衡：借方合计 = 贷方合计" : "不平衡：借方合计 ≠ 贷方合计");
        sheet.createRow(r).createCell(0).setCellValue("说明：账簿按财政年度记账，不结转上年余额，年初数以本年凭证记入本期发生额；"
                + "冲销为反向冲销（借贷方向相反），另编冲销凭证记账，本期发生额含冲销凭证。");
        finish(sheet, Math.max(r - 3, 2), TRIAL_BALANCE_HEADER.size());
    }

    private static Sheet sheet(Workbook workbook, Styles styles, String name, String title, List<String> header, int[] widths) {
        Sheet sheet = workbook.createSheet(name);
        Cell titleCell = sheet.createRow(0).createCell(0);
        titleCell.setCellValue(title);
        titleCell.setCellStyle(styles.title);
        Row head = sheet.createRow(1);
        for (int c = 0; c < header.size(); c++) {
            text(head, c, header.get(c), styles.header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        return sheet;
    }

    /** The header frozen, filtered over the body rows and repeated on every printed page; A4 landscape. */
    private static void finish(Sheet sheet, int lastBodyRow, int columns) {
        sheet.createFreezePane(0, 2);
        sheet.setAutoFilter(new CellRangeAddress(1, lastBodyRow, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /**
     * A voucher line's debit or credit: the amount, or a blank (bordered) cell on the side the line
     * does not touch, as a 记账凭证 shows it; a zero there would read as an amount of nothing.
     */
    private static void side(Row row, int column, BigDecimal value, Styles styles) {
        if (value.signum() == 0) {
            row.createCell(column).setCellStyle(styles.money);
        } else {
            money(row, column, value, styles.money);
        }
    }

    /** Yuan to the fen as a number; the BigDecimal has at most two decimals, so the double shows it exactly. */
    private static void money(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle date;
        final CellStyle money;
        final CellStyle totalText;
        final CellStyle totalMoney;

        Styles(Workbook workbook) {
            Font body = workbook.getFontAt(0);
            body.setFontName("宋体");
            body.setFontHeightInPoints((short) 11);
            Font bold = workbook.createFont();
            bold.setFontName("黑体");
            bold.setFontHeightInPoints((short) 11);
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setFontName("黑体");
            big.setFontHeightInPoints((short) 14);
            big.setBold(true);
            short moneyFormat = workbook.createDataFormat().getFormat(MONEY);

            title = workbook.createCellStyle();
            title.setFont(big);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(workbook);
            date = bordered(workbook);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            money = bordered(workbook);
            money.setDataFormat(moneyFormat);
            totalText = bordered(workbook);
            totalText.setFont(bold);
            totalMoney = bordered(workbook);
            totalMoney.setFont(bold);
            totalMoney.setDataFormat(moneyFormat);
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
