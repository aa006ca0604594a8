package cn.eduduty.indicator.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The version and audit columns of the service's mutable aggregates (framework, self-evaluation):
 * {@code version} (optimistic lock, the ETag), {@code created_by}/{@code created_at} written once,
 * {@code updated_by}/{@code updated_at} on each change.
 */
@MappedSuperclass
public abstract class AuditedEntity {

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

    /** Stamps a new row as created, and last updated, by {@code principal} now. */
    public void created(String principal) {
        createdBy = principal;
        updatedBy = principal;
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    /** Stamps a change by {@code principal} now. */
    public void updated(String principal) {
        updatedAt = Instant.now();
        updatedBy = principal;
    }

    public long version() {
        return version;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
