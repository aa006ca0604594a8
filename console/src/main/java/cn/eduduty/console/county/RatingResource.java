package cn.eduduty.console.county;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.indicator.ApiException;
import cn.eduduty.console.api.indicator.SelfEvaluationsApi;
import cn.eduduty.console.api.indicator.model.EvidenceItem;
import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.RatingResponse;
import cn.eduduty.console.api.indicator.model.RecordRatingRequest;
import cn.eduduty.console.api.indicator.model.ReviewCommentResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /evaluations/{id}/indicators/{code}}: one third-level indicator, its criteria and its
 * rating, as a form for a county editor while the self-evaluation is a draft or returned (read-only
 * otherwise). Saving PUTs the rating with the evaluation's version as If-Match and answers 303 back
 * to the page; a refusal re-renders the form with what the user typed and the problem's messages
 * next to the fields they name. The narrative is checked live (htmx, {@link CountyYearResource})
 * and once when the page is drawn.
 */
@Path("/evaluations/{id}/indicators/{code}")
@Produces(MediaType.TEXT_HTML)
public class RatingResource {

    /** The form's fields that have a place for their own message. */
    static final Set<String> FIELDS = Set.of("rating", "narrative", "problem", "improvement");

    /** A rating the form offers. */
    public record Choice(String value, String label) {
    }

    static final List<Choice> CHOICES = List.of(new Choice("FULLY", "完全落实"), new Choice("BASICALLY", "基本落实"),
            new Choice("NOT", "尚未落实"), new Choice("NOT_APPLICABLE", "不适用"));

    /** What the form holds: the stored rating, or what the user sent. */
    public record Form(String rating, String narrative, String problem, String improvement, String version) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance indicator(Evaluation ev, IndicatorResponse indicator, RatingResponse stored,
                List<ReviewCommentResponse> comments, Form form, List<Choice> choices, boolean editable,
                NarrativeCheck.Result check, Problem problem, Map<String, String> errors, Map<String, String> otherErrors,
                boolean saved);
    }

    @Inject
    ConsoleUser user;

    @Inject
    Evaluation.Reader reader;

    @Inject
    NarrativeCheck narrativeCheck;

    @RestClient
    SelfEvaluationsApi evaluations;

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @PathParam("code") String code,
            @QueryParam("saved") String saved) throws ApiException {
        Evaluation ev = reader.read(id);
        RatingResponse stored = ev.ratings().get(code);
        Form form = stored == null ? new Form(null, "", "", "", String.valueOf(ev.evaluation().getVersion()))
                : new Form(stored.getRating() == null ? null : stored.getRating().value(), orEmpty(stored.getNarrative()),
                        orEmpty(stored.getProblem()), orEmpty(stored.getImprovement()),
                        String.valueOf(ev.evaluation().getVersion()));
        return render(ev, code, form, null, saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @PathParam("code") String code, @FormParam("rating") String rating,
            @FormParam("narrative") String narrative, @FormParam("problem") String problem,
            @FormParam("improvement") String improvement, @FormParam("version") String version)
            throws ApiException {
        user.require();
        Form form = new Form(rating, orEmpty(narrative), orEmpty(problem), orEmpty(improvement), orEmpty(version));
        try {
            // the evidence is not edited here: it goes back as stored, so saving the form never drops it
            RatingResponse stored = evaluations.listRatings(id).stream().filter(r -> code.equals(r.getIndicatorCode()))
                    .findFirst().orElse(null);
            List<EvidenceItem> evidence = stored == null || stored.getEvidence() == null ? List.of() : stored.getEvidence();
            RecordRatingRequest request = new RecordRatingRequest().rating(ratingOf(rating))
                    .narrative(blankToNull(narrative)).problem(blankToNull(problem))
                    .improvement(blankToNull(improvement)).evidence(evidence);
            evaluations.recordRating(code, id, request, "\"" + form.version() + "\"");
            return Response.seeOther(URI.create("/evaluations/" + id + "/indicators/" + code + "?saved=1")).build();
        } catch (ApiException | ProcessingException e) {
            Problem refused = Problem.of(e);
            if (refused.status() == 401) {
                throw e;
            }
            Evaluation now = reader.read(id);
            if (refused.status() == 412) {
                form = new Form(form.rating(), form.narrative(), form.problem(), form.improvement(),
                        String.valueOf(now.evaluation().getVersion()));
                refused = refused.keptOverNewerVersion();
            }
            return Response.status(refused.status()).entity(render(now, code, form, refused, false)).build();
        }
    }

    private TemplateInstance render(Evaluation ev, String code, Form form, Problem problem, boolean saved)
            throws ApiException {
        ConsoleUser.Claims me = user.require();
        IndicatorResponse indicator = ev.indicator(code)
                .filter(i -> i.getLevel() != null && i.getLevel() == 3)
                .orElseThrow(() -> new ApiException(Response.status(404).build()));
        NarrativeCheck.Result check = narrativeCheck.check(ev.evaluation().getRegionCode(), ev.evaluation().getYear(),
                form.narrative(), true);
        Map<String, String> errors = problem == null ? Map.of() : problem.fields();
        Map<String, String> other = problem == null ? Map.of() : problem.otherFields(FIELDS);
        return Templates.indicator(ev, indicator, ev.ratings().get(code), ev.commentsOn(code), form, CHOICES,
                ev.editableBy(me), check, problem, errors, other, saved);
    }

    /** The rating chosen; none (the service names the missing field) when absent or unknown. */
    private static RecordRatingRequest.RatingEnum ratingOf(String rating) {
        for (RecordRatingRequest.RatingEnum r : RecordRatingRequest.RatingEnum.values()) {
            if (r.value().equals(rating)) {
                return r;
            }
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
