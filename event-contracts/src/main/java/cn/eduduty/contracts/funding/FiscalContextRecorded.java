package cn.eduduty.contracts.funding;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A county's fiscal context for a fiscal (calendar) year was recorded or replaced. Amounts are
 * decimal yuan, written as JSON strings so that no consumer reads them as floating point.
 */
public record FiscalContextRecorded(
        String regionCode,
        int fiscalYear,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal regularFiscalRevenue,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal generalPublicBudgetExpenditure,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageTeacherPay,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageCivilServantPay,
        long version) {
}
