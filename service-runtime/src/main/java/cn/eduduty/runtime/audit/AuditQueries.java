package cn.eduduty.runtime.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import cn.eduduty.runtime.audit.api.AuditRecordResponse;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/** Reads the audit trail, newest first, within what a system token of a region may see. */
@ApplicationScoped
public class AuditQueries {

    private final DataSource dataSource;

    AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The filters of one query; null means "any". {@code to} is exclusive. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String subject, String region) {
    }

    /**
     * Records whose subject's region or addressed region lies within {@code viewer}; records with
     * neither (anonymous refusals of paths without a region) only for a province's token.
     */
    public Page<AuditRecordResponse> list(String viewer, Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("WHERE (subject_region LIKE ? OR target_region LIKE ?");
        List<Object> args = new ArrayList<>();
        String visible = RegionCode.prefix(viewer) + "%";
        args.add(visible);
        args.add(visible);
        if (RegionCode.level(viewer) == RegionCode.Level.PROVINCE) {
            where.append(" OR (subject_region IS NULL AND target_region IS NULL)");
        }
        where.append(')');
        if (filter.region() != null) {
            String within = RegionCode.prefix(filter.region()) + "%";
            where.append(" AND (subject_region LIKE ? OR target_region LIKE ?)");
            args.add(within);
            args.add(within);
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            args.add(Timestamp.from(filter.from().toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            args.add(Timestamp.from(filter.to().toInstant()));
        }
        if (filter.subject() != null) {
            where.append(" AND subject = ?");
            args.add(filter.subject());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(c, "SELECT count(*) FROM audit_event " + where, args)) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(page.size());
            pageArgs.add(page.offset());
            List<AuditRecordResponse> items = new ArrayList<>();
            try (PreparedStatement select = prepare(c, """
                    SELECT at, request_id, subject, roles, subject_region, method, path, resource_id, target_region, status
                    FROM audit_event %s ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?""".formatted(where), pageArgs);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String roles = rs.getString("roles");
                    items.add(new AuditRecordResponse(
                            rs.getTimestamp("at").toInstant().atOffset(ZoneOffset.UTC),
                            rs.getString("request_id"), rs.getString("subject"),
                            roles == null ? List.of() : Arrays.asList(roles.split(",")),
                            rs.getString("subject_region"), rs.getString("method"), rs.getString("path"),
                            rs.getString("resource_id"), rs.getString("target_region"), rs.getInt("status")));
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
        return s;
    }
}
