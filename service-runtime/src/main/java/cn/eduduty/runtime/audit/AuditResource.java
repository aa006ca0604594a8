package cn.eduduty.runtime.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.runtime.audit.api.AuditRecordResponse;
import cn.eduduty.runtime.problem.Problem;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * This service's audit trail, for system clients (the operators' and auditors' tools): every
 * write and every refusal, newest first, within the token's region.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every write and every refused request of this service (GB/T 22239-2019)")
public class AuditResource {

    private static final String DATE_TIME = "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T00:00:00+08:00";

    private final AuditQueries queries;
    private final Access access;

    AuditResource(AuditQueries queries, Access access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "listAuditRecords", summary = "List the audit trail of this service, newest first")
    @APIResponse(responseCode = "200", description = "One page of audit records within the token's region")
    public Page<AuditRecordResponse> list(
            @QueryParam("from") @Parameter(description = "Earliest time, inclusive (ISO-8601 with offset)") String from,
            @QueryParam("to") @Parameter(description = "Latest time, exclusive (ISO-8601 with offset)") String to,
            @QueryParam("subject") @Parameter(description = "Only this token subject, e.g. anonymous") String subject,
            @QueryParam("region") @Parameter(description = "Only records whose caller's or addressed region lies within this GB/T 2260 code") String region,
            @Valid @BeanParam PageRequest page) {
        List<Problem.Violation> violations = new ArrayList<>();
        OffsetDateTime since = time("from", from, violations);
        OffsetDateTime until = time("to", to, violations);
        if (since != null && until != null && !since.isBefore(until)) {
            violations.add(new Problem.Violation("to", "must be later than from"));
        }
        if (subject != null && (subject.isBlank() || subject.length() > 200)) {
            violations.add(new Problem.Violation("subject", "must be 1 to 200 characters"));
        }
        if (region != null && !RegionCode.isValid(region)) {
            violations.add(new Problem.Violation("region", "must be a 6- or 9-digit GB/T 2260 code"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String own = access.region();
        if (region != null) {
            access.require(region, "read the audit trail of", Roles.SYSTEM);
        }
        return queries.list(own, new AuditQueries.Filter(since, until, subject, region), page);
    }

    private static OffsetDateTime time(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, DATE_TIME));
            return null;
        }
    }
}
