package cn.eduduty.registry.region;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.eduduty.runtime.security.RegionCode;

@Entity
@Table(name = "region")
class Region {

    @Id
    String code;

    String name;

    @Enumerated(EnumType.STRING)
    RegionCode.Level level;

    @Column(name = "parent_code")
    String parentCode;

    @Column(name = "valid_from")
    LocalDate validFrom;

    @Column(name = "valid_to")
    LocalDate validTo;

    @Version
    long version;

    @Column(name = "created_by", updatable = false)
    String createdBy;

    @Column(name = "updated_by")
    String updatedBy;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;
}
