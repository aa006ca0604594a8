package cn.eduduty.runtime.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.eduduty.runtime.security.Roles;

/**
 * Endpoints addressing no region, which log a line: what a request's log context holds when the
 * path does not say where, for anyone (no caller is identified there) and for a signed-in caller.
 */
@Path("/api/v1/test-pings")
public class TestPingResource {

    @GET
    @PermitAll
    @Operation(operationId = "testPing", summary = "Log a line for anyone")
    public Response ping(@QueryParam("subject") String subject) {
        TestWriteResource.LOG.infof("test ping %s", subject);
        return Response.noContent().build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.VIEWER })
    @Operation(operationId = "testPingByCaller", summary = "Log a line for a signed-in caller")
    public Response myPing(@QueryParam("subject") String subject) {
        TestWriteResource.LOG.infof("test ping by a caller %s", subject);
        return Response.noContent().build();
    }
}
