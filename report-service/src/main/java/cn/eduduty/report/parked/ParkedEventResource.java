package cn.eduduty.report.parked;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.report.parked.api.ParkedEventResponse;
import cn.eduduty.runtime.inbox.ParkedEvents;
import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.Roles;
import cn.eduduty.runtime.web.Page;
import cn.eduduty.runtime.web.PageRequest;

/**
 * The events the read model did not apply (refused or failing), for an operator: a system token
 * sees those keyed by a region within its own and those keyed by no region at all, and re-applies
 * one after a fix through the same admission and handler as the consumer.
 */
@Path("/api/v1/inbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "How far the report service has read the owners' events")
public class ParkedEventResource {

    private final ParkedEvents parked;
    private final EventJournal journal;
    private final Access access;

    ParkedEventResource(ParkedEvents parked, EventJournal journal, Access access) {
        this.parked = parked;
        this.journal = journal;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "listParkedEvents", summary = "List the events the read model parked instead of applying, oldest first")
    @APIResponse(responseCode = "200", description = "One page of parked events")
    public Page<ParkedEventResponse> list(
            @QueryParam("includeResolved") @DefaultValue("false")
            @Parameter(description = "Also list events re-applied successfully") boolean includeResolved,
            @Valid @BeanParam PageRequest page) {
        Page<ParkedEvents.Parked> found = parked.list(EventJournal.CONSUMER, access.region(), includeResolved, page);
        return new Page<>(found.items().stream().map(ParkedEventResource::response).toList(), found.page(),
                found.size(), found.totalItems());
    }

    @POST
    @Path("/{id}/reapply")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "reapplyParkedEvent", summary = "Apply a parked event again, after a fix, as the consumer would")
    @APIResponse(responseCode = "200", description = "Applied (or found applied meanwhile): the event is resolved",
            content = @Content(schema = @Schema(implementation = ParkedEventResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolated")
    public ParkedEventResponse reapply(@PathParam("id") UUID id) {
        ParkedEvents.Parked found = parked.find(EventJournal.CONSUMER, id, access.region())
                .orElseThrow(() -> ProblemException.notFound("Parked event", id));
        if (found.resolved()) {
            throw ProblemException.conflict("Parked event " + id + " was re-applied already");
        }
        ParkedEvents.Reapplied outcome = parked.reapply(journal, found, access.principal());
        if (!outcome.applied()) {
            throw ProblemException.ruleViolated("The event still cannot be applied and stays parked: "
                    + outcome.parked().reason());
        }
        return response(outcome.parked());
    }

    private static ParkedEventResponse response(ParkedEvents.Parked p) {
        return new ParkedEventResponse(p.id(), p.topic(), p.partition(), p.offset(), p.key(), p.eventType(), p.record(),
                p.reason(), p.attempts(), p.firstAttemptAt(), p.lastAttemptAt(), p.resolved() ? "RESOLVED" : "PARKED",
                p.resolvedAt(), p.resolvedBy());
    }
}
