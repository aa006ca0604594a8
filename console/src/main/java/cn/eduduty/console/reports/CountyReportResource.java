package cn.eduduty.console.reports;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;

/**
 * {@code /counties/{region}/{year}/report.pdf} (also {@code .docx}, {@code .xlsx}, {@code .html}):
 * a county's report as it reads now (report-service's preview, not stored). See {@link Downloads}.
 */
@Path("/counties/{region: \\d{6}}/{year: \\d{4}}/report.{format: " + Downloads.FORMATS + "}")
public class CountyReportResource {

    @Inject
    ConsoleUser user;

    @RestClient
    ReportFiles files;

    @GET
    public Response download(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("format") String format) {
        user.require();
        return Downloads.passThrough(() -> files.preview(region, year, format), format);
    }
}
