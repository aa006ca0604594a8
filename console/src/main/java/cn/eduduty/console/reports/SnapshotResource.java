package cn.eduduty.console.reports;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;

/**
 * {@code /reports/{id}.pdf} (also {@code .docx}, {@code .xlsx}, {@code .html}): a stored snapshot,
 * a county's report or a roll-up. See {@link Downloads}.
 */
@Path("/reports/{id}.{format: " + Downloads.FORMATS + "}")
public class SnapshotResource {

    @Inject
    ConsoleUser user;

    @RestClient
    ReportFiles files;

    @GET
    public Response download(@PathParam("id") UUID id, @PathParam("format") String format) {
        user.require();
        return Downloads.passThrough(() -> files.snapshot(id, format), format);
    }
}
