package cn.eduduty.console.county;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.indicator.SelfEvaluationsApi;
import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.api.report.DeadlinesApi;
import cn.eduduty.console.api.report.ReportsApi;
import cn.eduduty.console.api.report.model.Check;
import cn.eduduty.console.api.report.model.DeadlineResponse;
import cn.eduduty.console.api.report.model.Figure;
import cn.eduduty.console.api.report.model.ReportContent;
import cn.eduduty.console.api.report.model.Statement;
import cn.eduduty.console.api.report.model.StatedFigure;
import cn.eduduty.console.web.Labels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A county's year: {@code /counties/{region}/{year}} at a glance (deadline, self-evaluation, the
 * checks a report preview fires now, each with a link to where it is fixed, the downloads), one
 * figure with its provenance ({@code .../figures/{key}}), and the live narrative check
 * ({@code POST .../narrative-check}, the fragment htmx swaps in while the user types).
 */
@Path("/counties/{region}/{year}")
@Produces(MediaType.TEXT_HTML)
public class CountyYearResource {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A third-level indicator's code, as a check's subject names it. */
    static final Pattern INDICATOR_CODE = Pattern.compile("[1-9][0-9]{0,2}(\\.[1-9][0-9]{0,2}){2}");

    /** A check as the page lists it: what it concerns, and where it is fixed (null: nowhere to go). */
    public record CheckRow(String severity, String severityLabel, String code, String message, String subject,
            String fixHref, String fixLabel) {
    }

    /** The deadline as the page shows it, or the lack of one. */
    public record Deadline(LocalDate due, String daysLeft, boolean overdue) {
    }

    /** A figure as its page shows it. */
    public record FigureView(Figure figure, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance year(String region, int year, int previousYear, int nextYear, String regionName, Deadline deadline,
                SelfEvaluationResponse evaluation, String statusLabel, List<Integer> years, List<CheckRow> checks,
                Problem previewProblem, List<FigureView> figures, ConsoleUser.Claims me);

        static native TemplateInstance figure(String region, int year, String regionName, FigureView view,
                String evaluationId, String generatedAt);

        static native TemplateInstance narrativeCheck(NarrativeCheck.Result check, String region, int year);
    }

    @Inject
    ConsoleUser user;

    @Inject
    NarrativeCheck narrativeCheck;

    @RestClient
    SelfEvaluationsApi evaluations;

    @RestClient
    DeadlinesApi deadlines;

    @RestClient
    ReportsApi reports;

    @GET
    public TemplateInstance year(@PathParam("region") String region, @PathParam("year") int year)
            throws Exception {
        ConsoleUser.Claims me = user.require();
        List<SelfEvaluationResponse> own = evaluations.listSelfEvaluations(region, null, 0, 50, null, null).getItems()
                .stream().filter(e -> region.equals(e.getRegionCode())).toList();
        SelfEvaluationResponse evaluation = own.stream().filter(e -> Objects.equals(e.getYear(), year)).findFirst()
                .orElse(null);
        List<Integer> years = own.stream().map(SelfEvaluationResponse::getYear).filter(Objects::nonNull).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        Deadline deadline = deadline(region, year);
        ReportContent preview = null;
        Problem previewProblem = null;
        try {
            preview = reports.previewReport(region, year, "json");
        } catch (ApiException | ProcessingException e) {
            previewProblem = Problem.of(e);
            if (previewProblem.status() == 401) {
                throw e;
            }
        }
        List<CheckRow> checks = preview == null ? List.of() : checks(region, year, preview, evaluation);
        List<FigureView> figures = preview == null || preview.getFigures() == null ? List.of()
                : preview.getFigures().stream().map(CountyYearResource::view).toList();
        String regionName = preview != null && preview.getRegionName() != null ? preview.getRegionName() : region;
        return Templates.year(region, year, year - 1, year + 1, regionName, deadline, evaluation,
                Labels.status(evaluation == null || evaluation.getStatus() == null ? null : evaluation.getStatus().value()).name(),
                years, checks, previewProblem, figures, me);
    }

