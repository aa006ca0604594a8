package cn.eduduty.console.prefecture;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.indicator.ApiException;
import cn.eduduty.console.api.indicator.FrameworksApi;
import cn.eduduty.console.api.indicator.SelfEvaluationsApi;
import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.ReturnRequest;
import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.api.registry.RegionsApi;
import cn.eduduty.console.api.registry.model.RegionResponse;
import cn.eduduty.console.reports.ReportChecks;
import cn.eduduty.console.web.ErrorPages;
import cn.eduduty.console.web.Labels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /prefectures/{region}/{year}/counties/{county}}: a reviewer reads one county's report as it
 * reads now (the preview, in a sandboxed frame), its checks and earlier returns, and returns it
 * with comments on indicators or approves it, when the self-evaluation allows that now (its
 * {@code allowedActions}) and the user is a reviewer. Both forms send the version the page was
 * built from as If-Match, so a county's change in between is refused (412), not overwritten.
 * A refusal re-shows the page with what was typed and the service's messages next to the fields.
 */
@Path("/prefectures/{region: \\d{6}}/{year: \\d{4}}/counties/{county: \\d{6}}")
@Produces(MediaType.TEXT_HTML)
public class CountyReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review r);
    }

    /** Everything the review page shows. */
    public record Review(String region, String regionName, int year, String county, String countyName,
            SelfEvaluationResponse evaluation, Labels.Status status, String submittedAt, boolean canReturn,
            boolean canApprove, List<ReviewPage.CheckItem> checks, String checksUnavailable, List<ReviewPage.Area> areas,
            List<ReviewPage.Round> rounds, String done, Problem problem, String failed, String summary,
            Map<String, String> errors, Map<String, String> otherErrors) {
    }

    /** What a re-shown page carries from the form that was refused. */
    private record Refusal(String action, Problem problem, String summary, Map<String, String> typed,
            Map<String, String> errors) {
        static final Refusal NONE = new Refusal(null, null, "", Map.of(), Map.of());
    }

    @Inject
    ConsoleUser user;

    @RestClient
    RegionsApi regions;

    @RestClient
    SelfEvaluationsApi evaluations;

    @RestClient
    FrameworksApi frameworks;

    @Inject
    ReportChecks reportChecks;

    @GET
    public Response review(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("county") String county, @QueryParam("done") String done) throws Exception {
        user.require();
        String message = done == null ? null : switch (done) {
            case "returned" -> "已退回县级修改，县级填报人员将看到退回意见。";
            case "approved" -> "已审核通过，自评结果已锁定。";
            default -> null;
        };
        return page(region, year, county, message, Refusal.NONE, 200);
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response giveBack(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("county") String county, MultivaluedMap<String, String> form) throws Exception {
        user.require();
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
        String summary = typed.getOrDefault(ReturnForm.SUMMARY, "");
        ReturnRequest request = ReturnForm.request(summary, typed);
        try {
            evaluations.returnSelfEvaluation(evaluationOf(county, year), request, ifMatch(form));
        } catch (ApiException | ProcessingException | WebApplicationException e) {
            Problem problem = Problem.of(e);
            if (problem.status() == 401) {
                return ErrorPages.page(problem);
            }
            return page(region, year, county, null,
                    new Refusal("return", problem, summary, typed, ReturnForm.byFormField(problem.fields(), request)),
                    problem.status());
        }
        return Response.seeOther(URI.create(self(region, year, county) + "?done=returned")).build();
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("county") String county, MultivaluedMap<String, String> form) throws Exception {
        user.require();
        try {
            evaluations.approveSelfEvaluation(evaluationOf(county, year), ifMatch(form));
        } catch (ApiException | ProcessingException | WebApplicationException e) {
            Problem problem = Problem.of(e);
            if (problem.status() == 401) {
                return ErrorPages.page(problem);
            }
            return page(region, year, county, null, new Refusal("approve", problem, "", Map.of(), problem.fields()),
                    problem.status());
        }
        return Response.seeOther(URI.create(self(region, year, county) + "?done=approved")).build();
    }

    private Response page(String region, int year, String county, String done, Refusal refusal, int status)
            throws Exception {
        RegionResponse countyRegion = regions.getRegion(county);
        if (!region.equals(countyRegion.getParentCode())) {
            return ErrorPages.page(new Problem(404, "该县不属于此州（市）", county + " 的上级行政区是 "
                    + countyRegion.getParentCode() + "。", Map.of()));
        }
        String regionName = prefectureName(region);
        Optional<SelfEvaluationResponse> listed = listed(county, year);
        SelfEvaluationResponse evaluation = listed.isEmpty() ? null : evaluations.getSelfEvaluation(listed.get().getId());

        List<ReviewPage.CheckItem> checks = List.of();
        String checksUnavailable = null;
        try {
            checks = ReviewPage.checks(reportChecks.of(county, year));
        } catch (cn.eduduty.console.api.report.ApiException | IOException | ProcessingException | WebApplicationException e) {
            checksUnavailable = Problem.of(e).title();
        }

        List<ReviewPage.Area> areas = List.of();
        List<ReviewPage.Round> rounds = List.of();
        boolean reviewer = user.require().reviewer();
        boolean canReturn = false;
        boolean canApprove = false;
        if (evaluation != null) {
            List<IndicatorResponse> tree = frameworks.getFramework(evaluation.getFrameworkId()).getIndicators();
            Map<String, String> titles = tree.stream()
                    .collect(Collectors.toMap(IndicatorResponse::getCode, IndicatorResponse::getTitle, (a, b) -> a));
            List<String> allowed = evaluation.getAllowedActions() == null ? List.of() : evaluation.getAllowedActions();
            canReturn = reviewer && allowed.contains("return");
            canApprove = reviewer && allowed.contains("approve");
            if (canReturn) {
                areas = ReviewPage.areas(tree, refusal.typed(), refusal.errors());
            }
            rounds = ReviewPage.rounds(evaluations.listReviewComments(evaluation.getId()), titles);
        }
        // messages of fields the form does not show (a forged indicator code; a form no longer offered) go above it
        Map<String, String> otherErrors = new LinkedHashMap<>(refusal.errors());
        if (canReturn) {
            otherErrors.remove(ReturnForm.SUMMARY);
            areas.forEach(a -> a.fields().forEach(f -> otherErrors.remove(f.name())));
        }
        Review review = new Review(region, regionName, year, county, countyRegion.getName(), evaluation,
                Labels.status(evaluation == null || evaluation.getStatus() == null ? null : evaluation.getStatus().toString()),
                evaluation == null || evaluation.getSubmittedAt() == null ? null : Labels.minute(evaluation.getSubmittedAt()), canReturn, canApprove, checks,
                checksUnavailable, areas, rounds, done, refusal.problem(), refusal.action(), refusal.summary(),
                refusal.errors(), otherErrors);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.review(review)).build();
    }

    /**
     * The prefecture's name, or its code where the user may not read it (a county's staff, who may
     * open this page, read only their own county): the page is about the county.
     */
    private String prefectureName(String region) {
        try {
            return regions.getRegion(region).getName();
        } catch (cn.eduduty.console.api.registry.ApiException | ProcessingException | WebApplicationException e) {
            return region;
        }
    }

    private static String self(String region, int year, String county) {
        return "/prefectures/" + region + "/" + year + "/counties/" + county;
    }

    /** The county's self-evaluation of the year; none is a 404 page. */
    private UUID evaluationOf(String county, int year) throws ApiException {
        return listed(county, year).map(SelfEvaluationResponse::getId).orElseThrow(() -> new WebApplicationException(
                Response.status(404).build()));
    }

    private Optional<SelfEvaluationResponse> listed(String county, int year) throws ApiException {
        return evaluations.listSelfEvaluations(county, null, 0, 1, null, year).getItems().stream()
                .filter(e -> county.equals(e.getRegionCode())).findFirst();
    }

    /** The version the page was built from, as the service's ETag. */
    private static String ifMatch(MultivaluedMap<String, String> form) {
        String version = form.getFirst("version");
        return version == null ? null : "\"" + version + "\"";
    }
}
