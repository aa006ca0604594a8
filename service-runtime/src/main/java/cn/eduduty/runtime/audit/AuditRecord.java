package cn.eduduty.runtime.audit;

import java.time.Instant;

/** One audited request: who, when, what, with which outcome. */
record AuditRecord(Instant at, String requestId, String subject, String roles, String subjectRegion, String method,
        String path, String resourceId, String targetRegion, int status) {

    static final String ANONYMOUS = "anonymous";
}
