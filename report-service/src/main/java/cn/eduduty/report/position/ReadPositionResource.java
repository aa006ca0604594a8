package cn.eduduty.report.position;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.report.position.api.ReadPositionResponse;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.runtime.security.Roles;

/** The "as of" of the read model: positions are global, so any authenticated role may see them. */
@Path("/api/v1/read-positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "How far the report service has read the owners' events")
public class ReadPositionResource {

    private final Inbox inbox;
    private final TopicEnds ends;

    ReadPositionResource(Inbox inbox, TopicEnds ends) {
        this.inbox = inbox;
        this.ends = ends;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER, Roles.SYSTEM })
    @Operation(operationId = "listReadPositions", summary = "List how far each topic partition has been applied")
    @APIResponse(responseCode = "200", description = "One entry per topic partition read so far",
            content = @Content(schema = @Schema(implementation = ReadPositionResponse.class, type = SchemaType.ARRAY)))
    public List<ReadPositionResponse> list() {
        Map<TopicPartition, Long> end = new HashMap<>(ends.of(EventJournal.TOPICS).orElse(Map.of()));
        List<ReadPositionResponse> positions = new ArrayList<>();
        for (Inbox.Position p : inbox.positions(EventJournal.CONSUMER)) {
            Long e = end.remove(new TopicPartition(p.topic(), p.partition()));
            positions.add(new ReadPositionResponse(p.topic(), p.partition(), p.nextOffset(), e,
                    e == null ? null : Math.max(0, e - p.nextOffset()), p.lastEventTime(), p.updatedAt()));
        }
        // partitions with records the read model has not started on
        end.forEach((tp, e) -> positions.add(new ReadPositionResponse(tp.topic(), tp.partition(), 0, e, e, null, null)));
        positions.sort(Comparator.comparing(ReadPositionResponse::topic).thenComparingInt(ReadPositionResponse::partition));
        return positions;
    }
}
