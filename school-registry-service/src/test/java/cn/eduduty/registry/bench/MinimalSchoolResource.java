package cn.eduduty.registry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import io.agroal.api.AgroalDataSource;

/**
 * The floor {@link RequestOverheadBench} holds {@code GET /api/v1/schools/{code}} against: the same
 * JWT check (role, then the region of the school), one primary-key select by plain JDBC, a record
 * written by the same JSON stack. Test sources only, hidden from the OpenAPI document.
 */
@Path("/bench/minimal/schools/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class MinimalSchoolResource {

    private final AgroalDataSource dataSource;
    private final Access access;

    MinimalSchoolResource(AgroalDataSource dataSource, Access access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    public record School(String code, String name, String type, String townshipCode) {
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(hidden = true)
    public School get(@PathParam("code") String code) throws SQLException {
        School school;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT code, name, type, township_code FROM school WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException();
                }
                school = new School(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
            }
        }
        access.requireRead(school.townshipCode());
        return school;
    }
}
