package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.eduduty.contracts.indicator.SelfEvaluationStatus;
import cn.eduduty.indicator.persistence.AuditedEntity;
import cn.eduduty.indicator.selfevaluation.api.ImprovementMeasure;
import cn.eduduty.indicator.selfevaluation.api.NotablePractice;

@Entity
@Table(name = "self_evaluation")
class SelfEvaluation extends AuditedEntity {

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

    @Column(name = "submitted_at")
    Instant submittedAt;

    @Column(name = "approved_by")
    String approvedBy;

    @Column(name = "approved_at")
    Instant approvedAt;

    // What the county signs; recorded when signingRecordedAt is set

    @Column(name = "signing_authority")
    String signingAuthority;

    @Column(name = "signing_date")
    LocalDate signingDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "notable_practices")
    List<NotablePractice> notablePractices = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "improvement_measures")
    List<ImprovementMeasure> improvementMeasures = List.of();

    @Column(name = "signing_recorded_by")
    String signingRecordedBy;

    @Column(name = "signing_recorded_at")
    Instant signingRecordedAt;
}
