package cn.eduduty.funding.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An account of a county's chart; never changed once created (postings refer to it). */
@Entity
@Immutable
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "region_code")
    String regionCode;

    String code;

    String name;

    @Enumerated(EnumType.STRING)
    AccountType type;

    @Enumerated(EnumType.STRING)
    Category category;

    boolean seeded;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    Instant createdAt;
}
