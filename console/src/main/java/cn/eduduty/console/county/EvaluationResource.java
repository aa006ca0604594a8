package cn.eduduty.console.county;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /evaluations/{id}}: a self-evaluation in its framework's tree, each third-level indicator
 * with its rating, the reviewers' comments of its returns, and (for a county editor, while the
 * status allows it) submitting it. What is allowed comes from the evaluation's
 * {@code allowedActions}; the service decides, the page only offers.
 */
@Path("/evaluations/{id}")
@Produces(MediaType.TEXT_HTML)
public class EvaluationResource {

    /** A refusal names unrated indicators as {@code ratings[4.2.2]}: each links to its indicator. */
    static final Pattern RATING_FIELD = Pattern.compile("ratings\\[([^\\]]+)]");

    /** One message of a refused submission, with the indicator page it concerns (or null). */
    public record Refusal(String message, String href) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluation(Evaluation ev, ConsoleUser.Claims me, boolean editable,
                boolean canSubmit, Problem problem, List<Refusal> refusals, String done);
    }

    @Inject
    ConsoleUser user;

    @Inject
    Evaluation.Reader reader;

    @RestClient
    SelfEvaluationsApi evaluations;

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("submitted") String submitted)
            throws ApiException {
        return render(reader.read(id), null, submitted != null ? "已提交审核。州（市）审核人员审核后，状态会在此更新。" : null);
    }

    @POST
    @Path("submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, @FormParam("version") String version)
            throws ApiException {
        user.require();
        try {
            evaluations.submitSelfEvaluation(id, "\"" + version + "\"");
            return Response.seeOther(URI.create("/evaluations/" + id + "?submitted=1")).build();
        } catch (ApiException | ProcessingException e) {
            Problem problem = Problem.of(e);
            if (problem.status() == 401) {
                throw e;
            }
            return Response.status(problem.status()).entity(render(reader.read(id), problem, null)).build();
        }
    }

    private TemplateInstance render(Evaluation ev, Problem problem, String done) {
        ConsoleUser.Claims me = user.require();
        boolean editable = ev.editableBy(me);
        boolean canSubmit = editable && ev.allows("submit");
        List<Refusal> refusals = problem == null ? List.of() : problem.fields().entrySet().stream().map(f -> {
            Matcher code = RATING_FIELD.matcher(f.getKey());
            return code.matches()
                    ? new Refusal(f.getValue(), "/evaluations/" + ev.evaluation().getId() + "/indicators/" + code.group(1))
                    : new Refusal(f.getKey().isEmpty() ? f.getValue() : f.getKey() + "：" + f.getValue(), null);
        }).toList();
        return Templates.evaluation(ev, me, editable, canSubmit, problem, refusals, done);
    }
}
