package cn.eduduty.funding.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A booked posting's header; its lines are rows of posting_line. Never updated (a trigger refuses). */
@Entity
@Immutable
@Table(name = "posting")
class Posting {

    @Id
    UUID id;

    @Column(insertable = false, updatable = false)
    Long seq;

    @Column(name = "region_code")
    String regionCode;

    @Column(name = "fiscal_year")
    int fiscalYear;

    @Column(name = "booking_date")
    LocalDate bookingDate;

    @Column(name = "voucher_number")
    String voucherNumber;

    String memo;

    @Column(name = "school_code")
    String schoolCode;

    String stage;

    @Column(name = "reversal_of")
    UUID reversalOf;

    @Column(name = "reversal_reason")
    String reversalReason;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_hash")
    String requestHash;

    @Column(name = "booked_by")
    String bookedBy;

    @Column(name = "booked_at")
    Instant bookedAt;
}
