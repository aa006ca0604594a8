package cn.eduduty.report.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.snapshot.ReportOptions;

/** A reporting deadline; immutable once registered (a changed date is a new deadline). */
@Entity
@Table(name = "deadline")
class Deadline {

    /** The periods and signature its reports are generated with. */
    ReportOptions options() {
        return new ReportOptions(new ReportPeriods.Choice(
                periodSchoolYear, periodCompletedSchoolYear, periodEntranceYear, periodFiscalYear), signingAuthority,
                signingDate);
    }

    @Id
    UUID id;

    @Column(name = "region_code")
    String regionCode;

    @Column(name = "report_year")
    int reportYear;

    @Column(name = "due_at")
    Instant dueAt;

    @Column(name = "draft_lead_seconds")
    long draftLeadSeconds;

    @Column(name = "period_school_year")
    Integer periodSchoolYear;

    @Column(name = "period_completed_school_year")
    Integer periodCompletedSchoolYear;

    @Column(name = "period_entrance_year")
    Integer periodEntranceYear;

    @Column(name = "period_fiscal_year")
    Integer periodFiscalYear;

    @Column(name = "signing_authority")
    String signingAuthority;

    @Column(name = "signing_date")
    LocalDate signingDate;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    Instant createdAt;
}