    @GET
    @Path("figures/{key}")
    public TemplateInstance figure(@PathParam("region") String region, @PathParam("year") int year,
            @PathParam("key") String key) throws ApiException {
        user.require();
        ReportContent preview = reports.previewReport(region, year, "json");
        Figure figure = (preview.getFigures() == null ? List.<Figure>of() : preview.getFigures()).stream()
                .filter(f -> key.equals(f.getKey())).findFirst()
                .orElseThrow(() -> new ApiException(Response.status(404).build()));
        String evaluationId = preview.getEvaluation() == null || preview.getEvaluation().getId() == null ? null
                : preview.getEvaluation().getId().toString();
        return Templates.figure(region, year, preview.getRegionName() == null ? region : preview.getRegionName(),
                view(figure), evaluationId, preview.getGeneratedAt() == null ? null
                        : preview.getGeneratedAt().atZoneSameInstant(DaysLeft.CHINA).format(MINUTES));
    }

    /** The live check: the narrative as typed, marked; a fragment for {@code #narrative-check}. */
    @POST
    @Path("narrative-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance narrativeCheck(@PathParam("region") String region, @PathParam("year") int year,
            @FormParam("narrative") String narrative) {
        user.require();
        return Templates.narrativeCheck(narrativeCheck.check(region, year, narrative, false), region, year);
    }

    private Deadline deadline(String region, int year) throws ApiException {
        Optional<DeadlineResponse> due;
        try {
            due = deadlines.listDeadlines(region, true, 0, 50, year).getItems().stream()
                    .filter(d -> d.getDueAt() != null).min(Comparator.comparing(DeadlineResponse::getDueAt));
        } catch (ApiException | ProcessingException e) {
            if (Problem.of(e).status() == 401) {
                throw e;
            }
            due = Optional.empty();
        }
        if (due.isEmpty()) {
            return null;
        }
        LocalDate date = DaysLeft.dueDate(due.get().getDueAt());
        LocalDate today = LocalDate.now(DaysLeft.CHINA);
        return new Deadline(date, DaysLeft.wording(date, today), DaysLeft.overdue(date, today));
    }

    /**
     * The preview's checks with where each is fixed: an indicator (its rating page), a figure (its
     * page), the self-evaluation itself; other subjects (a school, the region) are named only.
     */
    static List<CheckRow> checks(String region, int year, ReportContent preview, SelfEvaluationResponse evaluation) {
        Map<String, Figure> figures = preview.getFigures() == null ? Map.of()
                : preview.getFigures().stream().filter(f -> f.getKey() != null)
                        .collect(Collectors.toMap(Figure::getKey, Function.identity(), (a, b) -> a));
        List<Statement> stated = preview.getStatedFigures() == null ? List.of() : preview.getStatedFigures();
        String evaluationId = evaluation == null ? null : String.valueOf(evaluation.getId());
        return (preview.getChecks() == null ? List.<Check>of() : preview.getChecks()).stream().map(c -> {
            String severity = c.getSeverity() == null ? "WARNING" : c.getSeverity().toString();
            String subject = c.getSubject();
            String href = null;
            String label = null;
            String shown = subject;
            if (subject != null && INDICATOR_CODE.matcher(subject).matches() && evaluationId != null) {
                href = "/evaluations/" + evaluationId + "/indicators/" + subject;
                label = "修改指标 " + subject;
                shown = "指标 " + subject + mismatchSentences(stated, subject);
            } else if (subject != null && figures.containsKey(subject)) {
                href = "/counties/" + region + "/" + year + "/figures/" + subject;
                label = "查看该数据";
                shown = figures.get(subject).getLabel() + "（" + subject + "）";
            } else if (subject != null && subject.equals(evaluationId)) {
                href = "/evaluations/" + evaluationId;
                label = "打开自评";
                shown = "本年度自评";
            }
            return new CheckRow(severity.toLowerCase(), Labels.severity(severity), c.getCode(), c.getMessage(), shown,
                    href, label);
        }).toList();
    }

    /** The sentences of an indicator's narrative whose numbers disagree with the computed ones. */
    private static String mismatchSentences(List<Statement> stated, String code) {
        String sentences = stated.stream()
                .filter(s -> code.equals(s.getIndicatorCode()) && s.getFigure() != null
                        && s.getFigure().getVerdict() == StatedFigure.VerdictEnum.MISMATCH)
                .map(s -> "“" + s.getFigure().getSentence() + "”").distinct().collect(Collectors.joining("；"));
        return sentences.isEmpty() ? "" : "：" + sentences;
    }

    static FigureView view(Figure f) {
        return new FigureView(f, f.getValue() == null ? null : Labels.value(f.getValue(), f.getUnit()));
    }
}
