package cn.eduduty.runtime.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.audit.api.AuditRecordResponse;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/** Reads the audit trail, newest first, within what a system token of a region may see. */
@ApplicationScoped
public class AuditQueries {

    private final EntityManager em;

    AuditQueries(EntityManager em) {
        this.em = em;
    }

    /** The filters of one query; null means "any". {@code to} is exclusive. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String subject, String region) {
    }

    /**
     * Records whose subject's region or addressed region lies within {@code viewer}; records with
     * neither (anonymous refusals of paths without a region) only for a province's token.
     */
    @Transactional
    public Page<AuditRecordResponse> list(String viewer, Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("WHERE (subject_region LIKE :visible OR target_region LIKE :visible");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("visible", RegionCode.prefix(viewer) + "%");
        if (RegionCode.level(viewer) == RegionCode.Level.PROVINCE) {
            where.append(" OR (subject_region IS NULL AND target_region IS NULL)");
        }
        where.append(')');
        if (filter.region() != null) {
            where.append(" AND (subject_region LIKE :within OR target_region LIKE :within)");
            args.put("within", RegionCode.prefix(filter.region()) + "%");
        }
        if (filter.from() != null) {
            where.append(" AND at >= :from");
            args.put("from", filter.from().toInstant());
        }
        if (filter.to() != null) {
            where.append(" AND at < :to");
            args.put("to", filter.to().toInstant());
        }
        if (filter.subject() != null) {
            where.append(" AND subject = :subject");
            args.put("subject", filter.subject());
        }
        Rows.Parameters filtered = q -> {
            args.forEach(q::setParameter);
            return q;
        };
        long total = Rows.one(em, "SELECT count(*) AS total FROM audit_event " + where, filtered)
                .map(t -> Rows.whole(t, "total")).orElse(0L);
        List<AuditRecordResponse> items = Rows.list(em, """
                SELECT at, request_id, subject, roles, subject_region, method, path, resource_id, target_region, status
                FROM audit_event %s ORDER BY at DESC, seq DESC LIMIT :limit OFFSET :offset""".formatted(where),
                q -> filtered.set(q).setParameter("limit", page.size()).setParameter("offset", page.offset()))
                .stream().map(t -> {
                    String roles = Rows.text(t, "roles");
                    return new AuditRecordResponse(Rows.instant(t, "at").atOffset(ZoneOffset.UTC),
                            Rows.text(t, "request_id"), Rows.text(t, "subject"),
                            roles == null ? List.of() : Arrays.asList(roles.split(",")),
                            Rows.text(t, "subject_region"), Rows.text(t, "method"), Rows.text(t, "path"),
                            Rows.text(t, "resource_id"), Rows.text(t, "target_region"), Rows.integer(t, "status"));
                }).toList();
        return Page.of(items, page, total);
    }
}
