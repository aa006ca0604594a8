package cn.eduduty.indicator.selfevaluation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reviewer's comment when returning a self-evaluation; no indicator code for the summary. */
@Entity
@Table(name = "review_comment")
class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "self_evaluation_id")
    UUID selfEvaluationId;

    int round;

    @Column(name = "indicator_code")
    String indicatorCode;

    String comment;

    String reviewer;

    @Column(name = "created_at")
    Instant createdAt;
}
