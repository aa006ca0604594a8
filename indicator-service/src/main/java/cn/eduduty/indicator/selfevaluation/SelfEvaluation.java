package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "self_evaluation")
class SelfEvaluation {

    @Id
    UUID id;

    @Column(name = "framework_id", updatable = false)
    UUID frameworkId;

    @Column(name = "region_code", updatable = false)
    String regionCode;

    @Column(updatable = false)
    int year;

    @Enumerated(EnumType.STRING)
    SelfEvaluationStatus status;

    @Version
    long version;

    @Column(name = "created_by", updatable = false)
    String createdBy;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_by")
    String updatedBy;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "submitted_at")
    Instant submittedAt;

    @Column(name = "approved_by")
    String approvedBy;

    @Column(name = "approved_at")
    Instant approvedAt;
}
