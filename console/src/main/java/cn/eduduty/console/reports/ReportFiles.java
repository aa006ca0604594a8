package cn.eduduty.console.reports;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.api.report.ApiExceptionMapper;

/**
 * The report's documents as bytes. The generated {@code ReportsApi} answers these two operations
 * with the JSON model ({@code ReportContent}); a download needs the body and the headers the
 * service sends (Content-Type, and Content-Disposition with the Chinese file name), so this is the
 * one hand-written client of the console: the same paths and parameters, answering the raw
 * {@link Response}. {@code ReportFilesContractTest} checks it against report-service's OpenAPI
 * document, as the generated clients are generated from it. A refusal (4xx/5xx) arrives as the
 * report client's {@link ApiException}, which {@code Problem.of} reads. Its mapper is registered
 * here as the generated interfaces register theirs: the four generated mappers are also global
 * providers, and without this one the registry's might answer first, with an exception this
 * interface does not declare (wrapped in a ProcessingException, read as "service unreachable").
 */
@RegisterRestClient(configKey = "report")
@RegisterProvider(value = ApiExceptionMapper.class, priority = 1)
@Path("/api/v1/reports")
public interface ReportFiles {

    /**
     * {@code previewReport}: the report composed from the current data, not stored. Also read as
     * JSON by {@link ReportChecks}, which wants only its checks.
     */
    @GET
    @Path("/preview")
    @Produces({ "application/json", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html", "application/problem+json" })
    Response preview(@QueryParam("region") String region, @QueryParam("year") int year,
            @QueryParam("format") String format) throws ApiException;

    /** {@code getReport}: a stored snapshot. */
    @GET
    @Path("/{id}")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html", "application/problem+json" })
    Response snapshot(@PathParam("id") UUID id, @QueryParam("format") String format) throws ApiException;
}
