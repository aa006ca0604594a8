package cn.eduduty.contracts.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A report snapshot was generated and stored: on demand, or by a deadline (a draft at due minus
 * lead time, the final at due time). The snapshot itself is fetched from report-service by id in
 * any format; its content hash identifies the exact figures and text.
 *
 * @param kind        {@code DRAFT} or {@code FINAL}
 * @param trigger     {@code ON_DEMAND} or {@code DEADLINE}
 * @param deadlineId  the deadline that triggered it, null on demand
 * @param contentHash SHA-256 (hex) of the snapshot's canonical JSON
 */
public record ReportGenerated(
        UUID reportId,
        String regionCode,
        int year,
        String kind,
        String trigger,
        UUID deadlineId,
        UUID frameworkId,
        String contentHash,
        Instant generatedAt,
        String generatedBy) {
}
