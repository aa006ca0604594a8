package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change of a rating's value: kept for ever, never updated. */
@Entity
@Table(name = "rating_change")
class RatingChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "self_evaluation_id")
    UUID selfEvaluationId;

    @Column(name = "indicator_code")
    String indicatorCode;

    @Column(name = "from_rating")
    String fromRating;

    @Column(name = "to_rating")
    String toRating;

    @Column(name = "changed_by")
    String changedBy;

    @Column(name = "changed_at")
    Instant changedAt;
}
