package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the funding rules need of one fiscal (calendar) year of a county: ledger totals in yuan
 * (from postings), the fiscal context, and students per stage (from the registry, school year
 * starting in that year). Any of them may be null when not recorded.
 *
 * @param appropriation          government education appropriation (category APPROPRIATION)
 * @param educationExpenditure   general public budget education expenditure, all education expense categories
 * @param expenditureByStage     that expenditure of postings that name a stage
 * @param publicFundsByStage     per-student public funds (生均公用经费) paid, by stage
 * @param students               students by stage
 * @param sources                the postings and records the totals came from
 */
public record FundingYear(
        int year,
        BigDecimal appropriation,
        BigDecimal educationExpenditure,
        Map<String, BigDecimal> expenditureByStage,
        Map<String, BigDecimal> publicFundsByStage,
        Map<String, Long> students,
        BigDecimal regularFiscalRevenue,
        BigDecimal generalPublicBudgetExpenditure,
        BigDecimal averageTeacherPay,
        BigDecimal averageCivilServantPay,
        List<Figure.Source> sources) {
}
