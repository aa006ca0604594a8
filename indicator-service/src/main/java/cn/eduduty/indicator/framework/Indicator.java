package cn.eduduty.indicator.framework;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One node of a framework's tree. Rows of a published framework are refused changes by a trigger. */
@Entity
@Table(name = "indicator")
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "framework_id", updatable = false)
    UUID frameworkId;

    String code;

    int level;

    String title;

    String criteria;

    @Column(name = "display_order")
    int displayOrder;

    @Column(name = "metric_key")
    String metricKey;

    String comparator;

    BigDecimal threshold;

    String unit;
}
