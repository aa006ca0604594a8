package cn.eduduty.console.reports;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.web.ErrorPages;

/**
 * The report's documents, passed through from report-service with the user's token: a county's
 * report as it reads now ({@code /counties/{region}/{year}/report.pdf}) and a stored snapshot
 * ({@code /reports/{id}.pdf}), as PDF, Word, Excel or HTML. The service's Content-Type and
 * Content-Disposition (its Chinese file name) go to the browser unchanged; a refusal (403, 404,
 * 429...) is shown as the problem page.
 *
 * <p>The HTML is the report itself, shown in the review page's sandboxed frame: its answer carries
 * its own policy, allowing the report's inline styles and nothing else (no script, no fetch), and
 * framing by the console only. {@code BrowserSafety} keeps a policy a response already has.
 */
@Path("/")
public class DownloadResource {

    /** The policy of a report's HTML: its inline styles and data: images, nothing else. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    @Inject
    ConsoleUser user;

    @RestClient
    ReportFiles files;

    @GET
    @Path("counties/{region: \\d{6}}/{year: \\d{4}}/report.{format: pdf|docx|xlsx|html}")
    public Response preview(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("format") String format) {
        user.require();
        return passThrough(() -> files.preview(region, year, format), format);
    }

    @GET
    @Path("reports/{id}.{format: pdf|docx|xlsx|html}")
    public Response snapshot(@PathParam("id") UUID id, @PathParam("format") String format) {
        user.require();
        return passThrough(() -> files.snapshot(id, format), format);
    }

    /** A call of {@link ReportFiles}. */
    @FunctionalInterface
    interface Call {
        Response get() throws ApiException;
    }

    private static Response passThrough(Call call, String format) {
        Response answer;
        try {
            answer = call.get();
        } catch (ProcessingException e) {
            // another client's generated mapper answered first: its ApiException is the cause
            return ErrorPages.page(Problem.of(e.getCause() instanceof Exception cause ? cause : e));
        } catch (ApiException | WebApplicationException e) {
            return ErrorPages.page(Problem.of(e));
        }
        try (answer) {
            if (answer.getStatus() >= 300) {
                return ErrorPages.page(Problem.of(answer));
            }
            Response.ResponseBuilder out = Response.ok(answer.readEntity(byte[].class))
                    .header(HttpHeaders.CONTENT_TYPE, answer.getHeaderString(HttpHeaders.CONTENT_TYPE))
                    .header("Content-Disposition", answer.getHeaderString("Content-Disposition"))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
            if (format.equals("html")) {
                out.header("Content-Security-Policy", REPORT_POLICY);
            }
            return out.build();
        }
    }
}
