package cn.eduduty.console.reports;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.web.ErrorPages;

/**
 * The report's documents passed through from report-service with the user's token
 * ({@link CountyReportResource}, {@link SnapshotResource}): the service's Content-Type and
 * Content-Disposition (its Chinese file name) go to the browser unchanged; a refusal (403, 404,
 * 429...) is shown as the problem page.
 *
 * <p>The HTML is the report itself, shown in the review page's sandboxed frame: its answer carries
 * its own policy, allowing the report's inline styles and nothing else (no script, no fetch), and
 * framing by the console only. {@code BrowserSafety} keeps a policy a response already has.
 *
 * <p>Each download is a resource class of its own whose class path is the whole download path:
 * RESTEasy Reactive picks the resource class by its path first, so a page's class at
 * {@code /counties/{region}/{year}} would hide a method {@code counties/…/report.pdf} of a class at
 * {@code /}; a longer, more specific class path is chosen before it.
 */
final class Downloads {

    /** The formats a user downloads (the path's {@code format}). */
    static final String FORMATS = "pdf|docx|xlsx|html";

    /** The policy of a report's HTML: its inline styles and data: images, nothing else. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
            + "sandbox; form-action 'none'; base-uri 'none'";

    private Downloads() {
    }

    /** A call of {@link ReportFiles}. */
    @FunctionalInterface
    interface Call {
        Response get() throws ApiException;
    }

    /**
     * report-service's file name, as an attachment for the documents (the console's links say 下载,
     * and a PDF would otherwise open in the browser's viewer); the HTML stays inline for the frame.
     */
    static String disposition(String service, String format) {
        if (service == null || format.equals("html")) {
            return service;
        }
        return service.replaceFirst("^\\s*inline", "attachment");
    }

    static Response passThrough(Call call, String format) {
        Response answer;
        try {
            answer = call.get();
        } catch (ApiException | WebApplicationException | ProcessingException e) {
            return ErrorPages.page(Problem.of(e));
        }
        try (answer) {
            if (answer.getStatus() >= 300) {
                return ErrorPages.page(Problem.of(answer));
            }
            Response.ResponseBuilder out = Response.ok(answer.readEntity(byte[].class))
                    .header(HttpHeaders.CONTENT_TYPE, answer.getHeaderString(HttpHeaders.CONTENT_TYPE))
                    .header("Content-Disposition", disposition(answer.getHeaderString("Content-Disposition"), format))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
            if (format.equals("html")) {
                out.header("Content-Security-Policy", REPORT_POLICY);
            }
            return out.build();
        }
    }
}
