package cn.eduduty.runtime.audit.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One audited request: a write, or a refusal (401, 403, 429)")
public record AuditRecordResponse(
        @Schema(description = "When the request arrived") OffsetDateTime at,
        @Schema(description = "The request id, as in the X-Request-Id response header") String requestId,
        @Schema(description = "The token's subject; anonymous when there was no token it could trust", examples = "county-editor@930101") String subject,
        @Schema(description = "The token's roles") List<String> roles,
        @Schema(description = "The token's region claim", examples = "930101") String subjectRegion,
        @Schema(description = "HTTP method", examples = "POST") String method,
        @Schema(description = "Request path, without the query") String path,
        @Schema(description = "The id of the resource written or addressed, where the path or Location names one") String resourceId,
        @Schema(description = "The region whose data the path addresses", examples = "930101") String targetRegion,
        @Schema(description = "The answer's HTTP status", examples = "201") int status) {
}
