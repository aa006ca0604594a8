package cn.eduduty.indicator.framework;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.eduduty.indicator.persistence.AuditedEntity;

@Entity
@Table(name = "framework")
class Framework extends AuditedEntity {

    boolean isPublished() {
        return status == FrameworkStatus.PUBLISHED;
    }

    @Id
    UUID id;

    String code;

    String name;

    @Column(name = "evaluation_year")
    int evaluationYear;

    String issuer;

    @Column(name = "region_code", updatable = false)
    String regionCode;

    @Enumerated(EnumType.STRING)
    FrameworkStatus status;

    @Column(name = "derived_from", updatable = false)
    UUID derivedFrom;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "published_by")
    String publishedBy;
}
