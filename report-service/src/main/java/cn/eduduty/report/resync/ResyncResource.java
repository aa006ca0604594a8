package cn.eduduty.report.resync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.report.resync.api.ResyncRequest;
import cn.eduduty.report.resync.api.ResyncResponse;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;

/**
 * An operator rebuilds the read model of a region from the owners' APIs. Only a system token
 * may, and the same token is what report-service presents to the owners.
 */
@Path("/api/v1/read-model/resync")
@Tag(name = "Read model", description = "How far the report service has read the owners' events")
public class ResyncResource {

    private final ResyncService resync;
    private final Access access;
    private final JsonWebToken token;

    ResyncResource(ResyncService resync, Access access, JsonWebToken token) {
        this.resync = resync;
        this.access = access;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "resyncReadModel", summary = "Rebuild the read model of a county (or every county below a region) from the owners' REST APIs")
    @APIResponse(responseCode = "200", description = "What was read and applied",
            content = @Content(schema = @Schema(implementation = ResyncResponse.class)))
    @APIResponse(responseCode = "502", description = "An owner could not be read; counties already done stay applied",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResyncResponse resync(@Valid @NotNull ResyncRequest request) {
        access.requireRead(request.region());
        try {
            return resync.resync(request.region(), token.getRawToken(), access.principal());
        } catch (ResyncException e) {
            throw ProblemException.badGateway(e.getMessage());
        }
    }
}
