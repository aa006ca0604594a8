package cn.eduduty.indicator.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The version and audit columns of the service's mutable aggregates (framework, self-evaluation):
 * {@code version} (optimistic lock, the ETag), {@code created_by}/{@code created_at} written once,
 * {@code updated_by}/{@code updated_at} on each change. Read and written as fields, like the
 * entities' own columns; {@link #created} and {@link #updated} stamp them.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Version public long version;
    @Column(name = "created_by", updatable = false) public String createdBy;
    @Column(name = "created_at", updatable = false) public Instant createdAt;
    @Column(name = "updated_by") public String updatedBy;
    @Column(name = "updated_at") public Instant updatedAt;

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
}
