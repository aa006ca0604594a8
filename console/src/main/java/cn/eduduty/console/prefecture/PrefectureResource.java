package cn.eduduty.console.prefecture;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.indicator.SelfEvaluationsApi;
import cn.eduduty.console.api.registry.RegionsApi;
import cn.eduduty.console.api.registry.model.RegionResponse;
import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.api.report.DeadlinesApi;
import cn.eduduty.console.api.report.ReportsApi;
import cn.eduduty.console.api.report.model.Check;
import cn.eduduty.console.api.report.model.GenerateReportRequest;
import cn.eduduty.console.api.report.model.ReportResponse;
import cn.eduduty.console.api.report.model.Severity;
import cn.eduduty.console.county.DaysLeft;
import cn.eduduty.console.reports.ReportChecks;
import cn.eduduty.console.web.ErrorPages;
import cn.eduduty.console.web.Labels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /prefectures/{region}/{year}}: a prefecture's counties at a glance (the status of each
 * self-evaluation, the checks its report preview fails now, its last report, its deadline), and
 * the prefecture's own roll-up: generate one, download those generated.
 *
 * <p>The checks come from one report preview per county, asked concurrently (on the managed
 * executor, which carries the request's user to the token filter): a county whose preview is
 * refused (a rate limit, say) shows why in its cell and the rest of the table still shows.
 */
@Path("/prefectures/{region: \\d{6}}/{year: \\d{4}}")
@Produces(MediaType.TEXT_HTML)
public class PrefectureResource {

    private static final Logger LOG = Logger.getLogger(PrefectureResource.class);

    /** One page is enough for a prefecture's counties, evaluations and a year's reports. */
    private static final int ALL = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance prefecture(String region, String regionName, int year, List<Integer> years,
                List<CountyRow> rows, List<Rollup> rollups, String done, Problem problem, RollupForm form);
    }

    /** A roll-up snapshot of the prefecture itself. */
    public record Rollup(String id, String kind, String generatedAt, String generatedBy, Integer checksFailed) {
    }

    /** What the roll-up form was sent with (kept when it is refused). */
    public record RollupForm(String signingAuthority, String signingDate) {
        static final RollupForm EMPTY = new RollupForm("", "");
    }

    @Inject
    ConsoleUser user;

    @Inject
    ManagedExecutor executor;

    @Inject
    ReportChecks reportChecks;

    @RestClient
    RegionsApi regions;

    @RestClient
    SelfEvaluationsApi evaluations;

    @RestClient
    ReportsApi reports;

    @RestClient
    DeadlinesApi deadlines;

    @GET
    public Response overview(@PathParam("region") String region, @PathParam("year") int year,
            @QueryParam("done") String done) throws Exception {
        user.require();
        return page(region, year, done == null ? null : doneMessage(done), null, RollupForm.EMPTY, 200);
    }

    @POST
    @Path("rollup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollup(@PathParam("region") String region, @PathParam("year") int year,
            @FormParam("signingAuthority") String authority, @FormParam("signingDate") String date) throws Exception {
        user.require();
        RollupForm form = new RollupForm(authority == null ? "" : authority, date == null ? "" : date);
        GenerateReportRequest request = new GenerateReportRequest().region(region).year(year)
                .kind(GenerateReportRequest.KindEnum.FINAL);
        if (!form.signingAuthority().isBlank()) {
            request.signingAuthority(form.signingAuthority().strip());
        }
        if (!form.signingDate().isBlank()) {
            try {
                request.signingDate(LocalDate.parse(form.signingDate().strip()));
            } catch (DateTimeParseException e) {
                Problem unreadable = new Problem(400, "日期无法识别", null, Map.of("signingDate", "请按“年-月-日”填写，例如 2026-03-31。"));
                return page(region, year, null, unreadable, form, 400);
            }
        }
        try {
            reports.generateReport(request);
        } catch (ApiException | ProcessingException e) {
            Problem problem = Problem.of(e);
            if (problem.status() == 401) {
                return ErrorPages.page(problem);
            }
            return page(region, year, null, problem, form, problem.status());
        }
        return Response.seeOther(URI.create("/prefectures/" + region + "/" + year + "?done=rollup#rollups")).build();
    }

    private Response page(String region, int year, String done, Problem problem, RollupForm form, int status)
            throws Exception {
        String regionName = regions.getRegion(region).getName();
        List<RegionResponse> counties = regions.listRegionChildren(region, 0, ALL).getItems().stream()
                .filter(r -> r.getLevel() == RegionResponse.LevelEnum.COUNTY).toList();
        var evaluationList = evaluations.listSelfEvaluations(region, null, 0, ALL, null, year).getItems();
        List<ReportResponse> reportList = reports.listReports(region, null, 0, ALL, year).getItems();
        var deadlineList = deadlines.listDeadlines(region, false, 0, ALL, year).getItems();

        // the previews (costly, and counted against the region's rate) only once the lists were allowed
        Map<String, CompletableFuture<CountyRow.Checks>> checks = new LinkedHashMap<>();
        counties.forEach(c -> checks.put(c.getCode(), CompletableFuture.supplyAsync(() -> checksOf(c.getCode(), year), executor)));

        Map<String, CountyRow.Checks> read = new LinkedHashMap<>();
        checks.forEach((code, future) -> read.put(code, future.join()));
        List<CountyRow> rows = CountyRow.of(region, counties, evaluationList, reportList, deadlineList, read,
                LocalDate.now(DaysLeft.CHINA));
        List<Rollup> rollups = reportList.stream().filter(r -> region.equals(r.getRegion()))
                .map(r -> new Rollup(r.getId().toString(), Labels.kind(r.getKind() == null ? null : r.getKind().toString()),
                        Labels.minute(r.getGeneratedAt()), r.getGeneratedBy(), r.getChecksFailed()))
                .toList();
        List<Integer> years = IntStream.rangeClosed(year - 2, year + 1).boxed().toList();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.prefecture(region, regionName, year, years, rows, rollups, done, problem, form)).build();
    }

    /** The ERROR and WARNING checks of a county's report preview now. */
    private CountyRow.Checks checksOf(String county, int year) {
        try {
            List<Check> all = reportChecks.of(county, year);
            int errors = (int) all.stream().filter(c -> c.getSeverity() == Severity.ERROR).count();
            int warnings = (int) all.stream().filter(c -> c.getSeverity() == Severity.WARNING).count();
            return new CountyRow.Checks(errors, warnings, null);
        } catch (ApiException | IOException | ProcessingException | WebApplicationException e) {
            Problem problem = Problem.of(e);
            LOG.debugf("preview of %s %d refused: %s", county, year, problem.title());
            return CountyRow.Checks.failed(problem.title());
        }
    }

    private static String doneMessage(String done) {
        return switch (done) {
            case "rollup" -> "已生成汇总报告（正式稿），见下方列表。";
            default -> null;
        };
    }
}
