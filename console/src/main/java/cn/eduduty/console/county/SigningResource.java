package cn.eduduty.console.county;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import cn.eduduty.console.api.indicator.model.ImprovementMeasure;
import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.NotablePractice;
import cn.eduduty.console.api.indicator.model.RecordSigningRequest;
import cn.eduduty.console.api.indicator.model.SigningResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /evaluations/{id}/signing}: what the county signs (authority, date, 经典做法, 改进措施), as
 * a form without JavaScript: the rows recorded so far plus a few blank ones; a row left blank, or
 * ticked 删除, is not sent. Saving PUTs the whole signing with the evaluation's version as
 * If-Match; a refusal shows each violation next to the field it names
 * ({@code notablePractices[0].title}: the sent list's index, mapped back to the row on the page).
 */
@Path("/evaluations/{id}/signing")
@Produces(MediaType.TEXT_HTML)
public class SigningResource {

    /** Blank rows offered below the recorded ones. */
    static final int BLANK_ROWS = 2;
    static final int MAX_PRACTICES = 10;
    static final int MAX_MEASURES = 20;

    /** A 经典做法 row: its fields as shown and the messages for them. */
    public record PracticeRow(int row, String title, String indicatorCode, String text, String titleError,
            String indicatorError, String textError, String rowError) {
    }

    /** A 改进措施 row; the report check it answers is kept as it was recorded (not edited here). */
    public record MeasureRow(int row, String text, String indicatorCode, String checkCode, String checkSubject,
            String textError, String indicatorError, String rowError) {
    }

    /** An indicator a row can name. */
    public record Option(String code, String label) {
    }

    /** The form as shown: recorded values or the user's input, with messages. */
    public record Form(String version, String signingAuthority, String signingDate, String authorityError,
            String dateError, List<PracticeRow> practices, List<MeasureRow> measures) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signing(Evaluation ev, Form form, List<Option> indicators, boolean editable,
                Problem problem, Map<String, String> otherErrors, boolean saved);
    }

    @Inject
    ConsoleUser user;

    @Inject
    Evaluation.Reader reader;

    @RestClient
    SelfEvaluationsApi evaluations;

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("saved") String saved) throws ApiException {
        Evaluation ev = reader.read(id);
        SigningResponse s = ev.evaluation().getSigning();
        List<PracticeRow> practices = new ArrayList<>();
        List<MeasureRow> measures = new ArrayList<>();
        if (s != null && s.getNotablePractices() != null) {
            for (NotablePractice p : s.getNotablePractices()) {
                practices.add(new PracticeRow(practices.size(), p.getTitle(), p.getIndicatorCode(), p.getText(), null,
                        null, null, null));
            }
        }
        if (s != null && s.getImprovementMeasures() != null) {
            for (ImprovementMeasure m : s.getImprovementMeasures()) {
                measures.add(new MeasureRow(measures.size(), m.getText(), m.getIndicatorCode(), m.getCheckCode(),
                        m.getCheckSubject(), null, null, null));
            }
        }
        Form form = new Form(String.valueOf(ev.evaluation().getVersion()),
                s == null ? "" : orEmpty(s.getSigningAuthority()),
                s == null || s.getSigningDate() == null ? "" : s.getSigningDate().toString(), null, null,
                withBlankPractices(practices), withBlankMeasures(measures));
        return render(ev, form, null, saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @FormParam("version") String version,
            @FormParam("signingAuthority") String authority, @FormParam("signingDate") String date,
            @FormParam("practiceTitle") List<String> practiceTitles,
            @FormParam("practiceIndicator") List<String> practiceIndicators,
            @FormParam("practiceText") List<String> practiceTexts, @FormParam("practiceRemove") List<String> practiceRemoved,
            @FormParam("measureText") List<String> measureTexts,
            @FormParam("measureIndicator") List<String> measureIndicators,
            @FormParam("measureCheckCode") List<String> measureCheckCodes,
            @FormParam("measureCheckSubject") List<String> measureCheckSubjects,
            @FormParam("measureRemove") List<String> measureRemoved) throws ApiException {
        user.require();
        // the rows as the user left them, each sent to the service in that order (its index in the request is its row)
        List<PracticeRow> practiceRows = new ArrayList<>();
        List<NotablePractice> practices = new ArrayList<>();
        Set<String> removedPractices = new HashSet<>(practiceRemoved);
        for (int i = 0; i < practiceTitles.size(); i++) {
            String title = at(practiceTitles, i);
            String code = at(practiceIndicators, i);
            String text = at(practiceTexts, i);
            boolean blank = title.isBlank() && code.isBlank() && text.isBlank();
            if (removedPractices.contains(String.valueOf(i)) || blank) {
                continue;
            }
            practiceRows.add(new PracticeRow(practiceRows.size(), title, code, text, null, null, null, null));
            practices.add(new NotablePractice().title(title).indicatorCode(blankToNull(code)).text(blankToNull(text)));
        }
        List<MeasureRow> measureRows = new ArrayList<>();
        List<ImprovementMeasure> measures = new ArrayList<>();
        Set<String> removedMeasures = new HashSet<>(measureRemoved);
        for (int i = 0; i < measureTexts.size(); i++) {
            String text = at(measureTexts, i);
            String code = at(measureIndicators, i);
            String checkCode = at(measureCheckCodes, i);
            String checkSubject = at(measureCheckSubjects, i);
            if (removedMeasures.contains(String.valueOf(i)) || (text.isBlank() && code.isBlank())) {
                continue;
            }
            measureRows.add(new MeasureRow(measureRows.size(), text, code, checkCode, checkSubject, null, null, null));
            measures.add(new ImprovementMeasure().text(text).indicatorCode(blankToNull(code))
                    .checkCode(blankToNull(checkCode)).checkSubject(blankToNull(checkSubject)));
        }
        String dateError = null;
        LocalDate signingDate = null;
        if (date != null && !date.isBlank()) {
            try {
                signingDate = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                dateError = "请按“年-月-日”填写日期，例如 2025-10-20。";
            }
        }
        Form form = new Form(orEmpty(version), orEmpty(authority), orEmpty(date), null, dateError, practiceRows,
                measureRows);
        if (dateError != null) {
            Problem problem = new Problem(400, "未保存：请更正标出的内容", null, Map.of("signingDate", dateError));
            return Response.status(400).entity(render(reader.read(id), withErrors(form, problem), problem, false)).build();
        }
        RecordSigningRequest request = new RecordSigningRequest().signingAuthority(blankToNull(authority))
                .signingDate(signingDate).notablePractices(practices).improvementMeasures(measures);
        try {
            evaluations.recordSigning(id, request, "\"" + form.version() + "\"");
            return Response.seeOther(URI.create("/evaluations/" + id + "/signing?saved=1")).build();
        } catch (ApiException | ProcessingException e) {
            Problem problem = Problem.of(e);
            if (problem.status() == 401) {
                throw e;
            }
            Evaluation now = reader.read(id);
            Form shown = form;
            if (problem.status() == 412) {
                shown = new Form(String.valueOf(now.evaluation().getVersion()), form.signingAuthority(), form.signingDate(),
                        form.authorityError(), form.dateError(), form.practices(), form.measures());
                problem = problem.keptOverNewerVersion();
            }
            return Response.status(problem.status()).entity(render(now, withErrors(shown, problem), problem, false)).build();
        }
    }

    private TemplateInstance render(Evaluation ev, Form form, Problem problem, boolean saved) {
        ConsoleUser.Claims me = user.require();
        boolean editable = ev.editableBy(me);
        Form shown = editable ? new Form(form.version(), form.signingAuthority(), form.signingDate(),
                form.authorityError(), form.dateError(), withBlankPractices(form.practices()),
                withBlankMeasures(form.measures())) : form;
        List<Option> indicators = ev.framework().getIndicators() == null ? List.of()
                : ev.framework().getIndicators().stream().filter(i -> i.getLevel() != null && i.getLevel() == 3)
                        .map(SigningResource::option).toList();
        return Templates.signing(ev, shown, indicators, editable, problem,
                problem == null ? Map.of() : otherErrors(problem, form), saved);
    }

    /** The form with each violation's message on the row and field it names. */
    static Form withErrors(Form form, Problem problem) {
        List<PracticeRow> practices = new ArrayList<>();
        for (PracticeRow p : form.practices()) {
            String at = "notablePractices[" + p.row() + "]";
            practices.add(new PracticeRow(p.row(), p.title(), p.indicatorCode(), p.text(), problem.field(at + ".title"),
                    problem.field(at + ".indicatorCode"), problem.field(at + ".text"), problem.field(at)));
        }
        List<MeasureRow> measures = new ArrayList<>();
        for (MeasureRow m : form.measures()) {
            String at = "improvementMeasures[" + m.row() + "]";
            String indicatorError = join(problem.field(at + ".indicatorCode"),
                    join(problem.field(at + ".checkCode"), problem.field(at + ".checkSubject")));
            measures.add(new MeasureRow(m.row(), m.text(), m.indicatorCode(), m.checkCode(), m.checkSubject(),
                    problem.field(at + ".text"), indicatorError, problem.field(at)));
        }
        return new Form(form.version(), form.signingAuthority(), form.signingDate(),
                problem.field("signingAuthority"), form.dateError() != null ? form.dateError() : problem.field("signingDate"),
                practices, measures);
    }

    /** Violations the form has no place for (e.g. the lists as a whole): listed under the title. */
    private static Map<String, String> otherErrors(Problem problem, Form form) {
        Map<String, String> other = new LinkedHashMap<>();
        problem.fields().forEach((field, message) -> {
            boolean placed = field.equals("signingAuthority") || field.equals("signingDate")
                    || field.matches("notablePractices\\[\\d+](\\.(title|indicatorCode|text))?")
                    && rowExists(field, form.practices().size())
                    || field.matches("improvementMeasures\\[\\d+](\\.(text|indicatorCode|checkCode|checkSubject))?")
                    && rowExists(field, form.measures().size());
            if (!placed) {
                other.put(field, message);
            }
        });
        return other;
    }

    private static boolean rowExists(String field, int rows) {
        int index = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        return index < rows;
    }

    private static List<PracticeRow> withBlankPractices(List<PracticeRow> rows) {
        List<PracticeRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS && all.size() < MAX_PRACTICES; i++) {
            all.add(new PracticeRow(all.size(), "", "", "", null, null, null, null));
        }
        return all;
    }

    private static List<MeasureRow> withBlankMeasures(List<MeasureRow> rows) {
        List<MeasureRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS && all.size() < MAX_MEASURES; i++) {
            all.add(new MeasureRow(all.size(), "", "", "", "", null, null, null));
        }
        return all;
    }

    private static Option option(IndicatorResponse i) {
        return new Option(i.getCode(), i.getCode() + " " + i.getTitle());
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "；" + b;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
