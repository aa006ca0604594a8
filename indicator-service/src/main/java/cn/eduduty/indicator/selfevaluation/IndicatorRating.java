package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.indicator.selfevaluation.api.EvidenceItem;

/** The current rating of one third-level indicator in a self-evaluation. */
@Entity
@Table(name = "rating")
class IndicatorRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "self_evaluation_id", updatable = false)
    UUID selfEvaluationId;

    @Column(name = "indicator_code", updatable = false)
    String indicatorCode;

    @Enumerated(EnumType.STRING)
    Rating rating;

    String narrative;

    @JdbcTypeCode(SqlTypes.JSON)
    List<EvidenceItem> evidence;

    String problem;

    String improvement;

    @Column(name = "recorded_by")
    String recordedBy;

    @Column(name = "recorded_at")
    Instant recordedAt;
}
