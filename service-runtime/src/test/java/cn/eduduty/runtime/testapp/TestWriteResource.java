package cn.eduduty.runtime.testapp;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import cn.eduduty.runtime.security.Roles;

/**
 * The test application's one endpoint: a write that publishes an event through the outbox inside
 * a request, as an owner service's writes do, and logs a line while doing it.
 */
@Path("/api/v1/regions/{region}/test-writes")
public class TestWriteResource {

    static final Logger LOG = Logger.getLogger(TestWriteResource.class);

    private final TestWrites writes;

    TestWriteResource(TestWrites writes) {
        this.writes = writes;
    }

    @POST
    @RolesAllowed(Roles.COUNTY_EDITOR)
    @Operation(operationId = "testWrite", summary = "Publish a test event through the outbox")
    public Response write(@PathParam("region") String region, @QueryParam("subject") String subject) {
        UUID id = writes.publish(subject, region, 0);
        LOG.infof("test write %s published event %s", subject, id);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", id.toString())).build();
    }
}
