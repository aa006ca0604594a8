package cn.eduduty.funding.fiscal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "fiscal_context")
class FiscalContext {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "region_code", updatable = false)
    String regionCode;

    @Column(name = "fiscal_year", updatable = false)
    int fiscalYear;

    @Column(name = "regular_fiscal_revenue")
    BigDecimal regularFiscalRevenue;

    @Column(name = "general_public_budget_expenditure")
    BigDecimal generalPublicBudgetExpenditure;

    @Column(name = "average_teacher_pay")
    BigDecimal averageTeacherPay;

    @Column(name = "average_civil_servant_pay")
    BigDecimal averageCivilServantPay;

    @Version
    long version;

    @Column(name = "recorded_by")
    String recordedBy;

    @Column(name = "recorded_at")
    Instant recordedAt;
}
