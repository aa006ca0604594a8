package cn.eduduty.report.deadline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reporting deadline; immutable once registered (a changed date is a new deadline). */
@Entity
@Table(name = "deadline")
class Deadline {

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

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    Instant createdAt;
}
